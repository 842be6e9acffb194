import type { Db } from '@/lib/db/open-db';
import type { WalkData } from '@/lib/read/audit-data';

/** What deleting some walks frees, as the confirmation says it: "3 walks, 12 tags, 4.2 MB". */
export interface Removal {
  walks: number;
  tags: number;
  /** The walks' stored recordings plus their screenshots' bytes. */
  bytes: number;
}

/**
 * Sums what deleting `walks` removes. The recordings' size is on each walk (`storedBytes`); the
 * screenshots' is read from their Blobs, which are not in the read model (views hold only ids).
 */
export async function removalOf(db: Db, walks: readonly WalkData[]): Promise<Removal> {
  let bytes = 0;
  let tags = 0;
  for (const w of walks) {
    bytes += w.walk.storedBytes;
    tags += w.tags.length;
    // Not parsed (a Blob's bytes are not read here), so a record without its Blob counts nothing.
    for (const shot of await db.getAllFromIndex('screenshots', 'byWalk', w.walk.id)) {
      if (shot.blob instanceof Blob) bytes += shot.blob.size;
    }
  }
  return { walks: walks.length, tags, bytes };
}
