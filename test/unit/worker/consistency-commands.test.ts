import { setAuditCategories } from '@/lib/db/audits';
import { deleteAudit, deleteWalk, sweepOrphanFacts } from '@/lib/db/delete';
import { factsId } from '@/lib/db/facts';
import type { Db } from '@/lib/db/open-db';
import { sentBy, validateRequest } from '@/lib/messaging/protocol';
import { dispatch, type Handlers, type Sender } from '@/lib/messaging/register';
import type { MessageName, RequestOf, ResponseOf } from '@/lib/messaging/types';
import type { Walk } from '@/lib/model';
import type { PageFacts } from '@/lib/model/fact';
import { applyChanges } from '@/lib/read/apply-changes';
import { loadAudit } from '@/lib/read/audit-data';
import { listDecisions, listFacts } from '@/lib/read/facts';
import { getTag } from '@/lib/read/tags';
import { createConsistencyCommands } from '@/lib/worker/consistency-commands';
import { SAMPLE_ANCHOR } from '../support/journey-samples';
import { freshDb, seedWalk, TAB } from '../support/seed';
import { heardChanges } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

const self = { id: 'ours', root: 'chrome-extension://ours/', workerUrl: 'chrome-extension://ours/background.js' };
const panel: Sender = { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' };

async function addRecorder(db: Db, walk: Walk, recorderId: string) {
  await db.put('recorders', {
    recorderId,
    walkId: walk.id,
    tabId: TAB,
    url: 'https://ventura.example/',
    startedAt: 4_000,
    storedThrough: 3,
  });
}

function pageFacts(walk: Walk, recorderId = 'rec-1', over: Partial<PageFacts> = {}): PageFacts {
  return {
    id: factsId(walk.id, recorderId),
    auditId: walk.auditId,
    walkId: walk.id,
    recorderId,
    tabId: TAB,
    touchpointId: null,
    url: 'https://ventura.example/contacto',
    title: 'Contacto',
    at: 4_500,
    version: 1,
    facts: [
      {
        kind: 'phone',
        value: '+34912345678',
        raw: '912 345 678',
        source: 'link',
        context: 'Llámenos',
        label: '',
        anchor: SAMPLE_ANCHOR,
      },
      {
        kind: 'colour',
        value: '#d9d9d9',
        raw: '',
        source: 'style',
        context: 'Send',
        label: 'primary-button',
        anchor: SAMPLE_ANCHOR,
      },
    ],
    failed: [],
    unreadable: [],
    extractedAt: 9_000,
    ...over,
  };
}

async function setup() {
  const db = await freshDb();
  const seeded = await seedWalk(db);
  await addRecorder(db, seeded.walk, 'rec-1');
  const views = heardChanges();
  let id = 0;
  const deps = { db, now: () => 80_000, announce: views.announce, ids: () => `tag-${++id}` };
  const handlers: Handlers = createConsistencyCommands(deps);
  async function send<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const options = { validate: validateRequest, senders: sentBy, answerUnknown: true, self };
    const reply = await dispatch(handlers, options, { type: name, payload }, panel);
    if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
    return reply.value as ResponseOf<K>;
  }
  return { db, ...seeded, views, send };
}

const confirm = (auditId: string, factsIdOf: string) => ({
  auditId,
  key: 'phone|+34912345678|+34911111111',
  kind: 'phone' as const,
  status: 'confirmed' as const,
  place: { factsId: factsIdOf, anchor: SAMPLE_ANCHOR },
  severity: 3,
  note: 'Two numbers',
});

describe('facts/put', () => {
  it('stores one record per page load, replaced when extracted again, and announces it', async () => {
    const { db, walk, views, send } = await setup();
    await send('facts/put', pageFacts(walk));
    await send('facts/put', pageFacts(walk, 'rec-1', { version: 2, at: 4_800 }));
    const stored = await listFacts(db, walk.id);
    expect(stored.map((f) => [f.id, f.version, f.at])).toEqual([[`${walk.id}:rec-1`, 2, 4_800]]);
    expect(views.summary()).toEqual([`facts put ${walk.id}:rec-1`, `facts put ${walk.id}:rec-1`]);
  });

  it('refuses a walk of another audit, a page load of another walk, and a misnamed record', async () => {
    const { db, walk, send } = await setup();
    const other = await seedWalk(db);
    await addRecorder(db, other.walk, 'rec-2');
    await expect(send('facts/put', pageFacts(walk, 'rec-1', { auditId: other.audit.id }))).rejects.toThrow(
      /not in this audit/,
    );
    await expect(send('facts/put', pageFacts(walk, 'rec-2', { id: factsId(walk.id, 'rec-2') }))).rejects.toThrow(
      /not in this walk/,
    );
    await expect(send('facts/put', pageFacts(walk, 'rec-1', { id: 'x' }))).rejects.toThrow(/misnamed/);
    expect(await listFacts(db, walk.id)).toEqual([]);
  });

  it('takes a page load without a mark when the walk holds its chunks (an imported walk)', async () => {
    const { db, walk, send } = await setup();
    await expect(send('facts/put', pageFacts(walk, 'rec-9'))).rejects.toThrow(/not in this walk/);
    await db.put('chunks', {
      id: 'rec-9:000000000',
      walkId: walk.id,
      tabId: TAB,
      recorderId: 'rec-9',
      seqFrom: 0,
      seqTo: 1,
      firstTs: 4_000,
      lastTs: 4_500,
      rawBytes: 10,
      data: new Uint8Array([1]),
    });
    await send('facts/put', pageFacts(walk, 'rec-9'));
    expect((await listFacts(db, walk.id)).map((f) => f.recorderId)).toEqual(['rec-9']);
  });

  it('keeps only the kinds read without text when the audit masks all page text', async () => {
    const { db, audit, walk, send } = await setup();
    await db.put('audits', { ...audit, privacy: { ...audit.privacy, maskAllText: true } });
    await send('facts/put', pageFacts(walk));
    const [stored] = await listFacts(db, walk.id);
    expect(stored?.title).toBe('');
    expect(stored?.facts.map((f) => f.kind)).toEqual(['colour']);
    expect(stored?.facts[0]?.context).toBe('');
    expect(stored?.facts[0]?.anchor?.name).toBe('');
  });
});

describe('consistency/decide and consistency/undo', () => {
  it('a confirmation pins an inconsistency tag on the page load where its facts were read', async () => {
    const { db, walk, views, send } = await setup();
    await send('facts/put', pageFacts(walk, 'rec-1', { touchpointId: 'tp-1' }));
    views.clear();
    const decision = await send('consistency/decide', confirm(walk.auditId, factsId(walk.id, 'rec-1')));
    expect(decision).toMatchObject({ status: 'confirmed', tagId: 'tag-1', kind: 'phone', decidedAt: 80_000 });
    const tag = await getTag(db, 'tag-1');
    expect(tag).toMatchObject({
      categoryId: 'inconsistency',
      walkId: walk.id,
      recorderId: 'rec-1',
      tabId: TAB,
      touchpointId: 'tp-1',
      url: 'https://ventura.example/contacto',
      pageTitle: 'Contacto',
      at: 4_500,
      screenshotId: null,
      severity: 3,
      note: 'Two numbers',
      target: { kind: 'button', name: 'Send' },
    });
    expect(views.summary()).toEqual(['tags put tag-1', `decisions put ${decision.id}`]);
  });

  it('deciding again replaces the decision and removes the tag the confirmation made', async () => {
    const { db, walk, views, send } = await setup();
    await send('facts/put', pageFacts(walk));
    const first = await send('consistency/decide', confirm(walk.auditId, factsId(walk.id, 'rec-1')));
    views.clear();
    const second = await send('consistency/decide', { ...confirm(walk.auditId, ''), status: 'dismissed', place: null });
    expect(second).toMatchObject({ id: first.id, status: 'dismissed', tagId: null });
    expect(await getTag(db, 'tag-1')).toBeUndefined();
    expect(await listDecisions(db, walk.auditId)).toEqual([second]);
    expect(views.summary()).toEqual(['tags delete tag-1', `decisions put ${first.id}`]);
  });

  it('uses the first category when the audit removed "inconsistency", and refuses a place of another audit', async () => {
    const { db, walk, send } = await setup();
    await setAuditCategories(db, walk.auditId, [{ id: 'trust', label: 'Trust' }]);
    await send('facts/put', pageFacts(walk));
    await send('consistency/decide', confirm(walk.auditId, factsId(walk.id, 'rec-1')));
    expect((await getTag(db, 'tag-1'))?.categoryId).toBe('trust');
    const other = await seedWalk(db);
    await expect(send('consistency/decide', confirm(other.audit.id, factsId(walk.id, 'rec-1')))).rejects.toThrow(
      /not in this audit/,
    );
    await expect(send('consistency/decide', { ...confirm(walk.auditId, ''), place: null })).rejects.toThrow(
      /names the place/,
    );
  });

  it('undo forgets the decision and deletes its tag; undoing nothing announces nothing', async () => {
    const { db, walk, views, send } = await setup();
    await send('facts/put', pageFacts(walk));
    const d = await send('consistency/decide', confirm(walk.auditId, factsId(walk.id, 'rec-1')));
    views.clear();
    await send('consistency/undo', { auditId: walk.auditId, key: d.key });
    expect(await listDecisions(db, walk.auditId)).toEqual([]);
    expect(await getTag(db, 'tag-1')).toBeUndefined();
    await send('consistency/undo', { auditId: walk.auditId, key: d.key });
    expect(views.summary()).toEqual(['tags delete tag-1', `decisions delete ${d.id}`]);
  });
});

describe('facts and decisions in deletes and the read model', () => {
  it('deleting a walk deletes its facts; deleting the audit its decisions; the sweep takes orphans', async () => {
    const { db, walk, send } = await setup();
    await db.put('walks', { ...walk, status: 'ended', endedAt: 5_000 });
    await send('facts/put', pageFacts(walk));
    await send('consistency/decide', { ...confirm(walk.auditId, ''), status: 'dismissed', place: null });
    expect((await deleteWalk(db, walk.id)).kind).toBe('deleted');
    expect(await listFacts(db, walk.id)).toEqual([]);
    expect(await listDecisions(db, walk.auditId)).toHaveLength(1);
    expect((await deleteAudit(db, walk.auditId)).kind).toBe('deleted');
    expect(await listDecisions(db, walk.auditId)).toEqual([]);

    await db.put('facts', pageFacts({ ...walk, id: 'gone-walk' }));
    await db.put('decisions', {
      id: 'gone:k',
      auditId: 'gone',
      key: 'k',
      kind: 'phone',
      status: 'dismissed',
      tagId: null,
      decidedAt: 1,
    });
    expect((await sweepOrphanFacts(db)).sort()).toEqual(['gone-walk:rec-1', 'gone:k']);
    expect(await db.count('facts')).toBe(0);
  });

  it('loadAudit reads them, and applyChanges keeps them current', async () => {
    const { db, walk, views, send } = await setup();
    const empty = await loadAudit(db, walk.auditId);
    if (!empty) throw new Error('no audit');
    expect(empty.walks[0]?.facts).toEqual([]);
    expect(empty.decisions).toEqual([]);
    await send('facts/put', pageFacts(walk));
    await send('consistency/decide', confirm(walk.auditId, factsId(walk.id, 'rec-1')));
    await send('consistency/decide', { ...confirm(walk.auditId, ''), status: 'dismissed', place: null });
    let model = empty;
    for (const notice of views.heard) model = applyChanges(model, notice) ?? model;
    expect(model).toEqual(await loadAudit(db, walk.auditId));
    expect(model.walks[0]?.facts.map((f) => f.id)).toEqual([factsId(walk.id, 'rec-1')]);
    expect(model.decisions.map((d) => d.status)).toEqual(['dismissed']);
    expect(model.walks[0]?.tags).toEqual([]);
    const dropped = applyChanges(model, {
      auditId: walk.auditId,
      changes: [{ store: 'facts', op: 'delete', id: factsId(walk.id, 'rec-1') }],
    });
    expect(dropped?.walks[0]?.facts).toEqual([]);
  });
});
