import { createAudit, savePersona } from '@/lib/db/audits';
import type { Db } from '@/lib/db/open-db';
import { putWalk } from '@/lib/db/walks';
import { createPanelModel, type PanelModel } from '@/components/panel/model/panel-model';
import { settle } from '../support/clock';
import { freshDb } from '../support/seed';
import { connectWorker, fakeEnv, walkRecord } from './support';

async function setup(opts: Parameters<typeof fakeEnv>[0] = {}) {
  const db = await freshDb();
  const fake = fakeEnv(opts);
  const worker = connectWorker(db, fake);
  const model = createPanelModel(db, fake.env);
  worker.to(model.dataChanged);
  return { db, model, worker, ...fake };
}

function fillAudit(m: PanelModel, name: string, startUrl = 'https://ventura.example/') {
  m.auditForm.name.value = name;
  m.auditForm.startUrl.value = startUrl;
}

async function withAuditAndPersona(db: Db, now = 1_000) {
  const audit = await createAudit(db, { name: 'Ventura', startUrl: 'http://127.0.0.1:4173/index.html' }, now);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana', goal: 'Get a quote' }, undefined, now);
  return { audit, persona };
}

describe('the panel model', () => {
  it('starts empty, asks for persistent storage once, and explains why a walk cannot start', async () => {
    const { model } = await setup();
    await model.load();
    expect(model.audits.value).toEqual([]);
    expect(model.audit.value).toBeNull();
    expect(model.persisted.value).toBe(false);
    expect(model.walk.blocker.value).toEqual({ key: 'panelNeedAudit' });
  });

  it('shows inline errors for a bad audit and stores nothing', async () => {
    const { model } = await setup();
    await model.load();
    fillAudit(model, ' ', 'ventura.example');
    await model.createAudit();
    expect(model.auditForm.errors.value).toEqual({
      name: { key: 'panelErrorAuditName' },
      startUrl: { key: 'panelErrorStartUrl' },
    });
    expect(model.audits.value).toEqual([]);
  });

  it('creates audits, makes the new one current, and keeps the choice when the list reloads', async () => {
    const { model, clock } = await setup();
    await model.load();
    fillAudit(model, 'First');
    await model.createAudit();
    expect(model.auditForm.name.value).toBe('');
    expect(model.status.value).toEqual({ key: 'panelAuditCreated', subs: ['First'] });
    clock.advance(1_000);
    fillAudit(model, 'Second');
    await model.createAudit();
    expect(model.audits.value.map((a) => a.name)).toEqual(['Second', 'First']);
    expect(model.audit.value?.name).toBe('Second');

    const first = model.audits.value[1]?.id ?? '';
    await model.selectAudit(first);
    await model.load();
    expect(model.audit.value?.name).toBe('First');
  });

  it('adds, edits and deletes (after confirmation) a persona', async () => {
    const { db, model } = await setup();
    await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' });
    await model.load();
    const p = model.personaModel;
    await p.save();
    expect(p.error.value).toEqual({ key: 'panelErrorPersonaName' });
    p.name.value = 'Ana';
    p.goal.value = 'Get a quote';
    p.device.value = 'mobile';
    await p.save();
    expect(model.personas.value).toMatchObject([{ name: 'Ana', goal: 'Get a quote', context: { device: 'mobile' } }]);
    expect(p.name.value).toBe('');

    const ana = model.personas.value[0];
    if (!ana) throw new Error('no persona');
    p.edit(ana);
    expect(p.name.value).toBe('Ana');
    expect(p.device.value).toBe('mobile');
    p.name.value = 'Ana B.';
    await p.save();
    expect(p.editingId.value).toBeNull();
    expect(model.personas.value.map((x) => [x.id, x.name])).toEqual([[ana.id, 'Ana B.']]);

    p.askDelete(ana);
    expect(p.confirmingId.value).toBe(ana.id);
    p.keep();
    expect(model.personas.value).toHaveLength(1);
    p.askDelete(ana);
    await p.confirmDelete(ana);
    expect(model.personas.value).toEqual([]);
    expect(model.walk.blocker.value).toEqual({ key: 'panelNeedPersona' });
  });

  it('warns at 80% of the storage quota', async () => {
    const { model, state } = await setup({ estimate: { usage: 50, quota: 100 } });
    await model.load();
    expect(model.storage.value?.warn).toBe(false);
    state.estimate = { usage: 86, quota: 100 };
    await model.poll();
    expect(model.storage.value).toMatchObject({ percent: 86, warn: true });
  });

  it('writes only through the worker’s commands, and shows their answers at once', async () => {
    const { db, model, sent, worker } = await setup();
    await model.load();
    fillAudit(model, 'Ventura');
    await model.createAudit();
    const id = model.audit.value?.id ?? '';
    model.personaModel.name.value = 'Ana';
    await model.personaModel.save();
    // Shown before the worker's notice arrives: the command's answer is applied at once.
    expect(model.personas.value.map((p) => p.name)).toEqual(['Ana']);
    await model.saveCategories('Findability\nTrust');
    expect(model.audit.value?.categories.map((c) => c.label)).toEqual(['Findability', 'Trust']);
    expect(sent.map((m) => m.name)).toEqual(['audit/create', 'persona/save', 'audit/set-categories']);
    await settle();
    expect(worker.notices.map((n) => [n.auditId, n.changes.map((c) => c.store)])).toEqual([
      [id, ['audits']],
      [id, ['personas']],
      [id, ['audits']],
    ]);
    // The notices, heard afterwards, change nothing more: applying a change twice is harmless.
    expect(model.personas.value.map((p) => p.name)).toEqual(['Ana']);
    expect(await db.count('personas')).toBe(1);
  });

  it('applies the worker’s notices as they come, and estimates storage once per burst', async () => {
    const { db, model, clock, env } = await setup();
    const { audit, persona } = await withAuditAndPersona(db);
    const walk = await putWalk(db, walkRecord({ auditId: audit.id, personaId: persona.id }));
    await model.load();
    let estimates = 0;
    const estimate = env.estimateStorage;
    env.estimateStorage = () => {
      estimates++;
      return estimate();
    };
    // Three flushes land while a page navigates; each notice carries the walk as stored.
    for (const eventCount of [10, 20, 30]) {
      model.dataChanged({
        auditId: audit.id,
        changes: [{ store: 'walks', op: 'put', value: { ...walk, eventCount } }],
      });
      expect(model.walk.active.value?.eventCount).toBe(eventCount);
      expect(model.walks.value.map((w) => w.eventCount)).toEqual([eventCount]);
      clock.advance(100);
      await settle();
    }
    expect(estimates).toBe(0);
    clock.advance(150);
    await settle();
    expect(estimates).toBe(1);
    // A notice for another audit leaves this one as it was.
    const before = model.walks.value;
    model.dataChanged({ auditId: 'other', changes: [{ store: 'walks', op: 'delete', id: walk.id }] });
    expect(model.walks.value).toBe(before);
  });

  it('exports the current audit as one JSON file, and reports a failure', async () => {
    const { db, model, downloads, env } = await setup();
    await withAuditAndPersona(db);
    await model.load();
    await model.exportAudit();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.fileName).toMatch(/^touchpoint-ventura-\d{4}-\d{2}-\d{2}\.json$/);
    expect(downloads[0]?.blob?.type).toBe('application/json');
    expect(JSON.parse((await downloads[0]?.blob?.text()) ?? '')).toMatchObject({
      schemaVersion: 4,
      personas: [{ name: 'Ana' }],
    });

    // A failure is reported, never thrown.
    env.download = () => {
      throw new Error('Disk full');
    };
    await model.exportAudit();
    expect(downloads).toHaveLength(1);
    expect(model.exportError.value).toEqual({ key: 'panelExportFailed', subs: ['Disk full'] });
  });
});
