/** How much of something a page may make the recorder keep. */
export interface RateLimits {
  /** Let through at most this many in any one second… */
  perSecond: number;
  /** …and at most this many over the page's life. */
  perPage: number;
  /** What was held back is reported (one count) at most this often. */
  reportMs: number;
}

export interface LimiterDeps {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** `n` were held back since the last report. */
  onSuppressed: (n: number) => void;
}

/**
 * A per-second and per-page budget for what a page can push at the recorder (its script errors,
 * forwarded through a window message that the page itself can post as often as it likes). What
 * is over budget is counted, and the count reported at most once per `reportMs`, so a flood
 * costs one check per message and one signal per period.
 */
export function createLimiter(limits: RateLimits, deps: LimiterDeps) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let inWindow = 0;
  let total = 0;
  let held = 0;
  let timer: unknown = null;

  const report = () => {
    timer = null;
    if (held === 0) return;
    const n = held;
    held = 0;
    deps.onSuppressed(n);
  };

  return {
    /** Whether one more may go through; if not, it is counted for the next report. */
    take(): boolean {
      const now = deps.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        inWindow = 0;
      }
      if (inWindow < limits.perSecond && total < limits.perPage) {
        inWindow++;
        total++;
        return true;
      }
      held++;
      if (timer === null) timer = deps.setTimer(report, limits.reportMs);
      return false;
    },
    /** The page is going away: nothing more is reported. */
    stop(): void {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}
