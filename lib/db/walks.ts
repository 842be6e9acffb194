import { type EndReason, type Step, Step as StepSchema, Walk } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

export async function putWalk(db: Db, walk: Walk): Promise<Walk> {
  const parsed = Walk.parse(walk);
  await db.put('walks', parsed);
  return parsed;
}

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

/** Reads, changes and writes a walk in one transaction, so concurrent updates never lose one. */
export async function updateWalk(db: Db, id: string, change: (w: Walk) => Walk): Promise<Walk | undefined> {
  const tx = db.transaction('walks', 'readwrite');
  const row = await tx.store.get(id);
  if (!row) {
    await tx.done;
    return undefined;
  }
  const next = Walk.parse(change(Walk.parse(row)));
  await tx.store.put(next);
  await tx.done;
  return next;
}

export function endWalk(db: Db, id: string, reason: EndReason, at = Date.now()): Promise<Walk | undefined> {
  return updateWalk(db, id, (w) =>
    w.status === 'ended' ? w : { ...w, status: 'ended', endReason: reason, endedAt: at, openTabIds: [] },
  );
}

export async function addStep(db: Db, step: Step): Promise<void> {
  await db.put('steps', StepSchema.parse(step));
}

/** The walk's steps in the order they happened. */
export async function listSteps(db: Db, walkId: string): Promise<Step[]> {
  const rows = await db.getAllFromIndex('steps', 'byWalk', walkId);
  return rows.map((r) => StepSchema.parse(r)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}
