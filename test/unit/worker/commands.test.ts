import { putScreenshot, putTag } from '@/lib/db/tags';
import { sentBy, validateRequest } from '@/lib/messaging/protocol';
import { dispatch, type Handlers, type Sender } from '@/lib/messaging/register';
import type { MessageName, RequestOf, ResponseOf } from '@/lib/messaging/types';
import type { OffsiteFields, Tag } from '@/lib/model';
import { getScreenshot, listTags } from '@/lib/read/tags';
import { listTouchpoints } from '@/lib/read/touchpoints';
import { createAuditCommands } from '@/lib/worker/audit-commands';
import { createJourneyCommands } from '@/lib/worker/journey-commands';
import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from '../support/journey-samples';
import { freshDb, seedWalk } from '../support/seed';
import { heardChanges } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

const self = { id: 'ours', root: 'chrome-extension://ours/', workerUrl: 'chrome-extension://ours/background.js' };
const panel: Sender = { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' };

/** A page's command as the worker receives it: checked, parsed, answered; an error is thrown here. */
async function setup(walk: Parameters<typeof seedWalk>[1] = {}) {
  const db = await freshDb();
  const seeded = await seedWalk(db, walk);
  const views = heardChanges();
  let clock = 80_000;
  const deps = { db, now: () => clock++, announce: views.announce };
  const handlers: Handlers = { ...createAuditCommands(deps), ...createJourneyCommands(deps) };
  async function send<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const options = { validate: validateRequest, senders: sentBy, answerUnknown: true, self };
    const reply = await dispatch(handlers, options, { type: name, payload }, panel);
    if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
    return reply.value as ResponseOf<K>;
  }
  return { db, ...seeded, views, send };
}

const tagOf = (walk: { id: string; auditId: string }, over: Partial<Tag> = {}): Tag => ({
  ...SAMPLE_FIELDS,
  id: crypto.randomUUID(),
  auditId: walk.auditId,
  walkId: walk.id,
  touchpointId: null,
  tabId: 7,
  recorderId: null,
  url: 'https://ventura.example/trips/lisbon',
  pageTitle: 'Lisbon',
  at: 1,
  anchor: SAMPLE_ANCHOR,
  target: null,
  screenshotId: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

const call: OffsiteFields = {
  channel: 'phone',
  touchpointName: 'Support line',
  summary: 'Called to confirm the quote',
  requestedAt: 66_000,
  answeredAt: 126_000,
  reschedules: 0,
  transfers: 1,
  repeatedInfo: [],
  outcome: 'resolved',
  ces: 3,
  csat: 4,
  tone: { formality: 'formal', warmth: 'warm' },
  facts: [],
  note: '',
};

describe('audit and persona commands', () => {
  it('creates an audit and sets its categories, announcing each as stored', async () => {
    const { send, views } = await setup();
    const audit = await send('audit/create', { name: 'Banco', startUrl: 'https://banco.example/' });
    expect(audit).toMatchObject({ name: 'Banco', origins: ['https://banco.example'] });
    const next = await send('audit/set-categories', {
      auditId: audit.id,
      categories: [{ id: 'slow', label: 'Slow pages' }],
    });
    expect(next.categories).toEqual([{ id: 'slow', label: 'Slow pages' }]);
    expect(views.heard).toEqual([
      { auditId: audit.id, changes: [{ store: 'audits', op: 'put', value: audit }] },
      { auditId: audit.id, changes: [{ store: 'audits', op: 'put', value: next }] },
    ]);
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const { send, views } = await setup();
    await expect(send('audit/create', { name: '', startUrl: 'https://x.example/' })).rejects.toThrow(
      /^Bad audit\/create/,
    );
    await expect(send('audit/create', { name: 'X', startUrl: 'javascript:alert(1)' })).rejects.toThrow(
      /Bad audit\/create/,
    );
    await expect(
      send('audit/set-categories', { auditId: 'gone', categories: [{ id: 'a', label: 'A' }] }),
    ).rejects.toThrow('That audit no longer exists.');
    await expect(send('persona/save', { id: 'gone', input: { auditId: 'a', name: 'Ana' } })).rejects.toThrow(
      'That persona no longer exists.',
    );
    expect(views.heard).toEqual([]);
  });

  it('adds and edits a persona; deletes one, but never the persona being walked', async () => {
    const { send, views, audit, persona } = await setup();
    const added = await send('persona/save', { input: { auditId: audit.id, name: 'Luis', goal: 'Book a trip' } });
    const edited = await send('persona/save', { id: added.id, input: { auditId: audit.id, name: 'Luis M.' } });
    expect(edited).toMatchObject({ id: added.id, name: 'Luis M.', createdAt: added.createdAt });
    await expect(send('persona/delete', { id: persona.id })).rejects.toThrow(
      `${persona.name} is walking now: end the walk first.`,
    );
    expect(await send('persona/delete', { id: added.id })).toBeNull();
    expect(await send('persona/delete', { id: added.id })).toBeNull(); // already gone: nothing to say
    expect(views.summary()).toEqual([
      `personas put ${added.id}`,
      `personas put ${added.id}`,
      `personas delete ${added.id}`,
    ]);
  });

  it('deletes the persona of an ended walk', async () => {
    const { send, persona, views } = await setup({ status: 'ended', endReason: 'auditor', endedAt: 4_000 });
    expect(await send('persona/delete', { id: persona.id })).toBeNull();
    expect(views.summary()).toEqual([`personas delete ${persona.id}`]);
  });
});

describe('journey commands', () => {
  it('edits a touchpoint: a stage set by hand is no longer a guess', async () => {
    const { db, send, walk, views } = await setup();
    const { touchpoint } = await send('offsite/save', { walkId: walk.id, fields: call }).then(async () => ({
      touchpoint: (await listTouchpoints(db, walk.auditId))[0],
    }));
    views.clear();
    const edited = await send('touchpoint/edit', {
      id: touchpoint?.id ?? '',
      edit: { name: 'Call centre', stage: 'use' },
    });
    expect(edited).toMatchObject({ name: 'Call centre', stage: 'use', stageGuessed: false, channel: 'phone' });
    expect(views.heard.map((h) => h.changes)).toEqual([[{ store: 'touchpoints', op: 'put', value: edited }]]);
    await expect(send('touchpoint/edit', { id: 'gone', edit: { name: 'x' } })).rejects.toThrow(/no longer exists/);
    await expect(send('touchpoint/edit', { id: edited.id, edit: { name: '   ' } })).rejects.toThrow(
      /^Bad touchpoint\/edit/,
    );
  });

  it('merges two touchpoints and splits them again, announcing every record that moved', async () => {
    const { db, send, walk, views } = await setup();
    const { createPageService } = await import('@/lib/worker/page-service');
    const pages = createPageService({
      db,
      now: () => 90_000,
      ids: () => crypto.randomUUID(),
      capture: async () => {
        throw new Error('no capture');
      },
      announce: () => undefined,
    });
    const lisbon = await pages.resolve(7, 'https://ventura.example/trips/lisbon', 'Lisbon');
    const porto = await pages.resolve(7, 'https://ventura.example/trips/porto', 'Porto');
    const tag = await putTag(
      db,
      tagOf(walk, { url: 'https://ventura.example/trips/porto', touchpointId: porto?.id ?? null }),
    );
    const score = await pages.saveScore(7, 'https://ventura.example/trips/porto', 'Porto', {
      ces: 5,
      csat: null,
      note: '',
    });

    const merged = await send('touchpoint/merge', { keepId: lisbon?.id ?? '', goneId: porto?.id ?? '' });
    expect(merged.patterns).toHaveLength(2);
    const movedScore = `${walk.id}:${merged.id}`;
    expect(views.summary()).toEqual([
      `touchpoints put ${merged.id}`,
      `touchpoints delete ${porto?.id}`,
      `tags put ${tag.id}`,
      `scores delete ${score.id}`,
      `scores put ${movedScore}`,
    ]);
    expect(views.heard[0]?.changes[2]).toEqual({ store: 'tags', op: 'put', value: (await listTags(db, walk.id))[0] });

    views.clear();
    const split = await send('touchpoint/split', { id: merged.id, pattern: merged.patterns[1] ?? '' });
    expect(split?.kept.patterns).toEqual([merged.patterns[0]]);
    const created = split?.created.id ?? '';
    expect(views.summary()).toEqual([
      `touchpoints put ${merged.id}`,
      `touchpoints put ${created}`,
      `tags put ${tag.id}`,
      `scores delete ${movedScore}`,
      `scores put ${walk.id}:${created}`,
    ]);
    // Nothing to split (the only pattern): null, and nothing announced.
    views.clear();
    expect(await send('touchpoint/split', { id: created, pattern: split?.created.patterns[0] ?? '' })).toBeNull();
    expect(views.heard).toEqual([]);
    await expect(send('touchpoint/merge', { keepId: created, goneId: created })).rejects.toThrow(/itself/);
  });

  it('edits a tag of any walk, and removes it with its screenshot', async () => {
    const { db, send, walk, views } = await setup({ status: 'ended', endReason: 'auditor', endedAt: 4_000 });
    const shot = await putScreenshot(db, {
      id: 'shot-1',
      walkId: walk.id,
      createdAt: 1,
      blob: new Blob([new Uint8Array([1])], { type: 'image/png' }),
      mime: 'image/png',
      width: 1,
      height: 1,
      focus: { x: 0, y: 0, width: 1, height: 1 },
    });
    const tag = await putTag(db, tagOf(walk, { screenshotId: shot.id }));
    const edited = await send('tag/edit', { id: tag.id, fields: { ...SAMPLE_FIELDS, severity: 4, note: 'Worse' } });
    expect(edited).toMatchObject({ id: tag.id, severity: 4, note: 'Worse', anchor: SAMPLE_ANCHOR });
    await expect(send('tag/edit', { id: tag.id, fields: { ...SAMPLE_FIELDS, severity: 9 } })).rejects.toThrow(
      /^Bad tag\/edit/,
    );
    expect(await send('tag/remove', { id: tag.id })).toBeNull();
    expect(await listTags(db, walk.id)).toEqual([]);
    expect(await getScreenshot(db, shot.id)).toBeUndefined();
    expect(views.heard.map((h) => h.changes)).toEqual([
      [{ store: 'tags', op: 'put', value: edited }],
      [{ store: 'tags', op: 'delete', id: tag.id }],
    ]);
    await expect(send('tag/edit', { id: tag.id, fields: SAMPLE_FIELDS })).rejects.toThrow('That tag no longer exists.');
  });

  it('adds an off-site event with its touchpoint in one commit, edits and deletes it', async () => {
    const { db, send, walk, views } = await setup();
    const event = await send('offsite/save', { walkId: walk.id, fields: call });
    const [touchpoint] = await listTouchpoints(db, walk.auditId);
    expect(touchpoint).toMatchObject({ name: 'Support line', channel: 'phone', stage: 'support', patterns: [] });
    expect(views.heard).toEqual([
      {
        auditId: walk.auditId,
        changes: [
          { store: 'touchpoints', op: 'put', value: touchpoint },
          { store: 'offsite', op: 'put', value: event },
        ],
      },
    ]);
    views.clear();
    const edited = await send('offsite/save', { walkId: walk.id, id: event.id, fields: { ...call, transfers: 3 } });
    expect(edited).toMatchObject({
      id: event.id,
      transfers: 3,
      touchpointId: event.touchpointId,
      createdAt: event.createdAt,
    });
    expect(await send('offsite/delete', { id: event.id })).toBeNull();
    expect(views.summary()).toEqual([`offsite put ${event.id}`, `offsite delete ${event.id}`]);
    await expect(send('offsite/save', { walkId: 'gone', fields: call })).rejects.toThrow('That walk no longer exists.');
    await expect(send('offsite/save', { walkId: walk.id, id: event.id, fields: call })).rejects.toThrow(
      /no longer exists/,
    );
    await expect(
      send('offsite/save', { walkId: walk.id, fields: { ...call, channel: 'web' } as never }),
    ).rejects.toThrow(/^Bad offsite\/save/);
  });

  it('records a walk’s outcome', async () => {
    const { send, walk, views } = await setup({ status: 'ended', endReason: 'auditor', endedAt: 4_000 });
    const outcome = { goal: 'partly', minutes: 12, nps: 6, note: 'Gave up on the form' } as const;
    const next = await send('walk/outcome', { walkId: walk.id, outcome });
    expect(next).toMatchObject({ id: walk.id, outcome });
    expect(views.heard).toEqual([{ auditId: walk.auditId, changes: [{ store: 'walks', op: 'put', value: next }] }]);
    await expect(send('walk/outcome', { walkId: walk.id, outcome: { ...outcome, nps: 11 } })).rejects.toThrow(
      /^Bad walk\/outcome/,
    );
    await expect(send('walk/outcome', { walkId: 'gone', outcome })).rejects.toThrow('That walk no longer exists.');
  });
});
