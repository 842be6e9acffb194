import type { Db } from '@/lib/db/open-db';
import { Asset, assetId } from '@/lib/model';

/** Reads the stylesheet texts a walk's chunks reference (lib/assets/refs.ts), by hash. */
export type AssetReader = (walkId: string, hashes: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** Decoded texts kept in memory: a site's shared stylesheets, read once for all its pages. */
const KEEP_CHARS = 16 * 1024 * 1024;

/**
 * An AssetReader over the database, keeping the texts read last (up to `keepChars`): flipping
 * through a walk's pages reads each shared stylesheet once. A text not stored is left out of the
 * answer (the chunk that references it is then unreadable, lib/assets/refs.ts expandAssets).
 */
export function createAssetReader(
  db: () => Promise<Db>,
  gunzip: (bytes: Uint8Array) => Promise<string>,
  keepChars = KEEP_CHARS,
): AssetReader {
  const cache = new Map<string, Promise<string | undefined>>();
  const sizes = new Map<string, number>();
  let held = 0;
  const read = async (id: string) => {
    const row = await (await db()).get('assets', id);
    if (!row) return undefined;
    const text = await gunzip(Asset.parse(row).data);
    sizes.set(id, text.length);
    held += text.length;
    return text;
  };
  return async (walkId, hashes) => {
    const out = new Map<string, string>();
    for (const hash of hashes) {
      const id = assetId(walkId, hash);
      const p = cache.get(id) ?? read(id).catch(() => undefined);
      // Re-inserted: Map keeps insertion order, so the oldest read is first to go.
      cache.delete(id);
      cache.set(id, p);
      const text = await p;
      if (text === undefined) cache.delete(id);
      else out.set(hash, text);
    }
    for (const [id] of cache) {
      if (held <= keepChars || cache.size <= hashes.length) break;
      held -= sizes.get(id) ?? 0;
      sizes.delete(id);
      cache.delete(id);
    }
    return out;
  };
}

/** A walk's stylesheet texts as stored (compressed), in hash order: what its export carries. */
export async function listAssets(db: Db, walkId: string): Promise<Asset[]> {
  const rows = await db.getAllFromIndex('assets', 'byWalk', walkId);
  return rows.map((r) => Asset.parse(r)).sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}
