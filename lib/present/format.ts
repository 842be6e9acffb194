/**
 * Numbers, sizes, dates and durations on `Intl`, in the locale given. Pure: the UI binding
 * (`present` in lib/i18n.ts) passes the browser's UI language, tests pass one.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), options);
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * One Intl formatter per kind and locale, made once: making one costs far more than using it, and a
 * report formats hundreds of dates (issue 13's bench: 18 ms of a 54 ms task went into making them).
 */
const formatters = new Map<string, unknown>();
function cached<T>(kind: string, locale: string, make: (locale: string) => T): T {
  const key = `${kind}|${locale}`;
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = make(safeLocale(locale));
    formatters.set(key, f);
  }
  return f;
}

/** A locale Intl accepts: a malformed tag falls back to English rather than throwing in a view. */
function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A whole count: `1,234` / `1.234`. */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A measure with at most one decimal (a mean score, minutes): `4.5` / `4,5`. */
export function formatDecimal(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

/** A share (0–1) as a whole percentage: `92%` / `92 %`. Never `100%` for a share short of whole. */
export function formatPercent(share: number, locale: string): string {
  const v = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const whole = v < 1 && v >= 0.995 ? 0.99 : v > 0 && v < 0.005 ? 0.01 : v;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(whole);
}

/** Items as a sentence lists them: `a, b and c` / `a, b y c`. */
export function formatList(items: readonly string[], locale: string): string {
  return cached('list', locale, (l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' })).format(items);
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/**
 * Decimal units, as browsers and operating systems show download sizes. The unit is chosen after
 * rounding, so 999,960 bytes read `1 MB`, never `1000 kB`.
 */
export function formatBytes(bytes: number, locale: string): string {
  let value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  let unit = 0;
  const digits = (v: number, u: number) => (u === 0 || v >= 100 ? 0 : 1);
  const rounded = (v: number, u: number) => {
    const p = 10 ** digits(v, u);
    return Math.round(v * p) / p;
  };
  while (unit < UNITS.length - 1 && rounded(value, unit) >= 1000) {
    value /= 1000;
    unit++;
  }
  return `${numberFormat(locale, { maximumFractionDigits: digits(value, unit) }).format(value)} ${UNITS[unit]}`;
}

/** A moment: `Dec 4, 2026, 7:11 PM` / `4 dic 2026, 19:11`. */
export function formatDateTime(ts: number, locale: string): string {
  return cached(
    'dateTime',
    locale,
    (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ts);
}

/**
 * A clock: elapsed time of a running walk, or an offset into a recording. `0:05`, `12:30`,
 * `1:02:03`; never negative. Digits, so the same in every language.
 */
export function formatClock(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A span of time for people to read, in the two largest units that apply: `45 sec`, `3 min 5 sec`,
 * `1 hr 2 min` (`45 s`, `3 min 5 s`, `1 h 2 min` in Spanish).
 */
export function formatSpan(ms: number, locale: string): string {
  const s = Math.round(Math.max(0, ms) / 1000);
  const unit = (n: number, u: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
  if (s < 60) return unit(s, 'second');
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${unit(m, 'minute')} ${unit(s % 60, 'second')}` : unit(m, 'minute');
  const h = Math.floor(m / 60);
  return m % 60 ? `${unit(h, 'hour')} ${unit(m % 60, 'minute')}` : unit(h, 'hour');
}

/** Which plural form a count takes in the locale (`one`, `other`, …). */
/** A language's name from its ISO 639 code (`es` → `Spanish` / `español`), else the code. */
export function formatLanguage(code: string, locale: string): string {
  try {
    return cached('language', locale, (l) => new Intl.DisplayNames(l, { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}

export function pluralCategory(n: number, locale: string): Intl.LDMLPluralRule {
  return cached('plural', locale, (l) => new Intl.PluralRules(l)).select(n);
}
