import type { IDBPTransaction, StoreNames } from 'idb';
import { Asset, assetId, type RecordedEvent } from '@/lib/model';
import { externalize } from '@/lib/assets/refs';
import type { Db } from '@/lib/db/open-db';
import type { TouchpointDB } from '@/lib/db/schema';

// The worker's side of "store a page once" (lib/assets/refs.ts): a flush's stylesheet texts,
// each stored once per walk, in the flush's own transaction.

export type Compress = (text: string) => Promise<Uint8Array>;

/** A text a flush references: its record ready to put when the walk may not hold it yet. */
export interface PreparedAsset {
  id: string;
  record: Asset | null;
}

/**
 * The flush's texts as records to store: compressed only when the walk does not hold them yet (read
 * before the write transaction opens, since compressing inside it would let it commit).
 */
async function prepareAssets(
  db: Db,
  walkId: string,
  texts: ReadonlyMap<string, string>,
  compress: Compress,
): Promise<PreparedAsset[]> {
  if (texts.size === 0) return [];
  const tx = db.transaction('assets', 'readonly');
  const entries = [...texts];
  const held = await Promise.all(entries.map(([hash]) => tx.store.getKey(assetId(walkId, hash))));
  return Promise.all(
    entries.map(async ([hash, text], i) => {
      const id = assetId(walkId, hash);
      if (held[i] !== undefined) return { id, record: null };
      const rawBytes = new TextEncoder().encode(text).length;
      return { id, record: Asset.parse({ id, walkId, hash, rawBytes, data: await compress(text) }) };
    }),
  );
}

/**
 * The events of a flush from `skip` on, as stored: their JSON text with each large stylesheet
 * text a reference (lib/assets/refs.ts), gzipped; the texts the walk may not hold yet; and the
 * size of the JSON as rrweb recorded it (the walk's raw figure compares with what rrweb costs).
 */
export async function prepare(
  db: Db,
  walkId: string,
  all: RecordedEvent[],
  text: string,
  skip: number,
  compress: Compress,
) {
  const events = skip === 0 ? all : all.slice(skip);
  const raw = skip === 0 ? text : JSON.stringify(events);
  const ext = await externalize(events);
  const [data, assets] = await Promise.all([
    compress(ext?.json ?? raw),
    prepareAssets(db, walkId, ext?.assets ?? new Map(), compress),
  ]);
  return { skip, events, data, assets, rawBytes: new TextEncoder().encode(raw).length };
}

type FlushTx = IDBPTransaction<TouchpointDB, StoreNames<TouchpointDB>[], 'readwrite'>;

/**
 * Puts the texts the walk does not hold yet; answers their compressed bytes, or null when one is
 * missing and was not compressed (held when read, gone now): the caller prepares the flush again.
 */
export async function putNewAssets(tx: FlushTx, prepared: readonly PreparedAsset[]): Promise<number | null> {
  if (prepared.length === 0) return 0;
  const store = tx.objectStore('assets');
  const held = await Promise.all(prepared.map((a) => store.getKey(a.id)));
  const fresh: Asset[] = [];
  for (const [i, a] of prepared.entries()) {
    if (held[i] !== undefined) continue;
    if (!a.record) return null;
    fresh.push(a.record);
  }
  await Promise.all(fresh.map((r) => store.put(r)));
  return fresh.reduce((n, r) => n + r.data.byteLength, 0);
}
