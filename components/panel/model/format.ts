import type { Walk } from '@/lib/model';
import { formatClock } from '@/lib/present';

/** A step's time from the start of its walk (a step stamped before the start shows 0:00). */
export function stepTime(at: number, walkStartedAt: number): string {
  return formatClock(at - walkStartedAt);
}

/** How long a walk lasted, or has lasted so far, as a clock. */
export function walkDuration(w: Pick<Walk, 'startedAt' | 'endedAt'>, now: number): string {
  return formatClock((w.endedAt ?? now) - w.startedAt);
}

/** A page for the steps list: its title, or its path when it has none. */
export function pageLabel(step: { url: string; title: string }): string {
  if (step.title.trim()) return step.title.trim();
  try {
    const u = new URL(step.url);
    return u.pathname + u.search;
  } catch {
    return step.url;
  }
}
