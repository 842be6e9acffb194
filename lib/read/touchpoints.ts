import type { Db } from '@/lib/db/open-db';
import { Touchpoint } from '@/lib/model';

/** An audit's touchpoints, oldest first. Reads are parsed: IndexedDB is a trust boundary too. */
export async function listTouchpoints(db: Db, auditId: string): Promise<Touchpoint[]> {
  const rows = await db.getAllFromIndex('touchpoints', 'byAudit', auditId);
  return rows.map((r) => Touchpoint.parse(r)).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
