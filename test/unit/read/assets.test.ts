import { gunzip, gzip } from '@/lib/codec/gzip';
import type { Db } from '@/lib/db/open-db';
import { type Asset, assetId } from '@/lib/model';
import { createAssetReader } from '@/lib/read/assets';
import { freshDb } from '../support/seed';

const HASH = (n: number) => String(n).repeat(64).slice(0, 64);

async function withTexts(n: number, chars: number): Promise<{ db: Db; reads: string[] }> {
  const db = await freshDb();
  for (let i = 1; i <= n; i++) {
    const text = String(i).repeat(chars);
    await db.put('assets', {
      id: assetId('w1', HASH(i)),
      walkId: 'w1',
      hash: HASH(i),
      rawBytes: chars,
      data: (await gzip(text)) as Asset['data'],
    });
  }
  const reads: string[] = [];
  const get = db.get.bind(db);
  const spy = new Proxy(db, {
    get: (t, p) =>
      p === 'get'
        ? (store: 'assets', id: string) => {
            reads.push(id);
            return get(store, id);
          }
        : Reflect.get(t, p),
  });
  return { db: spy, reads };
}

describe('the stylesheet reader (lib/read/assets.ts)', () => {
  it('reads each text from the database once while it is kept, and answers only what is stored', async () => {
    const { db, reads } = await withTexts(2, 10);
    const read = createAssetReader(async () => db, gunzip);
    expect(await read('w1', [HASH(1), HASH(2)])).toEqual(
      new Map([
        [HASH(1), '1'.repeat(10)],
        [HASH(2), '2'.repeat(10)],
      ]),
    );
    expect(await read('w1', [HASH(1)])).toEqual(new Map([[HASH(1), '1'.repeat(10)]]));
    expect(reads).toHaveLength(2);
    // Another walk's name for the same hash is another record: not there, so not answered.
    expect(await read('w2', [HASH(1)])).toEqual(new Map());
  });

  it('lets the oldest texts go past its bound, and reads them again when asked', async () => {
    const { db, reads } = await withTexts(3, 100);
    const read = createAssetReader(async () => db, gunzip, 250);
    await read('w1', [HASH(1)]);
    await read('w1', [HASH(2)]);
    await read('w1', [HASH(3)]);
    expect(reads).toHaveLength(3);
    await read('w1', [HASH(3)]);
    expect(reads).toHaveLength(3);
    await read('w1', [HASH(1)]);
    expect(reads).toHaveLength(4);
  });
});
