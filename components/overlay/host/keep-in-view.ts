import { shiftIntoView } from '@/components/overlay/host/fit';

/**
 * Keeps a layer's panel wholly inside the viewport when the window shrinks or the panel grows
 * (expanded, a notice shown): `move` receives the shift, so the position stays in its model.
 * Checked once per frame at most; ends with `signal`.
 */
export function keepInView(opts: {
  win: Window;
  signal: AbortSignal;
  panel: () => Element | null;
  move: (dx: number, dy: number) => void;
}): void {
  const { win, signal, panel, move } = opts;
  let frame: number | null = null;
  const check = () => {
    if (frame !== null || signal.aborted) return;
    frame = win.requestAnimationFrame(() => {
      frame = null;
      const el = panel();
      if (!el) return;
      const { dx, dy } = shiftIntoView(el.getBoundingClientRect(), {
        width: win.innerWidth,
        height: win.innerHeight,
      });
      if (dx !== 0 || dy !== 0) move(dx, dy);
    });
  };
  win.addEventListener('resize', check, { signal });
  const sizes = new (win as Window & typeof globalThis).ResizeObserver(check);
  const el = panel();
  if (el) sizes.observe(el);
  signal.addEventListener(
    'abort',
    () => {
      sizes.disconnect();
      if (frame !== null) win.cancelAnimationFrame(frame);
    },
    { once: true },
  );
  check();
}
