import { guardHost } from '@/components/overlay/host/guard';
import hostCss from '@/components/overlay/host/host.css?inline';
import { uiLanguage } from '@/lib/i18n';

export interface LayerOptions<T> {
  win: Window;
  /** The host's tag (OVERLAY_TAG: the recording drops it). */
  name: string;
  /** The layer's own CSS; host.css (hardening, palette, reduced motion) is put before it. */
  css: string;
  /** Events that stop at the shadow root: the page never sees them. */
  isolateEvents: readonly string[];
  /** The content script's lifetime: the layer goes when it ends. */
  signal: AbortSignal;
  onMount: (container: HTMLElement) => T;
  onRemove?: (mounted: T) => void;
}

export interface Layer {
  mount(): void;
  remove(): void;
}

/**
 * A Touchpoint layer over the page: a closed shadow root (rrweb cannot see into it, so it is
 * never recorded; page scripts cannot reach it) on a host that host.css and guardHost keep
 * visible, clickable and on top whatever the page does (see lib/overlay-host/guard.ts).
 * Nothing is added to the document but the host: no global styles.
 */
export function createLayer<T>(opts: LayerOptions<T>): Layer {
  const { win, name, css, isolateEvents, signal, onMount, onRemove } = opts;
  const doc = win.document;
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `${hostCss}\n${css}`;
  const container = doc.createElement('div');
  // The page's own lang says nothing of Touchpoint's words: screen readers read them in the UI's.
  container.lang = uiLanguage();
  shadow.append(style, container);
  for (const type of isolateEvents) shadow.addEventListener(type, (e) => e.stopPropagation());

  let life: AbortController | null = null;
  let mounted: { value: T } | null = null;

  const remove = () => {
    if (!life) return;
    life.abort();
    life = null;
    if (mounted) onRemove?.(mounted.value);
    mounted = null;
    host.remove();
    container.replaceChildren();
  };
  signal.addEventListener('abort', remove, { once: true });

  return {
    mount() {
      if (life || signal.aborted) return;
      life = new AbortController();
      guardHost({ win, host, signal: life.signal });
      mounted = { value: onMount(container) };
    },
    remove,
  };
}
