// @vitest-environment happy-dom
import { IDLE_START_MS, START_NOW, whenIdle } from '@/lib/record/idle-start';

/** A window whose idle callbacks the test runs by hand. */
function fakeWindow() {
  const idle: { fn: () => void; timeout?: number; cancelled: boolean }[] = [];
  const win = Object.assign(new EventTarget(), {
    requestIdleCallback: (fn: () => void, opts?: { timeout?: number }) =>
      idle.push({ fn, timeout: opts?.timeout, cancelled: false }),
    cancelIdleCallback: (h: number) => {
      const entry = idle[h - 1];
      if (entry) entry.cancelled = true;
    },
  });
  const runIdle = () => {
    for (const e of idle) if (!e.cancelled) e.fn();
  };
  return { win: win as unknown as Window, idle, runIdle };
}

describe('whenIdle', () => {
  it('starts once, when the page is idle, within IDLE_START_MS', () => {
    const { win, idle, runIdle } = fakeWindow();
    const start = vi.fn();
    whenIdle(win, new AbortController().signal, start);
    expect(start).not.toHaveBeenCalled();
    expect(idle[0]?.timeout).toBe(IDLE_START_MS);
    runIdle();
    runIdle();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('never starts once cancelled or torn down', () => {
    const a = fakeWindow();
    const start = vi.fn();
    whenIdle(a.win, new AbortController().signal, start).cancel();
    a.runIdle();
    const b = fakeWindow();
    const teardown = new AbortController();
    whenIdle(b.win, teardown.signal, start);
    teardown.abort();
    b.runIdle();
    expect(start).not.toHaveBeenCalled();
  });

  it('does not start for an event the page made up (only the persona’s own start it early)', () => {
    const { win } = fakeWindow();
    const start = vi.fn();
    whenIdle(win, new AbortController().signal, start);
    for (const type of START_NOW) win.dispatchEvent(new Event(type));
    expect(start).not.toHaveBeenCalled();
  });

  it('listens for every kind of first action a step comes from', () => {
    // Clicks, typing (keys, text input, focus), scrolling, touches: each is a step or precedes one.
    expect(START_NOW).toEqual(expect.arrayContaining(['pointerdown', 'keydown', 'input', 'scroll', 'touchstart']));
  });
});
