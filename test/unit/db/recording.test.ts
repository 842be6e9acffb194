import { listChunks, listRecorders } from '@/lib/read/recording';
import type { Db } from '@/lib/db/open-db';
import { storeFlushed } from '@/lib/db/recording';
import { getWalk, listSteps } from '@/lib/read/walks';
import type { Walk } from '@/lib/model';
import { gunzip, gzip } from '@/lib/codec/gzip';
import { T0, walkEvents } from '../../fixtures/events/walk-events';
import { batchOf, freshDb, numberedEvents, pageStep, seedWalk, storedNumbers, storeFlush, TAB } from '../support/seed';

const NOW = 50_000;

/** A view of `db` whose chunk writes fail as a full disk fails: on the put, or at the commit. */
function diskFull(db: Db, at: 'put' | 'commit'): Db {
  const full = () => new DOMException('full', 'QuotaExceededError');
  const bound = (target: object, prop: PropertyKey) => {
    const v = Reflect.get(target, prop);
    return typeof v === 'function' ? v.bind(target) : v;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') return bound(target, prop);
      return (...args: Parameters<Db['transaction']>) => {
        const tx = target.transaction(...args);
        if (!tx.objectStoreNames.contains('chunks')) return tx;
        return new Proxy(tx, {
          get(t, p) {
            if (at === 'commit' && p === 'done') {
              t.done.catch(() => undefined); // the real abort's rejection is ours to swallow
              t.abort();
              return Promise.reject(full());
            }
            if (at === 'put' && p === 'objectStore') {
              return (name: string) => {
                const store = t.objectStore(name as 'chunks');
                if (name !== 'chunks') return store;
                return new Proxy(store, {
                  get: (s, q) => (q === 'put' ? () => Promise.reject(full()) : bound(s, q)),
                });
              };
            }
            return bound(t, p);
          },
        });
      };
    },
  });
}

describe('storeFlush', () => {
  it('stores the chunk, the steps in its range, the recorder mark and the walk totals', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const json = JSON.stringify(walkEvents);
    const steps = [pageStep(0, 'visit'), pageStep(3, 'input'), pageStep(walkEvents.length, 'click')];
    const result = await storeFlush(db, batchOf(walk.id, 0, walkEvents, steps), TAB, gzip, NOW);
    const last = walkEvents.length - 1;
    expect(result).toEqual({ ok: true, storedThrough: last });

    const [chunk, ...more] = await listChunks(db, walk.id);
    expect(more).toEqual([]);
    expect(chunk).toMatchObject({ id: 'rec-1:000000000', tabId: TAB, recorderId: 'rec-1', seqFrom: 0, seqTo: last });
    expect(chunk?.firstTs).toBe(T0);
    expect(chunk?.lastTs).toBe(walkEvents[last]?.timestamp);
    expect(chunk?.rawBytes).toBe(new TextEncoder().encode(json).length);
    expect(await gunzip(chunk?.data ?? new Uint8Array())).toBe(json);

    const stored = await listSteps(db, walk.id);
    expect(stored.map((s) => [s.id, s.kind, s.tabId, s.recorderId])).toEqual([
      ['rec-1:0', 'visit', TAB, 'rec-1'],
      ['rec-1:3', 'input', TAB, 'rec-1'],
    ]);
    expect(await listRecorders(db, walk.id)).toEqual([
      {
        recorderId: 'rec-1',
        walkId: walk.id,
        tabId: TAB,
        url: batchOf('', 0, []).url,
        startedAt: T0,
        storedThrough: last,
      },
    ]);
    expect(await getWalk(db, walk.id)).toMatchObject({
      eventCount: walkEvents.length,
      storedBytes: chunk?.data.byteLength,
      rawBytes: chunk?.rawBytes,
    });
  });

  it('stores nothing new for a retried identical batch', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const batch = batchOf(walk.id, 0, numberedEvents(0, 100), [pageStep(10)]);
    await storeFlush(db, batch, TAB, gzip, NOW);
    const before = await getWalk(db, walk.id);
    expect(await storeFlush(db, batch, TAB, gzip, NOW)).toEqual({ ok: true, storedThrough: 99 });
    expect(await listChunks(db, walk.id)).toHaveLength(1);
    expect(await getWalk(db, walk.id)).toEqual(before);
    expect(await listSteps(db, walk.id)).toHaveLength(1);
  });

  it('stores only the missing tail of an overlapping batch', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    await storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 100), [pageStep(50, 'click')]), TAB, gzip, NOW);
    const again = batchOf(walk.id, 0, numberedEvents(0, 150), [pageStep(50, 'scroll'), pageStep(120, 'input')]);
    expect(await storeFlush(db, again, TAB, gzip, NOW)).toEqual({ ok: true, storedThrough: 149 });
    const chunks = await listChunks(db, walk.id);
    expect(chunks.map((c) => [c.seqFrom, c.seqTo])).toEqual([
      [0, 99],
      [100, 149],
    ]);
    expect(await storedNumbers(db, walk.id)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect((await listSteps(db, walk.id)).map((s) => [s.id, s.kind])).toEqual([
      ['rec-1:50', 'click'],
      ['rec-1:120', 'input'],
    ]);
    expect((await getWalk(db, walk.id))?.eventCount).toBe(150);
  });

  it('stores each event once when two overlapping tries race', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const results = await Promise.all([
      storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 100)), TAB, gzip, NOW),
      storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 150)), TAB, gzip, NOW),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await storedNumbers(db, walk.id)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect((await getWalk(db, walk.id))?.eventCount).toBe(150);
  });

  it('accepts a paused walk (the recorder flushes what it held when paused)', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db, { status: 'paused' });
    expect(await storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 3)), TAB, gzip, NOW)).toEqual({
      ok: true,
      storedThrough: 2,
    });
  });

  it.each<[string, Partial<Walk>, number, string]>([
    ['an ended walk', { status: 'ended', endReason: 'auditor', endedAt: 9_000, openTabIds: [] }, TAB, 'walk-ended'],
    ['a tab outside the walk', {}, TAB + 1, 'not-a-walk-tab'],
  ])('refuses a batch for %s', async (_, change, tabId, reason) => {
    const db = await freshDb();
    const { walk } = await seedWalk(db, change);
    const result = await storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 5)), tabId, gzip, NOW);
    expect(result).toEqual({ ok: false, reason });
    expect(await listChunks(db, walk.id)).toEqual([]);
    expect((await getWalk(db, walk.id))?.eventCount).toBe(0);
  });

  it('refuses a batch for a walk that does not exist', async () => {
    const db = await freshDb();
    const result = await storeFlush(db, batchOf('no-such-walk', 0, numberedEvents(0, 5)), TAB, gzip, NOW);
    expect(result).toEqual({ ok: false, reason: 'walk-ended' });
  });

  it.each(['put', 'commit'] as const)('ends the walk as storage-full when the disk is full (at %s)', async (at) => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    await storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 100)), TAB, gzip, NOW);
    const full = await storeFlushed(diskFull(db, at), batchOf(walk.id, 100, numberedEvents(100, 50)), TAB, gzip, NOW);
    expect(full.result).toEqual({ ok: false, reason: 'storage-full' });
    // The views hear only what stays: the walk, ended; nothing of the refused flush.
    expect(full.changes).toEqual([{ store: 'walks', op: 'put', value: await getWalk(db, walk.id) }]);

    expect(await getWalk(db, walk.id)).toMatchObject({
      status: 'ended',
      endReason: 'storage-full',
      endedAt: NOW,
      openTabIds: [],
      eventCount: 100,
    });
    expect(await storedNumbers(db, walk.id)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect((await listRecorders(db, walk.id))[0]?.storedThrough).toBe(99);
    // Whatever the recorder sends next is refused: the walk is over.
    expect(await storeFlush(db, batchOf(walk.id, 100, numberedEvents(100, 50)), TAB, gzip, NOW)).toEqual({
      ok: false,
      reason: 'walk-ended',
    });
  });

  it('rejects events that are not rrweb events and leaves the walk alone', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    await expect(storeFlush(db, batchOf(walk.id, 0, [{ type: 99 }]), TAB, gzip, NOW)).rejects.toThrow();
    expect((await getWalk(db, walk.id))?.status).toBe('recording');
  });
});
