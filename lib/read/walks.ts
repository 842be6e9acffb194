import type { Db } from '@/lib/db/open-db';
import { Step, Walk } from '@/lib/model';

export async function getWalk(db: Db, id: string): Promise<Walk | undefined> {
  const row = await db.get('walks', id);
  return row ? Walk.parse(row) : undefined;
}

export async function listWalks(db: Db, auditId: string): Promise<Walk[]> {
  const rows = await db.getAllFromIndex('walks', 'byAudit', auditId);
  return rows.map((r) => Walk.parse(r)).sort((a, b) => a.startedAt - b.startedAt);
}

/** The walk being recorded or paused, if any: Touchpoint records one walk at a time. */
export async function activeWalk(db: Db): Promise<Walk | undefined> {
  for (const status of ['recording', 'paused'] as const) {
    const row = await db.getFromIndex('walks', 'byStatus', status);
    if (row) return Walk.parse(row);
  }
  return undefined;
}

/** The walk's steps in the order they happened. */
export async function listSteps(db: Db, walkId: string): Promise<Step[]> {
  const rows = await db.getAllFromIndex('steps', 'byWalk', walkId);
  return rows.map((r) => Step.parse(r)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}
