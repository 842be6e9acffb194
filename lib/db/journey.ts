import { OffsiteEvent, type OffsiteFields, Score, type ScoreFields, PageSignal, type WalkOutcome } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';
import { offsiteTouchpoint, scoreId } from '@/lib/db/touchpoints';
import { updateWalk } from '@/lib/db/walks';

/**
 * Scores, off-site events, walk outcomes and page signals: the rest of a walk's journey.
 * Every read is parsed: IndexedDB is a trust boundary too.
 */

/** Scores a touchpoint in a walk; scoring it again replaces the score. */
export async function saveScore(
  db: Db,
  s: { auditId: string; walkId: string; touchpointId: string; url: string; fields: ScoreFields },
  now = Date.now(),
): Promise<Score> {
  const score = Score.parse({
    ...s.fields,
    id: scoreId(s.walkId, s.touchpointId),
    auditId: s.auditId,
    walkId: s.walkId,
    touchpointId: s.touchpointId,
    url: s.url,
    at: now,
  });
  await db.put('scores', score);
  return score;
}

export async function getScore(db: Db, walkId: string, touchpointId: string): Promise<Score | undefined> {
  const row = await db.get('scores', scoreId(walkId, touchpointId));
  return row ? Score.parse(row) : undefined;
}

export async function listScores(db: Db, walkId: string): Promise<Score[]> {
  const rows = await db.getAllFromIndex('scores', 'byWalk', walkId);
  return rows.map((r) => Score.parse(r)).sort((a, b) => a.at - b.at);
}

/** Adds (no `id`) or edits an event of another channel; its touchpoint is found or made by name. */
export async function saveOffsite(
  db: Db,
  walk: { id: string; auditId: string },
  fields: OffsiteFields,
  id?: string,
  now = Date.now(),
): Promise<OffsiteEvent> {
  const touchpoint = await offsiteTouchpoint(db, walk.auditId, fields.touchpointName, fields.channel, now);
  const existing = id ? await db.get('offsite', id) : undefined;
  if (id && !existing) throw new Error('That event no longer exists.');
  const event = OffsiteEvent.parse({
    ...fields,
    id: id ?? crypto.randomUUID(),
    auditId: walk.auditId,
    walkId: walk.id,
    touchpointId: touchpoint.id,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  await db.put('offsite', event);
  return event;
}

export async function listOffsite(db: Db, walkId: string): Promise<OffsiteEvent[]> {
  const rows = await db.getAllFromIndex('offsite', 'byWalk', walkId);
  return rows.map((r) => OffsiteEvent.parse(r)).sort((a, b) => a.requestedAt - b.requestedAt);
}

export async function deleteOffsite(db: Db, id: string): Promise<void> {
  await db.delete('offsite', id);
}

/** Records how the walk went: goal reached, how long it took, NPS. */
export async function setWalkOutcome(db: Db, walkId: string, outcome: WalkOutcome) {
  const walk = await updateWalk(db, walkId, (w) => ({ ...w, outcome }));
  if (!walk) throw new Error('That walk no longer exists.');
  return walk;
}

export async function listSignals(db: Db, walkId: string): Promise<PageSignal[]> {
  const rows = await db.getAllFromIndex('signals', 'byWalk', walkId);
  return rows.map((r) => PageSignal.parse(r)).sort((a, b) => a.at - b.at);
}
