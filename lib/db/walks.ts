import { type EndReason, Step, Walk, type WalkOutcome } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

export async function putWalk(db: Db, walk: Walk): Promise<Walk> {
  const parsed = Walk.parse(walk);
  await db.put('walks', parsed);
  return parsed;
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

export async function addStep(db: Db, step: Step): Promise<Step> {
  const parsed = Step.parse(step);
  await db.put('steps', parsed);
  return parsed;
}

/** Records how the walk went: goal reached, how long it took, NPS. */
export async function setWalkOutcome(db: Db, walkId: string, outcome: WalkOutcome): Promise<Walk> {
  const walk = await updateWalk(db, walkId, (w) => ({ ...w, outcome }));
  if (!walk) throw new Error('That walk no longer exists.');
  return walk;
}
