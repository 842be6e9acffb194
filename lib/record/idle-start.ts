/**
 * The first full snapshot waits for the page to be idle (after the load and what the page does
 * right after it), at most this long. rrweb observes nothing before its snapshot, and needs not:
 * the snapshot holds every change made before it.
 */
export const IDLE_START_MS = 1000;

/**
 * What the persona does that must be recorded from its first event: any of these (trusted) starts
 * the recording at once, in capture on the window, before the event reaches the document where
 * rrweb's own listeners are then added (a listener added to a target the event has not reached yet
 * still hears it). A scroll is a step; a page's own scroll starts the recording too, which only
 * costs it the wait.
 */
export const START_NOW = ['pointerdown', 'mousedown', 'touchstart', 'keydown', 'focusin', 'input', 'wheel', 'scroll'];

/**
 * Calls `start` once: when the page is idle (within IDLE_START_MS), or at the persona's first
 * action. `cancel()` forgets it (the page was paused, torn down, or started otherwise).
 */
export function whenIdle(win: Window, signal: AbortSignal, start: () => void): { cancel(): void } {
  const wait = new AbortController();
  const now = () => {
    if (wait.signal.aborted) return;
    wait.abort();
    start();
  };
  if (typeof win.requestIdleCallback === 'function') {
    const handle = win.requestIdleCallback(now, { timeout: IDLE_START_MS });
    wait.signal.addEventListener('abort', () => win.cancelIdleCallback(handle));
  } else {
    const handle = win.setTimeout(now, 0);
    wait.signal.addEventListener('abort', () => win.clearTimeout(handle));
  }
  const on = { capture: true, passive: true, signal: AbortSignal.any([wait.signal, signal]) };
  for (const type of START_NOW) win.addEventListener(type, (e) => e.isTrusted && now(), on);
  signal.addEventListener('abort', () => wait.abort(), { signal: wait.signal });
  return { cancel: () => wait.abort() };
}
