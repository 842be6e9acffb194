import { createAudit, savePersona } from '@/lib/db/audits';
import type { Db } from '@/lib/db/open-db';
import { addStep, endWalk, putWalk } from '@/lib/db/walks';
import { createPanelModel } from '@/components/panel/model/panel-model';
import { settle } from '../support/clock';
import { freshDb } from '../support/seed';
import { fakeEnv, walkRecord } from './support';

async function setup(opts: Parameters<typeof fakeEnv>[0] = {}) {
  const db = await freshDb();
  const fake = fakeEnv(opts);
  const model = createPanelModel(db, fake.env);
  return { db, model, ...fake };
}

async function withAuditAndPersona(db: Db, now = 1_000) {
  const audit = await createAudit(db, { name: 'Ventura', startUrl: 'http://127.0.0.1:4173/index.html' }, now);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana', goal: 'Get a quote' }, undefined, now);
  return { audit, persona };
}

describe('the walk in the panel', () => {
  it('asks for host access before anything else, and stops with a clear message when refused', async () => {
    const { db, model, requested, sent, state } = await setup();
    await withAuditAndPersona(db);
    await model.load();
    state.granted = false;
    const done = model.walk.start();
    // Synchronously, inside the click: the browser only prompts during the user's gesture.
    expect(requested).toEqual([['http://127.0.0.1/*']]);
    await done;
    expect(model.walk.error.value).toEqual({ key: 'panelNeedsAccess', subs: ['http://127.0.0.1:4173'] });
    expect(sent).toEqual([]);
  });

  it('starts, pauses and ends a walk through the background, following its broadcasts', async () => {
    const { db, model, sent, onSend } = await setup();
    const { audit, persona } = await withAuditAndPersona(db);
    await model.load();
    let walkId = '';
    onSend(async (name, payload) => {
      if (name === 'walk/start') {
        const w = await putWalk(db, walkRecord({ auditId: audit.id, personaId: persona.id }));
        walkId = w.id;
        return w;
      }
      if (name === 'walk/end') return endWalk(db, (payload as { walkId: string }).walkId, 'auditor');
      return null;
    });
    model.walk.auditorName.value = 'QA';
    model.walk.canRecordCurrentTab.value = true;
    model.walk.recordCurrentTab.value = true;
    await model.walk.start();
    expect(sent[0]).toEqual({
      name: 'walk/start',
      payload: { auditId: audit.id, personaId: persona.id, auditorName: 'QA', tabId: 42 },
    });
    expect(model.walk.active.value?.id).toBe(walkId);
    expect(model.walk.personaName.value).toBe('Ana');

    await model.walk.togglePause();
    expect(sent[1]).toEqual({ name: 'walk/pause', payload: { walkId, paused: true } });

    await model.walk.end();
    expect(sent[2]).toEqual({ name: 'walk/end', payload: { walkId } });
    expect(model.walk.active.value).toBeNull();
    await settle();
    expect(model.pastWalks.value.map((w) => w.id)).toEqual([walkId]);
    expect(model.storageFull.value).toBe(false);
  });

  it('shows a failed start from the background as an error, never a throw', async () => {
    const { db, model, onSend } = await setup();
    await withAuditAndPersona(db);
    await model.load();
    onSend(async () => {
      throw new Error('A walk is already being recorded: end it first.');
    });
    await model.walk.start();
    expect(model.walk.error.value).toEqual({
      key: 'panelStartFailed',
      subs: ['A walk is already being recorded: end it first.'],
    });
  });

  it('picks up a walk under way on load, with its steps, and tells when the disk stopped it', async () => {
    const { db, model, clock } = await setup();
    const { audit, persona } = await withAuditAndPersona(db);
    const walk = await putWalk(db, walkRecord({ auditId: audit.id, personaId: persona.id }));
    const step = { walkId: walk.id, tabId: 7, recorderId: 'r', url: 'http://127.0.0.1:4173/', title: 'Home' };
    await addStep(db, { ...step, id: 's1', at: walk.startedAt + 1_000, kind: 'visit', target: null });
    await model.load();
    await settle();
    expect(model.walk.active.value?.id).toBe(walk.id);
    expect(model.walk.steps.value.map((s) => s.id)).toEqual(['s1']);
    clock.now = walk.startedAt + 65_000;
    model.walk.tick();
    expect(model.walk.elapsedMs.value).toBe(65_000);

    await endWalk(db, walk.id, 'storage-full');
    await model.walk.changed();
    expect(model.walk.active.value).toBeNull();
    expect(model.storageFull.value).toBe(true);
  });
});
