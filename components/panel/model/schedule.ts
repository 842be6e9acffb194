import type { PanelEnv } from '@/components/panel/model/panel-env';

type Timers = Pick<PanelEnv, 'now' | 'setTimer'>;

/** Runs `fn` at once, then at most once per `ms`; calls in between collapse into one trailing run. */
export function throttle(fn: () => void, ms: number, env: Timers): () => void {
  let last = Number.NEGATIVE_INFINITY;
  let pending = false;
  const run = () => {
    pending = false;
    last = env.now();
    fn();
  };
  return () => {
    if (pending) return;
    const wait = last + ms - env.now();
    if (wait <= 0) run();
    else {
      pending = true;
      env.setTimer(run, wait);
    }
  };
}

/**
 * Runs `fn` once calls have paused for `quietMs`, or `maxWaitMs` after the first of a burst if
 * they never pause. A page's navigation is a burst (its last flush, a tab step, the next page's
 * first events): one run after it costs less than one per call, and does not compete with the
 * page while it loads.
 */
export function coalesce(fn: () => void, quietMs: number, maxWaitMs: number, env: Timers): () => void {
  /** When the burst began; null while no run is pending. */
  let first: number | null = null;
  let latest = 0;
  const check = () => {
    const wait = Math.min(latest + quietMs, (first ?? latest) + maxWaitMs) - env.now();
    if (wait > 0) {
      env.setTimer(check, wait);
      return;
    }
    first = null;
    fn();
  };
  return () => {
    latest = env.now();
    if (first !== null) return; // a timer is set: it looks again when it fires
    first = latest;
    env.setTimer(check, quietMs);
  };
}
