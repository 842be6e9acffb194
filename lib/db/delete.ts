import type { IDBPTransaction, StoreNames } from 'idb';
import { Audit, Walk } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';
import type { TouchpointDB } from '@/lib/db/schema';

/** Every store that holds records of one walk, each indexed `byWalk`. */
const WALK_STORES = [
  'chunks',
  'assets',
  'recorders',
  'steps',
  'signals',
  'tags',
  'scores',
  'offsite',
  'screenshots',
  'facts',
] as const;
/** Every store that holds records of one audit, each indexed `byAudit` (its walks' facts again: all of them). */
const AUDIT_STORES = ['personas', 'touchpoints', 'decisions'] as const;

type Tx = IDBPTransaction<TouchpointDB, StoreNames<TouchpointDB>[], 'readwrite'>;

/** What a delete did: gone (there was nothing), refused (a walk is being recorded), or done. */
export type DeleteResult<T> = { kind: 'gone' } | { kind: 'recording'; walk: Walk } | { kind: 'deleted'; value: T };

/**
 * Deletes every record of one walk inside `tx`, the walk last. Keys are read through the index
 * (never the values: a walk's chunks are most of its bytes) and deleted without waiting on each.
 */
async function deleteWalkIn(tx: Tx, walkId: string): Promise<void> {
  for (const name of WALK_STORES) {
    const store = tx.objectStore(name);
    const keys = await store.index('byWalk').getAllKeys(walkId);
    await Promise.all(keys.map((k) => store.delete(k)));
  }
  await tx.objectStore('walks').delete(walkId);
}

/**
 * Deletes a walk with everything recorded or added on it (chunks and their stylesheets, recorder marks, steps, signals,
 * tags and their screenshots, scores, off-site events, the facts read from its pages), in one transaction: a tag never outlives
 * its walk, and a failed delete leaves the walk whole. A walk not ended is refused.
 */
export async function deleteWalk(db: Db, walkId: string): Promise<DeleteResult<Walk>> {
  const tx = db.transaction(['walks', ...WALK_STORES], 'readwrite') as unknown as Tx;
  const row = await tx.objectStore('walks').get(walkId);
  if (!row) {
    await tx.done;
    return { kind: 'gone' };
  }
  const walk = Walk.parse(row);
  if (walk.status !== 'ended') {
    await tx.done;
    return { kind: 'recording', walk };
  }
  await deleteWalkIn(tx, walkId);
  await tx.done;
  return { kind: 'deleted', value: walk };
}

/**
 * Deletes an audit with its walks (as `deleteWalk`), personas, touchpoints and the auditor's
 * decisions on its divergences, in one transaction.
 * Refused while one of its walks is being recorded or paused.
 */
export async function deleteAudit(db: Db, auditId: string): Promise<DeleteResult<{ audit: Audit; walks: Walk[] }>> {
  const tx = db.transaction(['audits', 'walks', ...WALK_STORES, ...AUDIT_STORES], 'readwrite') as unknown as Tx;
  const row = await tx.objectStore('audits').get(auditId);
  if (!row) {
    await tx.done;
    return { kind: 'gone' };
  }
  const walks = (await tx.objectStore('walks').index('byAudit').getAll(auditId)).map((w) => Walk.parse(w));
  const walking = walks.find((w) => w.status !== 'ended');
  if (walking) {
    await tx.done;
    return { kind: 'recording', walk: walking };
  }
  for (const w of walks) await deleteWalkIn(tx, w.id);
  // Facts go with their walks; read by audit too, so none outlives its audit whatever its walk.
  for (const name of [...AUDIT_STORES, 'facts'] as const) {
    const store = tx.objectStore(name);
    const keys = await store.index('byAudit').getAllKeys(auditId);
    await Promise.all(keys.map((k) => store.delete(k)));
  }
  await tx.objectStore('audits').delete(auditId);
  await tx.done;
  return { kind: 'deleted', value: { audit: Audit.parse(row), walks } };
}

/** The screenshot ids the walk's tags hold. */
async function tagged(tx: Tx, walkId: string): Promise<Set<string>> {
  const tags = await tx.objectStore('tags').index('byWalk').getAll(walkId);
  return new Set(tags.flatMap((t) => (t.screenshotId ? [t.screenshotId] : [])));
}

/**
 * Deletes a screenshot taken for a tag that was never saved (the form was cancelled), when it is
 * walk `walkId`'s and no tag holds it; answers whether it was deleted. Checked in the transaction
 * that deletes it, so a tag saved a moment before keeps its picture.
 */
export async function discardScreenshot(db: Db, walkId: string, id: string): Promise<boolean> {
  const tx = db.transaction(['tags', 'screenshots'], 'readwrite') as unknown as Tx;
  const shot = await tx.objectStore('screenshots').get(id);
  const orphan = shot?.walkId === walkId && !(await tagged(tx, walkId)).has(id);
  if (orphan) await tx.objectStore('screenshots').delete(id);
  await tx.done;
  return orphan;
}

/**
 * Deletes the screenshots no tag holds, of walks no longer recording (and of walks gone): what a
 * cancelled tag form left behind when its discard never arrived (the tab closed, the worker
 * stopped). The walk being recorded keeps its own: a tag form may be open on one. Reads keys only.
 */
export async function sweepOrphanScreenshots(db: Db): Promise<string[]> {
  const tx = db.transaction(['walks', 'tags', 'screenshots'], 'readwrite') as unknown as Tx;
  const walks = new Map((await tx.objectStore('walks').getAll()).map((w) => [w.id, w.status]));
  const held = new Set<string>();
  for (const t of await tx.objectStore('tags').getAll()) if (t.screenshotId) held.add(t.screenshotId);
  const gone: string[] = [];
  let cursor = await tx.objectStore('screenshots').index('byWalk').openKeyCursor();
  while (cursor) {
    const id = String(cursor.primaryKey);
    const status = walks.get(String(cursor.key));
    if ((status === undefined || status === 'ended') && !held.has(id)) gone.push(id);
    cursor = await cursor.continue();
  }
  await Promise.all(gone.map((id) => tx.objectStore('screenshots').delete(id)));
  await tx.done;
  return gone;
}

/**
 * Deletes the facts of page loads whose walk is gone, and the decisions of audits gone: what a
 * `facts/put` racing a delete could leave (it checks its walk, but an older worker's write may
 * not have). Reads keys only, and the walks' and audits' ids.
 */
export async function sweepOrphanFacts(db: Db): Promise<string[]> {
  const tx = db.transaction(['audits', 'walks', 'facts', 'decisions'], 'readwrite') as unknown as Tx;
  const walks = new Set((await tx.objectStore('walks').getAllKeys()).map(String));
  const audits = new Set((await tx.objectStore('audits').getAllKeys()).map(String));
  const gone: { store: 'facts' | 'decisions'; id: string }[] = [];
  let facts = await tx.objectStore('facts').index('byWalk').openKeyCursor();
  while (facts) {
    if (!walks.has(String(facts.key))) gone.push({ store: 'facts', id: String(facts.primaryKey) });
    facts = await facts.continue();
  }
  let decisions = await tx.objectStore('decisions').index('byAudit').openKeyCursor();
  while (decisions) {
    if (!audits.has(String(decisions.key))) gone.push({ store: 'decisions', id: String(decisions.primaryKey) });
    decisions = await decisions.continue();
  }
  await Promise.all(gone.map((g) => tx.objectStore(g.store).delete(g.id)));
  await tx.done;
  return gone.map((g) => g.id);
}
