import type { Db } from '@/lib/db/open-db';
import { Audit, Persona } from '@/lib/model';

/** Audits and their personas, read-only. Every read is parsed: IndexedDB is a trust boundary too. */
export async function listAudits(db: Db): Promise<Audit[]> {
  const rows = await db.getAll('audits');
  return rows.map((r) => Audit.parse(r)).sort((a, b) => b.createdAt - a.createdAt);
}

export async function getAudit(db: Db, id: string): Promise<Audit | undefined> {
  const row = await db.get('audits', id);
  return row ? Audit.parse(row) : undefined;
}

export async function listPersonas(db: Db, auditId: string): Promise<Persona[]> {
  const rows = await db.getAllFromIndex('personas', 'byAudit', auditId);
  return rows.map((r) => Persona.parse(r)).sort((a, b) => a.createdAt - b.createdAt);
}
