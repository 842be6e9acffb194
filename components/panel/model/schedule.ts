import type { PanelEnv } from '@/components/panel/model/panel-env';

type Timers = Pick<PanelEnv, 'now' | 'setTimer'>;

/**
 * Runs `fn` once calls have paused for `quietMs`, or `maxWaitMs` after the first of a burst if
 * they never pause. A page's navigation is a burst of notices (its last flush, a tab step, the
 * next page's first events): the storage estimate taken once after it costs less than one per
 * notice, and does not compete with the page while it loads.
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
