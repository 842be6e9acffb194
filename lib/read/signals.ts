import type { Db } from '@/lib/db/open-db';
import { PageSignal } from '@/lib/model';

export async function listSignals(db: Db, walkId: string): Promise<PageSignal[]> {
  const rows = await db.getAllFromIndex('signals', 'byWalk', walkId);
  return rows.map((r) => PageSignal.parse(r)).sort((a, b) => a.at - b.at);
}
