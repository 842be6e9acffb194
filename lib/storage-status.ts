/**
 * What the panel tells the auditor about the browser's storage: pure, so it unit-tests without a
 * browser. Recordings live in IndexedDB; when the origin's quota fills, writes fail and the walk
 * stops, so the auditor is warned well before that.
 */

/** At this share of the quota the panel asks the auditor to export and delete old walks. */
export const STORAGE_WARN_RATIO = 0.8;

export interface StorageEstimateLike {
  usage?: number | undefined;
  quota?: number | undefined;
}

export interface StorageStatus {
  /** Whole percent used, rounded down (79.9% shows as 79, never as a premature 80), or null. */
  percent: number | null;
  /** True at or above STORAGE_WARN_RATIO of the quota. */
  warn: boolean;
  usage: number;
  quota: number | null;
}

/** Share of the quota in use, 0..1, or null when the browser gave no usable quota. */
export function usageRatio(estimate: StorageEstimateLike | null | undefined): number | null {
  const quota = estimate?.quota;
  if (quota === undefined || !Number.isFinite(quota) || quota <= 0) return null;
  const usage = Math.max(0, estimate?.usage ?? 0);
  return Math.min(1, usage / quota);
}

export function storageStatus(estimate: StorageEstimateLike | null | undefined): StorageStatus {
  const ratio = usageRatio(estimate);
  return {
    percent: ratio === null ? null : Math.floor(ratio * 100),
    warn: ratio !== null && ratio >= STORAGE_WARN_RATIO,
    usage: Math.max(0, estimate?.usage ?? 0),
    quota: ratio === null ? null : (estimate?.quota ?? null),
  };
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Building a NumberFormat costs far more than using one, and the panel formats sizes on every change. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}

/**
 * "1.2 MB": decimal units (what file managers and download dialogs show), one decimal below 100
 * of a unit, none above, and never a trailing ".0".
 */
export function formatBytes(bytes: number, locale = 'en'): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  // 999.96 kB rounds to "1000 kB": carry it into the next unit instead.
  if (unit > 0 && unit < UNITS.length - 1 && Math.round(value) >= 1000) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = numberFormat(locale, digits).format(value);
  return `${text} ${UNITS[unit]}`;
}
