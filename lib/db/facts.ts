import type { IDBPTransaction, StoreNames } from 'idb';
import { READ_WITHOUT_TEXT } from '@/lib/consistency/unreadable';
import type { Db } from '@/lib/db/open-db';
import type { TouchpointDB } from '@/lib/db/schema';
import { type Anchor, Audit, type Change, Tag, type Target } from '@/lib/model';
import { Decision, PageFacts } from '@/lib/model/fact';
import type { RequestOf } from '@/lib/messaging/types';
import { decisionId, factsId } from '@/lib/read/facts';
import { kindOf } from '@/lib/record/describe';
import { textlessAnchor, textlessTarget } from '@/lib/record/privacy';

type Tx = IDBPTransaction<TouchpointDB, StoreNames<TouchpointDB>[], 'readwrite'>;
export type DecideRequest = RequestOf<'consistency/decide'>;

export { decisionId, factsId };

/**
 * What the panel extracted from one recorded page load, stored when the walk is the audit's and
 * the page load (recorder) is the walk's, in the transaction that checks it: a walk deleted a
 * moment before takes no facts with it. Under *Mask all page text* only the kinds read without
 * text are kept, whatever the panel sent, and no text around them (the worker applies the audit's
 * privacy where records arrive, as it does for tags).
 */
export async function putPageFacts(db: Db, sent: PageFacts): Promise<PageFacts> {
  const record = PageFacts.parse(sent);
  const tx = db.transaction(['audits', 'walks', 'recorders', 'chunks', 'facts'], 'readwrite');
  const walk = await tx.objectStore('walks').get(record.walkId);
  const mark = await tx.objectStore('recorders').get(record.recorderId);
  const audit = await tx.objectStore('audits').get(record.auditId);
  if (!walk || !audit || walk.auditId !== record.auditId) throw new Error('That walk is not in this audit.');
  // An imported or repaired walk may lack a page load's mark: its chunks (ids `recorder:seq`) say.
  const ofWalk =
    mark?.walkId === record.walkId ||
    (!mark &&
      (await tx.objectStore('chunks').index('byWalk').getAllKeys(record.walkId)).some((k) =>
        String(k).startsWith(`${record.recorderId}:`),
      ));
  if (!ofWalk) throw new Error('That page load is not in this walk.');
  if (record.id !== factsId(record.walkId, record.recorderId)) throw new Error('The facts record is misnamed.');
  const stored = Audit.parse(audit).privacy.maskAllText ? textless(record) : record;
  await tx.objectStore('facts').put(stored);
  await tx.done;
  return stored;
}

function textless(r: PageFacts): PageFacts {
  const facts = r.facts
    .filter((f) => READ_WITHOUT_TEXT.has(f.kind))
    .map((f) => ({ ...f, raw: '', context: '', label: '', anchor: f.anchor && textlessAnchor(f.anchor) }));
  return { ...r, title: '', facts };
}

/** A tag's target from what its anchor kept: the kind from the role (or tag), the accessible name. */
export function targetOfAnchor(anchor: Anchor): Target {
  return { kind: kindOf(anchor.role ?? anchor.tag), name: anchor.name.slice(0, 300) };
}

/** Deletes a tag (and a screenshot it may hold) inside `tx`; answers whether there was one. */
async function dropTag(tx: Tx, id: string): Promise<boolean> {
  const tag = await tx.objectStore('tags').get(id);
  if (!tag) return false;
  await tx.objectStore('tags').delete(id);
  if (tag.screenshotId) await tx.objectStore('screenshots').delete(tag.screenshotId);
  return true;
}

const STORES = ['audits', 'facts', 'decisions', 'tags', 'screenshots'] as const;

/**
 * The auditor's decision on a divergence, in one transaction: an earlier decision on the same key
 * is replaced and the tag its confirmation made deleted; a confirmation pins a friction tag of
 * category "inconsistency" on the element of the page load `place` names, at the time its facts
 * were read (so the replay opens there). The audit's own "inconsistency" category is used; when the
 * auditor removed it from the taxonomy, the first category stands in (a tag must name one).
 */
export async function decide(
  db: Db,
  req: DecideRequest,
  now: number,
  newId: () => string,
): Promise<{ decision: Decision; changes: Change[] }> {
  const tx = db.transaction([...STORES], 'readwrite') as unknown as Tx;
  const row = await tx.objectStore('audits').get(req.auditId);
  if (!row) throw new Error('That audit no longer exists.');
  const audit = Audit.parse(row);
  const id = decisionId(req.auditId, req.key);
  const changes: Change[] = [];
  const before = await tx.objectStore('decisions').get(id);
  if (before?.tagId && (await dropTag(tx, before.tagId)))
    changes.push({ store: 'tags', op: 'delete', id: before.tagId });
  let tagId: string | null = null;
  if (req.status === 'confirmed') {
    if (!req.place) throw new Error('A confirmation names the place to tag.');
    const factsRow = await tx.objectStore('facts').get(req.place.factsId);
    if (factsRow?.auditId !== req.auditId) throw new Error('That page load is not in this audit.');
    const page = PageFacts.parse(factsRow);
    const category = audit.categories.find((c) => c.id === 'inconsistency') ?? audit.categories[0];
    const masked = audit.privacy.maskAllText;
    const anchor = masked ? textlessAnchor(req.place.anchor) : req.place.anchor;
    const target = targetOfAnchor(anchor);
    const tag = Tag.parse({
      id: newId(),
      auditId: req.auditId,
      walkId: page.walkId,
      touchpointId: page.touchpointId,
      tabId: page.tabId,
      recorderId: page.recorderId,
      url: page.url,
      pageTitle: masked ? '' : page.title,
      at: page.at,
      anchor,
      target: masked ? textlessTarget(target) : target,
      screenshotId: null,
      categoryId: category?.id ?? 'inconsistency',
      severity: req.severity,
      // What the form would default to: a divergence is seen by the persona (perception), with no
      // effort or feeling measured on it.
      effort: 4,
      emotion: 0,
      momentOfTruth: 'no',
      aspect: 'perception',
      resolution: { status: 'unresolved', minutes: null },
      note: req.note,
      createdAt: now,
      updatedAt: now,
    });
    await tx.objectStore('tags').put(tag);
    changes.push({ store: 'tags', op: 'put', value: tag });
    tagId = tag.id;
  }
  const decision = Decision.parse({
    id,
    auditId: req.auditId,
    key: req.key,
    kind: req.kind,
    status: req.status,
    tagId,
    decidedAt: now,
  });
  await tx.objectStore('decisions').put(decision);
  await tx.done;
  changes.push({ store: 'decisions', op: 'put', value: decision });
  return { decision, changes };
}

/** Forgets a decision and deletes the tag its confirmation made; nothing when there was none. */
export async function undoDecision(db: Db, auditId: string, key: string): Promise<Change[]> {
  const tx = db.transaction(['decisions', 'tags', 'screenshots'], 'readwrite') as unknown as Tx;
  const id = decisionId(auditId, key);
  const before = await tx.objectStore('decisions').get(id);
  const changes: Change[] = [];
  if (before) {
    if (before.tagId && (await dropTag(tx, before.tagId)))
      changes.push({ store: 'tags', op: 'delete', id: before.tagId });
    await tx.objectStore('decisions').delete(id);
    changes.push({ store: 'decisions', op: 'delete', id });
  }
  await tx.done;
  return changes;
}
