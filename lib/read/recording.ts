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
