// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLayer } from '@/components/overlay/host/mount';

let life: AbortController;
beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
  life = new AbortController();
});
afterEach(() => life.abort());

function layer(onRemove = vi.fn()) {
  let inside: HTMLButtonElement | null = null;
  const onMount = vi.fn((container: HTMLElement) => {
    inside = document.createElement('button');
    container.append(inside);
    return container;
  });
  const ui = createLayer({
    win: window,
    name: 'touchpoint-overlay',
    css: '.mine { color: red; }',
    isolateEvents: ['click', 'keydown'],
    signal: life.signal,
    onMount,
    onRemove,
  });
  return { ui, onMount, onRemove, button: () => inside as HTMLButtonElement | null };
}

describe('createLayer', () => {
  it('mounts once, in a closed shadow root on a host that is the last child of <html>', () => {
    const { ui, onMount } = layer();
    ui.mount();
    ui.mount();
    expect(onMount).toHaveBeenCalledTimes(1);
    const host = document.documentElement.lastElementChild as HTMLElement;
    expect(host.localName).toBe('touchpoint-overlay');
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot reach in
    // Nothing else is added to the page: no global style.
    expect(document.querySelectorAll('style, link').length).toBe(0);
  });

  it("keeps the layer's clicks and keys from the page, and lets others through", () => {
    const { ui, button } = layer();
    ui.mount();
    const seen: string[] = [];
    for (const type of ['click', 'keydown', 'focusin']) document.addEventListener(type, () => seen.push(type));
    const b = button();
    if (!b) throw new Error('not mounted');
    b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    b.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    b.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(seen).toEqual(['focusin']);
  });

  it('removes the host and unmounts on remove() or when the signal ends, and is not put back', async () => {
    const first = layer();
    first.ui.mount();
    first.ui.remove();
    expect(first.onRemove).toHaveBeenCalledTimes(1);
    expect(document.querySelector('touchpoint-overlay')).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('touchpoint-overlay')).toBeNull();

    const second = layer();
    second.ui.mount();
    life.abort();
    expect(second.onRemove).toHaveBeenCalledTimes(1);
    expect(document.querySelector('touchpoint-overlay')).toBeNull();
    second.ui.mount(); // the content script is gone: nothing to mount for
    expect(second.onMount).toHaveBeenCalledTimes(1);
  });
});
