import { gzip } from '@/lib/codec/gzip';
import type { Db } from '@/lib/db/open-db';
import { storeFlushed } from '@/lib/db/recording';
import { listChunks, listRecorders } from '@/lib/read/recording';
import { getWalk, listSteps } from '@/lib/read/walks';
import { batchOf, freshDb, numberedEvents, pageStep, seedWalk, storedNumbers, storeFlush, TAB } from '../support/seed';

const NOW = 50_000;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A view of `db` whose flush fails part-way: a put into `store` throws, after the chunk was put. */
function failingPut(db: Db, store: 'steps' | 'recorders' | 'walks'): Db {
  const bound = (target: object, prop: PropertyKey) => {
    const v = Reflect.get(target, prop);
    return typeof v === 'function' ? v.bind(target) : v;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') return bound(target, prop);
      return (...args: Parameters<Db['transaction']>) => {
        const tx = target.transaction(...args);
        return new Proxy(tx, {
          get(t, p) {
            if (p !== 'objectStore') return bound(t, p);
            return (name: string) => {
              const s = t.objectStore(name as 'chunks');
              if (name !== store) return s;
              // Not a failed request (that aborts by itself): an exception in the code between puts.
              return new Proxy(s, {
                get: (x, q) =>
                  q === 'put'
                    ? () => {
                        throw new Error('a bug between two puts');
                      }
                    : bound(x, q),
              });
            };
          },
        });
      };
    },
  });
}

describe('storeFlushed, bounded', () => {
  it('acknowledges a retry of what is stored without parsing or compressing it', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const batch = batchOf(walk.id, 0, numberedEvents(0, 10));
    expect(await storeFlush(db, batch, TAB, gzip, NOW)).toEqual({ ok: true, storedThrough: 9 });
    const compress = vi.fn(gzip);
    // Not even JSON: were it parsed, it would throw.
    const again = { ...batch, events: '[this is not parsed' };
    for (let i = 0; i < 1000; i++) {
      expect((await storeFlushed(db, again, TAB, compress, NOW)).result).toEqual({ ok: true, storedThrough: 9 });
    }
    expect(compress).not.toHaveBeenCalled();
    expect(await listChunks(db, walk.id)).toHaveLength(1);
    // A retry that reaches past the mark is parsed, and only its new events are stored.
    const longer = batchOf(walk.id, 0, numberedEvents(0, 12));
    expect(await storeFlush(db, longer, TAB, compress, NOW)).toEqual({ ok: true, storedThrough: 11 });
    expect(await storedNumbers(db, walk.id)).toEqual(range(12));
  });

  it('refuses a batch whose count does not match its events, and stores nothing of it', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const lying = { ...batchOf(walk.id, 0, numberedEvents(0, 10)), count: 3 };
    await expect(storeFlush(db, lying, TAB, gzip, NOW)).rejects.toThrow(/^Bad recorder\/flush: count: says 3/);
    expect(await listChunks(db, walk.id)).toEqual([]);
  });

  it('stores nothing of a batch that starts past a gap, and says what it holds', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    expect(await storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 5)), TAB, gzip, NOW)).toEqual({
      ok: true,
      storedThrough: 4,
    });
    // Events 5-9 have not landed yet (a page's last batches, sent at once, arriving out of order).
    expect(await storeFlush(db, batchOf(walk.id, 10, numberedEvents(10, 5)), TAB, gzip, NOW)).toEqual({
      ok: true,
      storedThrough: 4,
    });
    expect(await storedNumbers(db, walk.id)).toEqual(range(5));
  });

  it.each(['steps', 'recorders', 'walks'] as const)(
    'an exception after the chunk was put (in a %s put) commits nothing: no chunk without its mark',
    async (store) => {
      const db = await freshDb();
      const { walk } = await seedWalk(db);
      const batch = batchOf(walk.id, 0, numberedEvents(0, 10), [pageStep(0, 'visit'), pageStep(4)]);
      await expect(storeFlushed(failingPut(db, store), batch, TAB, gzip, NOW)).rejects.toThrow(
        'a bug between two puts',
      );
      expect(await listChunks(db, walk.id)).toEqual([]);
      expect(await listRecorders(db, walk.id)).toEqual([]);
      expect(await listSteps(db, walk.id)).toEqual([]);
      expect(await getWalk(db, walk.id)).toMatchObject({ eventCount: 0, storedBytes: 0 });
      // The same batch, sent again once the fault is gone, is stored whole and once.
      expect(await storeFlush(db, batch, TAB, gzip, NOW)).toEqual({ ok: true, storedThrough: 9 });
      expect(await storedNumbers(db, walk.id)).toEqual(range(10));
      expect(await listSteps(db, walk.id)).toHaveLength(2);
    },
  );
});
