import type { Db } from '@/lib/db/open-db';
import { Score, scoreId } from '@/lib/model';

export async function getScore(db: Db, walkId: string, touchpointId: string): Promise<Score | undefined> {
  const row = await db.get('scores', scoreId(walkId, touchpointId));
  return row ? Score.parse(row) : undefined;
}

export async function listScores(db: Db, walkId: string): Promise<Score[]> {
  const rows = await db.getAllFromIndex('scores', 'byWalk', walkId);
  return rows.map((r) => Score.parse(r)).sort((a, b) => a.at - b.at);
}
