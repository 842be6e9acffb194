/**
 * How often the host may be repaired. A page that removes unknown elements as soon as they
 * appear would otherwise play ping-pong with us in microtasks and freeze itself: past `max`
 * repairs within `perMs`, repairs wait until the window has room again.
 */
export interface RepairBudget {
  /** Takes one repair if the window has room; false otherwise. */
  take(): boolean;
  /** Milliseconds until the next repair is allowed (0 when one is allowed now). */
  wait(): number;
}

export function createRepairBudget(opts: { max: number; perMs: number; now: () => number }): RepairBudget {
  const { max, perMs, now } = opts;
  const stamps: number[] = [];
  const expire = () => {
    const cutoff = now() - perMs;
    while (stamps.length > 0 && (stamps[0] ?? 0) <= cutoff) stamps.shift();
  };
  return {
    take() {
      expire();
      if (stamps.length >= max) return false;
      stamps.push(now());
      return true;
    },
    wait() {
      expire();
      if (stamps.length < max) return 0;
      return Math.max(1, (stamps[0] ?? 0) + perMs - now());
    },
  };
}
