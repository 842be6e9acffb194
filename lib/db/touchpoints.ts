import { type Channel, type Stage, Touchpoint } from '@/lib/model';
import { assignTouchpoint, bestTouchpoint, mergeTouchpoints, splitTouchpoint } from '@/lib/touchpoints/group';
import type { Db } from '@/lib/db/open-db';

/** The web touchpoint of a page, created (and stored) when no pattern of the audit matches it. */
export async function resolveTouchpoint(
  db: Db,
  auditId: string,
  url: string,
  title: string,
  now = Date.now(),
): Promise<Touchpoint | null> {
  const tx = db.transaction('touchpoints', 'readwrite');
  const existing = (await tx.store.index('byAudit').getAll(auditId)).map((r) => Touchpoint.parse(r));
  const a = assignTouchpoint(url, title, existing, () => crypto.randomUUID(), now, auditId);
  if (a?.created) await tx.store.put(a.touchpoint);
  await tx.done;
  return a?.touchpoint ?? null;
}

export interface TouchpointEdit {
  name?: string;
  channel?: Channel;
  stage?: Stage;
}

/** Renames a touchpoint or sets its channel or stage; a stage set by hand is no longer a guess. */
export async function editTouchpoint(db: Db, id: string, edit: TouchpointEdit): Promise<Touchpoint> {
  const tx = db.transaction('touchpoints', 'readwrite');
  const row = await tx.store.get(id);
  if (!row) throw new Error('That touchpoint no longer exists.');
  const next = Touchpoint.parse({
    ...row,
    ...edit,
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
export async function mergeTouchpointsInDb(db: Db, keepId: string, goneId: string): Promise<Touchpoint> {
  if (keepId === goneId) throw new Error('A touchpoint cannot be merged with itself.');
  const tx = db.transaction(['touchpoints', 'tags', 'scores', 'offsite'], 'readwrite');
  const [keep, gone] = await Promise.all([
    tx.objectStore('touchpoints').get(keepId),
    tx.objectStore('touchpoints').get(goneId),
  ]);
  if (!keep || !gone) throw new Error('That touchpoint no longer exists.');
  const merged = mergeTouchpoints(Touchpoint.parse(keep), Touchpoint.parse(gone));
  await tx.objectStore('touchpoints').put(merged);
  await tx.objectStore('touchpoints').delete(goneId);
  for (const tag of await tx.objectStore('tags').index('byAudit').getAll(merged.auditId)) {
    if (tag.touchpointId === goneId) await tx.objectStore('tags').put({ ...tag, touchpointId: keepId });
  }
  for (const ev of await tx.objectStore('offsite').index('byAudit').getAll(merged.auditId)) {
    if (ev.touchpointId === goneId) await tx.objectStore('offsite').put({ ...ev, touchpointId: keepId });
  }
  const scores = await tx.objectStore('scores').index('byAudit').getAll(merged.auditId);
  for (const s of scores.filter((x) => x.touchpointId === goneId)) {
    await tx.objectStore('scores').delete(s.id);
    const kept = scores.find((x) => x.walkId === s.walkId && x.touchpointId === keepId);
    if (kept && kept.at >= s.at) continue;
    if (kept) await tx.objectStore('scores').delete(kept.id);
    await tx.objectStore('scores').put({ ...s, id: scoreId(s.walkId, keepId), touchpointId: keepId });
  }
  await tx.done;
  return merged;
}

/**
 * Moves one pattern out of a touchpoint into a new one; tags and scores on pages of that pattern
 * follow it. Null when there is nothing to split (the pattern is the touchpoint's only one).
 */
export async function splitTouchpointInDb(
  db: Db,
  id: string,
  pattern: string,
  now = Date.now(),
): Promise<{ kept: Touchpoint; created: Touchpoint } | null> {
  const tx = db.transaction(['touchpoints', 'tags', 'scores'], 'readwrite');
  const row = await tx.objectStore('touchpoints').get(id);
  if (!row) throw new Error('That touchpoint no longer exists.');
  const split = splitTouchpoint(Touchpoint.parse(row), pattern, () => crypto.randomUUID(), now);
  if (!split) {
    await tx.done;
    return null;
  }
  await tx.objectStore('touchpoints').put(split.kept);
  await tx.objectStore('touchpoints').put(split.created);
  const pair = [split.created, split.kept];
  for (const tag of await tx.objectStore('tags').index('byAudit').getAll(row.auditId)) {
    if (tag.touchpointId === id && bestTouchpoint(tag.url, pair) === split.created) {
      await tx.objectStore('tags').put({ ...tag, touchpointId: split.created.id });
    }
  }
  for (const s of await tx.objectStore('scores').index('byAudit').getAll(row.auditId)) {
    if (s.touchpointId === id && bestTouchpoint(s.url, pair) === split.created) {
      await tx.objectStore('scores').delete(s.id);
      await tx
        .objectStore('scores')
        .put({ ...s, id: scoreId(s.walkId, split.created.id), touchpointId: split.created.id });
    }
  }
  await tx.done;
  return split;
}

/** A walk has one score per touchpoint: its id says which. */
export function scoreId(walkId: string, touchpointId: string): string {
  return `${walkId}:${touchpointId}`;
}

/** Guesses for an off-site channel's stage: calls and chats are mostly support, a store visit a purchase. */
const OFFSITE_STAGE: Record<Channel, Stage> = {
  web: 'consideration',
  'mobile-web': 'consideration',
  app: 'use',
  email: 'consideration',
  phone: 'support',
  chat: 'support',
  social: 'awareness',
  store: 'purchase',
  ads: 'awareness',
  other: 'use',
};

/** The off-site touchpoint of that name and channel in the audit, created when there is none. */
export async function offsiteTouchpoint(
  db: Db,
  auditId: string,
  name: string,
  channel: Channel,
  now = Date.now(),
): Promise<Touchpoint> {
  const tx = db.transaction('touchpoints', 'readwrite');
  const all = (await tx.store.index('byAudit').getAll(auditId)).map((r) => Touchpoint.parse(r));
  const key = name.trim().toLocaleLowerCase();
  const found = all.find((t) => t.channel === channel && t.patterns.length === 0 && t.name.toLocaleLowerCase() === key);
  if (found) {
    await tx.done;
    return found;
  }
  const created = Touchpoint.parse({
    id: crypto.randomUUID(),
    auditId,
    name: name.trim(),
    channel,
    stage: OFFSITE_STAGE[channel],
    stageGuessed: true,
    patterns: [],
    createdAt: now,
  });
  await tx.store.put(created);
  await tx.done;
  return created;
}
