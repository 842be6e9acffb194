import { createAudit, savePersona } from '@/lib/db/audits';
import { sentBy, validateRequest } from '@/lib/messaging/protocol';
import { dispatch, type Handlers, type Sender } from '@/lib/messaging/register';
import type { MessageName, RequestOf, ResponseOf } from '@/lib/messaging/types';
import { collectOrphanScreenshots, createDeleteCommands } from '@/lib/worker/delete-commands';
import { createPageService } from '@/lib/worker/page-service';
import { fullWalk, walkRows } from '../support/full-walk';
import { freshDb, TAB } from '../support/seed';
import { heardChanges } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

const self = { id: 'ours', root: 'chrome-extension://ours/', workerUrl: 'chrome-extension://ours/background.js' };
const panel: Sender = { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' };
const walkTab = (tabId: number): Sender => ({
  id: 'ours',
  url: 'https://ventura.example/',
  tab: { id: tabId } as Sender['tab'],
});

async function setup() {
  const db = await freshDb();
  const audit = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' }, 1_000);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana' }, undefined, 2_000);
  const seeded = { auditId: audit.id, personaId: persona.id };
  const views = heardChanges();
  const deps = { db, now: () => 90_000, announce: views.announce };
  const pages = createPageService({
    ...deps,
    ids: () => crypto.randomUUID(),
    capture: () => Promise.reject(new Error('not used')),
  });
  const handlers: Handlers = {
    ...createDeleteCommands(deps),
    'tag/discard-capture': ({ screenshotId }: { screenshotId: string }, s: Sender) =>
      pages.discardCapture(s.tab?.id, screenshotId),
  };
  async function send<K extends MessageName>(name: K, payload: RequestOf<K>, from = panel): Promise<ResponseOf<K>> {
    const options = { validate: validateRequest, senders: sentBy, answerUnknown: true, self };
    const reply = await dispatch(handlers, options, { type: name, payload }, from);
    if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
    return reply.value as ResponseOf<K>;
  }
  return { db, audit, seeded, views, send };
}

describe('delete commands', () => {
  it('deletes an ended walk and announces one walk delete; a second delete is no error', async () => {
    const { db, seeded, views, send } = await setup();
    const { walk } = await fullWalk(db, seeded);
    await send('walk/delete', { walkId: walk.id });
    expect(views.summary()).toEqual([`walks delete ${walk.id}`]);
    expect(views.heard[0]?.auditId).toBe(walk.auditId);
    expect((await walkRows(db, walk.id)).chunks).toBe(0);
    views.clear();
    await send('walk/delete', { walkId: walk.id });
    expect(views.summary()).toEqual([]);
  });

  it('refuses the walk being recorded, saying why, and deletes nothing', async () => {
    const { db, seeded, views, send } = await setup();
    const { walk } = await fullWalk(db, seeded, { recording: true });
    await expect(send('walk/delete', { walkId: walk.id })).rejects.toThrow(
      'This walk is being recorded: end it before deleting it.',
    );
    await expect(send('audit/delete', { auditId: walk.auditId })).rejects.toThrow(
      'A walk of this audit is being recorded: end it before deleting the audit.',
    );
    expect((await walkRows(db, walk.id)).walks).toBe(1);
    expect(views.summary()).toEqual([]);
  });

  it('deletes an audit and announces it; only the panel may ask', async () => {
    const { db, audit, seeded, views, send } = await setup();
    const { walk } = await fullWalk(db, seeded);
    await expect(send('audit/delete', { auditId: audit.id }, walkTab(TAB))).rejects.toThrow();
    await send('audit/delete', { auditId: audit.id });
    expect(views.heard).toEqual([{ auditId: audit.id, changes: [{ store: 'audits', op: 'delete', id: audit.id }] }]);
    expect(await db.get('audits', audit.id)).toBeUndefined();
    expect((await walkRows(db, walk.id)).walks).toBe(0);
  });

  it('a walk tab discards its own untagged capture; another tab cannot', async () => {
    const { db, seeded, send } = await setup();
    const live = await fullWalk(db, seeded, { recording: true });
    await expect(send('tag/discard-capture', { screenshotId: live.orphanShotId }, walkTab(99))).rejects.toThrow(
      'not part of the walk',
    );
    await expect(send('tag/discard-capture', { screenshotId: live.orphanShotId })).rejects.toThrow();
    expect(await db.get('screenshots', live.orphanShotId)).toBeDefined();
    await send('tag/discard-capture', { screenshotId: live.tagShotId }, walkTab(TAB));
    await send('tag/discard-capture', { screenshotId: live.orphanShotId }, walkTab(TAB));
    expect(await db.get('screenshots', live.tagShotId)).toBeDefined();
    expect(await db.get('screenshots', live.orphanShotId)).toBeUndefined();
  });

  it('collects the screenshots of ended walks that no tag holds', async () => {
    const { db, seeded } = await setup();
    const ended = await fullWalk(db, seeded);
    expect(await collectOrphanScreenshots(db)).toBe(1);
    expect(await db.get('screenshots', ended.orphanShotId)).toBeUndefined();
    expect(await db.get('screenshots', ended.tagShotId)).toBeDefined();
  });
});
