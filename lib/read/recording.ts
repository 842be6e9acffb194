import type { Db } from '@/lib/db/open-db';
import { Chunk, RecorderMark } from '@/lib/model';

export async function listChunks(db: Db, walkId: string): Promise<Chunk[]> {
  const rows = await db.getAllFromIndex('chunks', 'byWalk', walkId);
  return rows.map((r) => Chunk.parse(r)).sort((a, b) => a.firstTs - b.firstTs || a.id.localeCompare(b.id));
}

export async function listRecorders(db: Db, walkId: string): Promise<RecorderMark[]> {
  const rows = await db.getAllFromIndex('recorders', 'byWalk', walkId);
  return rows.map((r) => RecorderMark.parse(r)).sort((a, b) => a.startedAt - b.startedAt);
}

/** Chunks by id (those the read model names), in recording order; ids no longer stored are skipped. */
export async function getChunks(db: Db, ids: readonly string[]): Promise<Chunk[]> {
  const rows = await Promise.all(ids.map((id) => db.get('chunks', id)));
  return rows
    .flatMap((r) => (r ? [Chunk.parse(r)] : []))
    .sort((a, b) => a.firstTs - b.firstTs || a.id.localeCompare(b.id));
}
