import type { Db } from '@/lib/db/open-db';
import { OffsiteEvent } from '@/lib/model';

export async function listOffsite(db: Db, walkId: string): Promise<OffsiteEvent[]> {
  const rows = await db.getAllFromIndex('offsite', 'byWalk', walkId);
  return rows.map((r) => OffsiteEvent.parse(r)).sort((a, b) => a.requestedAt - b.requestedAt);
}
