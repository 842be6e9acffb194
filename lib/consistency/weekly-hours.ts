/**
 * A week of opening hours as a mask of its 10,080 minutes (Monday 00:00 = minute 0), and its one
 * canonical written form, which is what an opening-hours fact holds in `value`:
 *
 *   `mo 09:00-14:00,16:00-19:00; tu 09:00-14:00; sa 10:00-14:00`
 *
 * Days in order mo tu we th fr sa su, closed days left out, each day's open intervals sorted and
 * merged, an interval running past midnight cut at `24:00` and continued on the next day
 * (`fr 22:00-24:00; sa 00:00-02:00`), a week with no open minute written `closed`. Because it is
 * written from the mask, two schedules are equal as strings exactly when they open the same
 * minutes, however the page wrote them; `parseWeek` reads it back so a comparison can say how two
 * schedules differ (`diffWeeks`).
 */

export const DAY_MINUTES = 1440;
export const WEEK_MINUTES = 7 * DAY_MINUTES;
export const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;

/** Minutes from Monday 00:00, start inclusive, end exclusive. */
export type Interval = [start: number, end: number];

/** The mask of a set of intervals; past the end of Sunday wraps to Monday, at most a week each. */
export function toMask(intervals: readonly Interval[]): Uint8Array {
  const mask = new Uint8Array(WEEK_MINUTES);
  for (const [s, e] of intervals) {
    if (!Number.isFinite(s) || !Number.isFinite(e) || e <= s) continue;
    const start = ((Math.floor(s) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    const len = Math.min(Math.floor(e) - Math.floor(s), WEEK_MINUTES);
    for (let i = 0; i < len; i++) mask[(start + i) % WEEK_MINUTES] = 1;
  }
  return mask;
}

/** The sorted, merged intervals of a mask. */
export function fromMask(mask: Uint8Array): Interval[] {
  const out: Interval[] = [];
  let start = -1;
  for (let i = 0; i <= WEEK_MINUTES; i++) {
    const open = i < WEEK_MINUTES && mask[i] === 1;
    if (open && start < 0) start = i;
    if (!open && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/** Sorted, merged, wrapped into the week: the form every other function here returns. */
export function normaliseWeek(intervals: readonly Interval[]): Interval[] {
  return fromMask(toMask(intervals));
}

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The canonical `value` of a schedule (see the file's comment). */
export function formatWeek(intervals: readonly Interval[]): string {
  const week = normaliseWeek(intervals);
  const days: string[] = [];
  for (let d = 0; d < 7; d++) {
    const lo = d * DAY_MINUTES;
    const hi = lo + DAY_MINUTES;
    const parts = week
      .filter(([s, e]) => s < hi && e > lo)
      .map(([s, e]) => `${hhmm(Math.max(s, lo) - lo)}-${hhmm(Math.min(e, hi) - lo)}`);
    if (parts.length > 0) days.push(`${DAY_CODES[d]} ${parts.join(',')}`);
  }
  return days.length > 0 ? days.join('; ') : 'closed';
}

const DAY_PART = /^(mo|tu|we|th|fr|sa|su) ((?:\d\d:\d\d-\d\d:\d\d,?)+)$/;
const SPAN = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/;

function minutes(h: string, m: string): number {
  return Number(h) * 60 + Number(m);
}

/** The intervals of a canonical value, normalised; null when it is not one. */
export function parseWeek(value: string): Interval[] | null {
  if (value === 'closed') return [];
  const out: Interval[] = [];
  for (const part of value.split('; ')) {
    const m = DAY_PART.exec(part);
    if (!m) return null;
    const base = DAY_CODES.indexOf(m[1] as (typeof DAY_CODES)[number]) * DAY_MINUTES;
    for (const span of (m[2] ?? '').split(',').filter(Boolean)) {
      const t = SPAN.exec(span);
      if (!t) return null;
      const s = minutes(t[1] ?? '', t[2] ?? '');
      const e = minutes(t[3] ?? '', t[4] ?? '');
      if (e <= s || e > DAY_MINUTES) return null;
      out.push([base + s, base + e]);
    }
  }
  return normaliseWeek(out);
}

/** What one schedule opens that the other does not: the evidence of a divergence in hours. */
export function diffWeeks(a: readonly Interval[], b: readonly Interval[]): { onlyA: Interval[]; onlyB: Interval[] } {
  const ma = toMask(a);
  const mb = toMask(b);
  const onlyA = new Uint8Array(WEEK_MINUTES);
  const onlyB = new Uint8Array(WEEK_MINUTES);
  for (let i = 0; i < WEEK_MINUTES; i++) {
    onlyA[i] = ma[i] === 1 && mb[i] !== 1 ? 1 : 0;
    onlyB[i] = mb[i] === 1 && ma[i] !== 1 ? 1 : 0;
  }
  return { onlyA: fromMask(onlyA), onlyB: fromMask(onlyB) };
}
