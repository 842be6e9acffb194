import { formatBytes, STORAGE_WARN_RATIO, storageStatus, usageRatio } from '@/lib/storage-status';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1530, '1.5 kB'],
    [1_200_000, '1.2 MB'],
    [1_250_000, '1.3 MB'],
    [2_000_000, '2 MB'],
    [123_456_789, '123 MB'],
    [999_960, '1 MB'],
    [5_400_000_000, '5.4 GB'],
  ])('%d bytes is "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('follows the locale for the decimal mark', () => {
    expect(formatBytes(1_200_000, 'es')).toBe('1,2 MB');
  });
});

describe('storageStatus', () => {
  it('gives the whole percent used, rounded down', () => {
    expect(storageStatus({ usage: 25, quota: 100 })).toEqual({ percent: 25, warn: false, usage: 25, quota: 100 });
    expect(storageStatus({ usage: 79.99, quota: 100 }).percent).toBe(79);
  });

  it('warns at 80% and above, not below', () => {
    expect(STORAGE_WARN_RATIO).toBe(0.8);
    expect(storageStatus({ usage: 79.9, quota: 100 }).warn).toBe(false);
    expect(storageStatus({ usage: 80, quota: 100 })).toMatchObject({ percent: 80, warn: true });
    expect(storageStatus({ usage: 97, quota: 100 })).toMatchObject({ percent: 97, warn: true });
  });

  it('caps at 100% when usage passes the quota', () => {
    expect(storageStatus({ usage: 150, quota: 100 })).toMatchObject({ percent: 100, warn: true });
  });

  it('says nothing when the browser gives no quota', () => {
    for (const e of [null, undefined, {}, { usage: 5 }, { usage: 5, quota: 0 }, { usage: 5, quota: Number.NaN }]) {
      expect(usageRatio(e)).toBeNull();
      expect(storageStatus(e)).toMatchObject({ percent: null, warn: false, quota: null });
    }
  });
});
