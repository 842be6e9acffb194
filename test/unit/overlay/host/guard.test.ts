// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardHost } from '@/components/overlay/host/guard';

// MutationObserver callbacks run as microtasks; a macrotask has seen them all.
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let life: AbortController;
let host: HTMLElement;

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><p>page</p></body>';
  life = new AbortController();
  host = document.createElement('touchpoint-overlay');
});
afterEach(() => {
  life.abort();
  vi.useRealTimers();
});

const lastChild = () => document.documentElement.lastElementChild;

describe('guardHost', () => {
  it('attaches the host as the last child of <html>', () => {
    guardHost({ win: window, host, signal: life.signal });
    expect(lastChild()).toBe(host);
  });

  it('puts the host back when the page removes it, rewrites <html> or moves it into the body', async () => {
    const guard = guardHost({ win: window, host, signal: life.signal });
    host.remove();
    await settle();
    expect(lastChild()).toBe(host);

    document.documentElement.innerHTML = '<head></head><body><p>replaced</p></body>';
    await settle();
    expect(lastChild()).toBe(host);
    expect(document.body.textContent).toBe('replaced');

    const box = document.createElement('span');
    box.hidden = true;
    document.body.append(box);
    box.append(host);
    await settle();
    expect(host.parentNode).toBe(document.documentElement);
    expect(guard.repairs).toBe(3);
  });

  it('follows a new <html> when the page replaces the document element', async () => {
    guardHost({ win: window, host, signal: life.signal });
    const fresh = document.createElement('html');
    fresh.innerHTML = '<head></head><body>new</body>';
    // (happy-dom's document.replaceChild refuses this; removing then appending is the same change)
    document.documentElement.remove();
    document.append(fresh);
    await settle();
    expect(fresh.lastElementChild).toBe(host);
    // And keeps watching the new one.
    host.remove();
    await settle();
    expect(fresh.lastElementChild).toBe(host);
  });

  it('takes away an inert attribute the page puts on the host', async () => {
    guardHost({ win: window, host, signal: life.signal });
    host.setAttribute('inert', '');
    await settle();
    expect(host.hasAttribute('inert')).toBe(false);
  });

  it('does nothing more once its signal ends', async () => {
    const guard = guardHost({ win: window, host, signal: life.signal });
    life.abort();
    host.remove();
    await settle();
    expect(host.isConnected).toBe(false);
    expect(guard.repairs).toBe(0);
  });

  it('stops fighting a page that removes it at once, and comes back when the page gives up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const killer = new MutationObserver(() => {
      for (const el of [...document.documentElement.children]) if (el.localName === host.localName) el.remove();
    });
    killer.observe(document.documentElement, { childList: true });
    const guard = guardHost({ win: window, host, signal: life.signal, max: 5, perMs: 1000 });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    // Five repairs, then it waits: the page is not frozen by an endless ping-pong.
    expect(guard.repairs).toBe(5);
    expect(host.isConnected).toBe(false);
    killer.disconnect();
    await vi.advanceTimersByTimeAsync(1000);
    expect(lastChild()).toBe(host);
    expect(guard.repairs).toBe(6);
  });
});

describe('guardHost in the top layer', () => {
  // happy-dom has no popovers: a minimal stand-in with the API's shape, to check what the guard
  // asks of it (the real top layer is checked in Chromium by test/e2e/hostile.spec.ts).
  let open: boolean;
  beforeEach(() => {
    open = false;
    const matches = host.matches.bind(host);
    Object.assign(host, {
      showPopover: vi.fn(() => {
        if (host.getAttribute('popover') === null || !host.isConnected) throw new Error('cannot show');
        open = true;
      }),
      hidePopover: vi.fn(() => {
        open = false;
      }),
      matches: (sel: string) => (sel === ':popover-open' ? open : matches(sel)),
    });
  });

  it('shows the host as a manual popover', () => {
    guardHost({ win: window, host, signal: life.signal });
    expect(host.getAttribute('popover')).toBe('manual');
    expect(open).toBe(true);
  });

  it('shows it again when the page hides it or takes its popover attribute away', async () => {
    guardHost({ win: window, host, signal: life.signal });
    host.hidePopover();
    host.dispatchEvent(new Event('toggle'));
    await settle();
    expect(open).toBe(true);

    open = false; // removing the attribute closes a popover
    host.removeAttribute('popover');
    await settle();
    expect(host.getAttribute('popover')).toBe('manual');
    expect(open).toBe(true);

    host.remove();
    open = false;
    await settle();
    expect(open).toBe(true);
  });

  it("goes above the page's own popovers and modal dialogs as they open, not above its own layers", async () => {
    guardHost({ win: window, host, signal: life.signal });
    const hide = vi.mocked(host.hidePopover);
    const openPopover = (sel: string): boolean => sel === ':popover-open';
    const theirs = document.createElement('aside');
    Object.assign(theirs, { matches: openPopover });
    document.body.append(theirs);
    theirs.dispatchEvent(new Event('toggle'));
    expect(hide).toHaveBeenCalledTimes(1);
    expect(open).toBe(true);

    // Another Touchpoint layer (the tagging tools) opening keeps its place above the overlay.
    const ours = document.createElement('touchpoint-overlay');
    Object.assign(ours, { matches: openPopover });
    document.documentElement.append(ours);
    ours.dispatchEvent(new Event('toggle'));
    // A <details> toggling is not the top layer.
    const details = document.createElement('details');
    document.body.append(details);
    details.dispatchEvent(new Event('toggle'));
    expect(hide).toHaveBeenCalledTimes(1);
  });
});
