import { type Change, type Channel, type Stage, Touchpoint, scoreId } from '@/lib/model';
import { assignTouchpoint, bestTouchpoint, mergeTouchpoints, splitTouchpoint } from '@/lib/touchpoints/group';
import type { Db } from '@/lib/db/open-db';

/** A page's touchpoint, and the change when it had to be created. */
interface Resolved {
  touchpoint: Touchpoint | null;
  changes: Change[];
}

async function ofAudit(
  store: { index: (n: 'byAudit') => { getAll: (k: string) => Promise<Touchpoint[]> } },
  auditId: string,
) {
  return (await store.index('byAudit').getAll(auditId)).map((r) => Touchpoint.parse(r));
}

/**
 * The web touchpoint of a page, created (and stored) when no pattern of the audit matches it.
 * Most pages are known: they cost one read-only transaction. A new page takes a read-write one
 * that looks again, so two pages of one new pattern at once (two tabs) create one touchpoint.
 */
export async function resolveTouchpoint(
  db: Db,
  auditId: string,
  url: string,
  title: string,
  now = Date.now(),
): Promise<Resolved> {
  const known = await ofAudit(db.transaction('touchpoints', 'readonly').store, auditId);
  const seen = assignTouchpoint(url, title, known, () => crypto.randomUUID(), now, auditId);
  if (!seen?.created) return { touchpoint: seen?.touchpoint ?? null, changes: [] };
  const tx = db.transaction('touchpoints', 'readwrite');
  const a = assignTouchpoint(url, title, await ofAudit(tx.store, auditId), () => crypto.randomUUID(), now, auditId);
  if (a?.created) await tx.store.put(a.touchpoint);
  await tx.done;
  return {
    touchpoint: a?.touchpoint ?? null,
    changes: a?.created ? [{ store: 'touchpoints', op: 'put', value: a.touchpoint }] : [],
  };
}

/** The touchpoint a page belongs to, if any; never creates one (a read, for `score/get`). */
export async function findTouchpoint(db: Db, auditId: string, url: string): Promise<Touchpoint | null> {
  return bestTouchpoint(url, await ofAudit(db.transaction('touchpoints', 'readonly').store, auditId)) ?? null;
}

export interface TouchpointEdit {
  name?: string | undefined;
  channel?: Channel | undefined;
  stage?: Stage | undefined;
}

/** Renames a touchpoint or sets its channel or stage; a stage set by hand is no longer a guess. */
export async function editTouchpoint(db: Db, id: string, edit: TouchpointEdit): Promise<Touchpoint> {
  const tx = db.transaction('touchpoints', 'readwrite');
  const row = await tx.store.get(id);
  if (!row) throw new Error('That touchpoint no longer exists.');
  const defined = Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined));
  const next = Touchpoint.parse({
    ...row,
    ...defined,
    stageGuessed: edit.stage !== undefined ? false : row.stageGuessed,
  });
  await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * Folds `goneId` into `keepId`: one touchpoint with both sets of patterns, and every tag, score and
 * off-site event of the other moved over, in one transaction. Two scores of one walk on the two
 * touchpoints become one: the later stays.
 */
export async function mergeTouchpointsInDb(
  db: Db,
  keepId: string,
  goneId: string,
): Promise<{ touchpoint: Touchpoint; changes: Change[] }> {
  if (keepId === goneId) throw new Error('A touchpoint cannot be merged with itself.');
  const tx = db.transaction(['touchpoints', 'tags', 'scores', 'offsite'], 'readwrite');
  const [keep, gone] = await Promise.all([
    tx.objectStore('touchpoints').get(keepId),
    tx.objectStore('touchpoints').get(goneId),
  ]);
  if (!keep || !gone) throw new Error('That touchpoint no longer exists.');
  const merged = mergeTouchpoints(Touchpoint.parse(keep), Touchpoint.parse(gone));
  const changes: Change[] = [
    { store: 'touchpoints', op: 'put', value: merged },
    { store: 'touchpoints', op: 'delete', id: goneId },
  ];
  await tx.objectStore('touchpoints').put(merged);
  await tx.objectStore('touchpoints').delete(goneId);
  for (const tag of await tx.objectStore('tags').index('byAudit').getAll(merged.auditId)) {
    if (tag.touchpointId !== goneId) continue;
    const moved = { ...tag, touchpointId: keepId };
    await tx.objectStore('tags').put(moved);
    changes.push({ store: 'tags', op: 'put', value: moved });
  }
  for (const ev of await tx.objectStore('offsite').index('byAudit').getAll(merged.auditId)) {
    if (ev.touchpointId !== goneId) continue;
    const moved = { ...ev, touchpointId: keepId };
    await tx.objectStore('offsite').put(moved);
    changes.push({ store: 'offsite', op: 'put', value: moved });
  }
  const scores = await tx.objectStore('scores').index('byAudit').getAll(merged.auditId);
  for (const s of scores.filter((x) => x.touchpointId === goneId)) {
    await tx.objectStore('scores').delete(s.id);
    changes.push({ store: 'scores', op: 'delete', id: s.id });
    const kept = scores.find((x) => x.walkId === s.walkId && x.touchpointId === keepId);
    if (kept && kept.at >= s.at) continue;
    // `kept` has the id the moved score takes: the put below replaces it.
    const moved = { ...s, id: scoreId(s.walkId, keepId), touchpointId: keepId };
    await tx.objectStore('scores').put(moved);
    changes.push({ store: 'scores', op: 'put', value: moved });
  }
  await tx.done;
  return { touchpoint: merged, changes };
}

/**
 * Moves one pattern out of a touchpoint into a new one; tags and scores on pages of that pattern
 * follow it. `split` is null when there is nothing to split (the pattern is the touchpoint's only one).
 */
export async function splitTouchpointInDb(
  db: Db,
  id: string,
  pattern: string,
  now = Date.now(),
): Promise<{ split: { kept: Touchpoint; created: Touchpoint } | null; changes: Change[] }> {
  const tx = db.transaction(['touchpoints', 'tags', 'scores'], 'readwrite');
  const row = await tx.objectStore('touchpoints').get(id);
  if (!row) throw new Error('That touchpoint no longer exists.');
  const split = splitTouchpoint(Touchpoint.parse(row), pattern, () => crypto.randomUUID(), now);
  if (!split) {
    await tx.done;
    return { split: null, changes: [] };
  }
  const changes: Change[] = [
    { store: 'touchpoints', op: 'put', value: split.kept },
    { store: 'touchpoints', op: 'put', value: split.created },
  ];
  await tx.objectStore('touchpoints').put(split.kept);
  await tx.objectStore('touchpoints').put(split.created);
  const pair = [split.created, split.kept];
  const follows = (x: { touchpointId: string | null; url: string }) =>
    x.touchpointId === id && bestTouchpoint(x.url, pair) === split.created;
  for (const tag of await tx.objectStore('tags').index('byAudit').getAll(row.auditId)) {
    if (!follows(tag)) continue;
    const moved = { ...tag, touchpointId: split.created.id };
    await tx.objectStore('tags').put(moved);
    changes.push({ store: 'tags', op: 'put', value: moved });
  }
  for (const s of await tx.objectStore('scores').index('byAudit').getAll(row.auditId)) {
    if (!follows(s)) continue;
    const moved = { ...s, id: scoreId(s.walkId, split.created.id), touchpointId: split.created.id };
    await tx.objectStore('scores').delete(s.id);
    await tx.objectStore('scores').put(moved);
    changes.push({ store: 'scores', op: 'delete', id: s.id }, { store: 'scores', op: 'put', value: moved });
  }
  await tx.done;
  return { split, changes };
}
