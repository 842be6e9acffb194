/**
 * Formatting for the replay page. Pure and locale-aware through Intl, so the page follows the
 * browser's language like every other string (the locale is passed in for tests).
 */

/** `0:07`, `12:30`, `1:02:03`: a duration or an offset into a walk, never negative. */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/** Decimal units, as browsers and operating systems show download sizes. */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${n} ${UNITS[unit]}`;
}

export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatDateTime(ts: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ts);
}
