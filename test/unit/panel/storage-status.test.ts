import { STORAGE_WARN_RATIO, storageStatus, usageRatio } from '@/lib/storage-status';

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
