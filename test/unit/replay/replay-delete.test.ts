import { createAudit, savePersona } from '@/lib/db/audits';
import { gunzip } from '@/lib/codec/gzip';
import { deleteAudit, deleteWalk } from '@/lib/db/delete';
import { createReplayModel } from '@/components/replay/model/replay-model';
import { fullWalk } from '../support/full-walk';
import { settle } from '../support/clock';
import { freshDb } from '../support/seed';

async function setup() {
  const db = await freshDb();
  const audit = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' }, 1_000);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana' }, undefined, 1_000);
  const seeded = { auditId: audit.id, personaId: persona.id };
  const kept = await fullWalk(db, seeded, { startedAt: 3_000 });
  const doomed = await fullWalk(db, seeded, { startedAt: 9_000 });
  const model = createReplayModel({ db: async () => db, gunzip });
  await model.start(`#walk=${doomed.walk.id}`);
  expect(model.open.value?.walk.id).toBe(doomed.walk.id);
  return { db, audit, model, kept, doomed };
}

describe('the replay page when what it shows is deleted', () => {
  it('an open walk deleted in a panel closes, says so, and the list shows what is left', async () => {
    const { db, audit, model, kept, doomed } = await setup();
    await deleteWalk(db, doomed.walk.id);
    model.dataChanged({ auditId: audit.id, changes: [{ store: 'walks', op: 'delete', id: doomed.walk.id }] });
    await settle();
    expect(model.open.value).toBeNull();
    expect(model.problem.value).toEqual({ kind: 'walk-deleted' });
    expect(model.walks.value?.map((r) => r.walk.id)).toEqual([kept.walk.id]);
    expect(model.hash.value).toBe(`#audit=${audit.id}`);
  });

  it('a delete of another walk leaves the open one playing', async () => {
    const { db, audit, model, kept, doomed } = await setup();
    await deleteWalk(db, kept.walk.id);
    model.dataChanged({ auditId: audit.id, changes: [{ store: 'walks', op: 'delete', id: kept.walk.id }] });
    await settle();
    expect(model.open.value?.walk.id).toBe(doomed.walk.id);
    expect(model.problem.value).toBeNull();
  });

  it('the open walk’s audit deleted: the walk closes and the audit leaves the list', async () => {
    const { db, audit, model } = await setup();
    await deleteAudit(db, audit.id);
    model.dataChanged({ auditId: audit.id, changes: [{ store: 'audits', op: 'delete', id: audit.id }] });
    await settle();
    expect(model.open.value).toBeNull();
    expect(model.problem.value).toEqual({ kind: 'walk-deleted' });
    expect(model.audits.value).toEqual([]);
  });
});
