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
