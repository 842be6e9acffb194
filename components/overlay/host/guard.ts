import { createRepairBudget } from '@/components/overlay/host/budget';

export interface GuardOptions {
  win: Window;
  /** Touchpoint's shadow host. */
  host: HTMLElement;
  /** Ends the guard (the content script is invalidated or the layer removed). */
  signal: AbortSignal;
  /** Repairs allowed per window before they wait (see budget.ts). */
  max?: number;
  perMs?: number;
  now?: () => number;
}

export interface HostGuard {
  /** Repairs made so far (put back, shown again, raised). */
  readonly repairs: number;
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false; // an engine without popovers or :modal
  }
}

const isOpen = (el: Element) => matches(el, ':popover-open');
/** In the top layer: an open popover or a modal dialog (not a <details> toggling). */
const onTop = (el: Element) => isOpen(el) || matches(el, ':modal');

/**
 * Keeps a Touchpoint host where the page cannot bury it: the last child of <html>, shown in the
 * top layer (popover="manual"), above the page's own top-layer elements. The page may remove it
 * (`documentElement.innerHTML = …`, a MutationObserver deleting unknown elements), move it,
 * hide it (`hidePopover()`, removing the popover attribute), make it inert, or open its own
 * popovers and dialogs over it: each is repaired, within a budget (by default 10 repairs a
 * second) so that a page fighting back cannot freeze itself. Only <html>'s and the document's
 * children and the host's attributes are observed, never the page's subtree.
 */
export function guardHost({ win, host, signal, max = 10, perMs = 1000, now = Date.now }: GuardOptions): HostGuard {
  const doc = win.document;
  const budget = createRepairBudget({ max, perMs, now });
  const topLayer = typeof host.showPopover === 'function';
  let repairs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let raiseLater = false;

  const inPlace = () => doc.documentElement !== null && host.parentNode === doc.documentElement;
  const attributesOk = () => !host.hasAttribute('inert') && (!topLayer || host.getAttribute('popover') === 'manual');
  const healthy = () => inPlace() && attributesOk() && (!topLayer || isOpen(host));

  function show(): void {
    if (!topLayer || !host.isConnected || isOpen(host)) return;
    try {
      host.showPopover();
    } catch {
      // Not in a state to be shown (mid-removal): the next mutation or toggle tries again.
    }
  }

  function place(): void {
    if (host.hasAttribute('inert')) host.removeAttribute('inert');
    if (topLayer && host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (!inPlace()) doc.documentElement?.append(host);
    show();
    watchRoot();
  }

  function later(): void {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(() => {
      timer = undefined;
      repair();
      if (raiseLater) raise();
    }, budget.wait());
  }

  function repair(): void {
    if (signal.aborted || healthy()) return;
    if (!budget.take()) {
      later();
      return;
    }
    repairs++;
    place();
  }

  /** Another element entered the top layer: showing ours again puts it on top. */
  function raise(): void {
    raiseLater = false;
    if (signal.aborted || !topLayer || !isOpen(host)) return;
    if (!budget.take()) {
      raiseLater = true;
      later();
      return;
    }
    repairs++;
    try {
      host.hidePopover();
    } catch {
      // Already closed by the page in the meantime: showing it is all that is left to do.
    }
    show();
  }

  const observer = new (win as Window & typeof globalThis).MutationObserver(() => repair());
  let watchedRoot: Element | null = null;
  function watchRoot(): void {
    const root = doc.documentElement;
    if (!root || root === watchedRoot) return;
    watchedRoot = root;
    observer.observe(root, { childList: true });
  }
  observer.observe(doc, { childList: true });
  observer.observe(host, { attributes: true, attributeFilter: ['popover', 'inert'] });
  place();

  host.addEventListener('toggle', () => repair(), { signal });
  win.addEventListener(
    'toggle',
    (e) => {
      const target = e.target as Element | null;
      // Our other layers (same tag) keep the order they were opened in.
      if (target && target.localName !== host.localName && onTop(target)) raise();
    },
    { capture: true, signal },
  );
  doc.addEventListener('fullscreenchange', () => doc.fullscreenElement && raise(), { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );

  return {
    get repairs() {
      return repairs;
    },
  };
}
