import { createAudit, savePersona } from '@/lib/db/audits';
import { putWalk, updateWalk } from '@/lib/db/walks';
import { signal } from '@preact/signals';
import { createLiveWalk } from '@/components/panel/model/live-walk';
import { createPanelModel } from '@/components/panel/model/panel-model';
import { fullWalk, walkRows } from '../support/full-walk';
import { settle } from '../support/clock';
import { freshDb } from '../support/seed';
import { connectWorker, fakeEnv, walkRecord } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

async function setup() {
  const db = await freshDb();
  const fake = fakeEnv({ estimate: { usage: 900, quota: 1_000 } });
  const worker = connectWorker(db, fake);
  const model = createPanelModel(db, fake.env);
  worker.to(model.dataChanged);
  const audit = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' }, 1_000);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana' }, undefined, 1_000);
  const seeded = { auditId: audit.id, personaId: persona.id };
  const older = await fullWalk(db, seeded, { startedAt: 3_000 });
  const newer = await fullWalk(db, seeded, { startedAt: 9_000 });
  await model.load();
  return { db, model, audit, persona, older, newer, ...fake };
}

describe('deleting from the panel', () => {
  it('asks with what a walk holds, deletes it on confirm, and takes the storage figure again', async () => {
    const { db, model, older, newer, sent, state, clock } = await setup();
    expect(model.storage.value?.warn).toBe(true);
    expect(model.pastWalks.value.map((w) => w.id)).toEqual([newer.walk.id, older.walk.id]);

    await model.deletes.askWalk(older.walk.id);
    // One tag; the recording's stored bytes plus two 1,000-byte screenshots.
    expect(model.deletes.pending.value).toMatchObject({
      kind: 'walk',
      walk: { id: older.walk.id },
      removal: { walks: 1, tags: 1, bytes: older.walk.storedBytes + 2_000 },
    });
    expect(sent.filter((s) => s.name === 'walk/delete')).toEqual([]);

    state.estimate = { usage: 100, quota: 1_000 };
    expect(await model.deletes.confirm()).toBe(true);
    expect(sent.filter((s) => s.name === 'walk/delete')).toEqual([
      { name: 'walk/delete', payload: { walkId: older.walk.id } },
    ]);
    expect(model.deletes.pending.value).toBeNull();
    expect(model.pastWalks.value.map((w) => w.id)).toEqual([newer.walk.id]);
    expect(model.status.value).toEqual({ key: 'deleteWalkDone' });
    expect((await walkRows(db, older.walk.id)).walks).toBe(0);
    clock.advance(1_000);
    await settle();
    expect(model.storage.value).toMatchObject({ usage: 100, warn: false });
  });

  it('the full-disk notice goes with the walk a full disk stopped', async () => {
    const { db, model, newer } = await setup();
    const stopped = await updateWalk(db, newer.walk.id, (w) => ({ ...w, endReason: 'storage-full' }));
    if (stopped)
      model.dataChanged({ auditId: stopped.auditId, changes: [{ store: 'walks', op: 'put', value: stopped }] });
    expect(model.storageFull.value).toBe(true);
    await model.deletes.askWalk(newer.walk.id);
    await model.deletes.confirm();
    expect(model.storageFull.value).toBe(false);
  });

  it('cancelling deletes nothing', async () => {
    const { db, model, older, sent } = await setup();
    await model.deletes.askWalk(older.walk.id);
    model.deletes.cancel();
    expect(model.deletes.pending.value).toBeNull();
    expect(await model.deletes.confirm()).toBe(false);
    expect(sent.filter((s) => s.name === 'walk/delete')).toEqual([]);
    expect((await walkRows(db, older.walk.id)).walks).toBe(1);
  });

  it('asks to delete the audit with all its walks, and forgets it once deleted', async () => {
    const { model, audit, older, newer } = await setup();
    await model.deletes.askAudit();
    const tags = 2;
    expect(model.deletes.pending.value).toMatchObject({
      kind: 'audit',
      audit: { id: audit.id },
      removal: { walks: 2, tags, bytes: older.walk.storedBytes + newer.walk.storedBytes + 4_000 },
    });
    expect(await model.deletes.confirm()).toBe(true);
    expect(model.audits.value).toEqual([]);
    expect(model.audit.value).toBeNull();
    expect(model.pastWalks.value).toEqual([]);
    expect(model.status.value).toEqual({ key: 'deleteAuditDone', subs: ['Ventura'] });
  });

  it('refuses to ask while a walk of the audit is being recorded', async () => {
    const { db, model, audit, persona, sent } = await setup();
    await putWalk(db, walkRecord({ auditId: audit.id, personaId: persona.id, startedAt: 20_000 }));
    await model.walk.readActive();
    await model.deletes.askAudit();
    expect(model.deletes.pending.value).toBeNull();
    expect(model.deletes.error.value).toEqual({ of: 'audit', message: { key: 'deleteErrorAuditRecording' } });
    expect(sent.filter((s) => s.name === 'audit/delete')).toEqual([]);
  });

  it('shows the worker’s refusal when the walk started recording again meanwhile', async () => {
    const { model, older, onSend } = await setup();
    await model.deletes.askWalk(older.walk.id);
    onSend(async () => {
      throw new Error('This walk is being recorded: end it before deleting it.');
    });
    expect(await model.deletes.confirm()).toBe(false);
    expect(model.deletes.error.value).toEqual({
      of: 'walk',
      message: { key: 'deleteFailed', subs: ['This walk is being recorded: end it before deleting it.'] },
    });
    expect(model.pastWalks.value.map((w) => w.id)).toContain(older.walk.id);
  });
});

describe('the walk the panel saw end', () => {
  it('is forgotten when it is deleted, or its audit is', async () => {
    const db = await freshDb();
    const live = createLiveWalk({ db, personas: signal([]), onChanged: () => undefined });
    for (const store of ['walks', 'audits'] as const) {
      const walk = walkRecord({ auditId: 'a1', personaId: 'p1' });
      live.apply({ auditId: 'a1', changes: [{ store: 'walks', op: 'put', value: walk }] });
      const ended = { ...walk, status: 'ended' as const, endReason: 'storage-full' as const, openTabIds: [] };
      live.apply({ auditId: 'a1', changes: [{ store: 'walks', op: 'put', value: ended }] });
      await settle();
      expect(live.lastEnded.value?.id).toBe(walk.id);
      live.apply({ auditId: 'a1', changes: [{ store, op: 'delete', id: store === 'walks' ? 'another' : 'a2' }] });
      expect(live.lastEnded.value?.id).toBe(walk.id);
      live.apply({ auditId: 'a1', changes: [{ store, op: 'delete', id: store === 'walks' ? walk.id : 'a1' }] });
      expect(live.lastEnded.value).toBeNull();
    }
  });
});
