import { createAudit, savePersona } from '@/lib/db/audits';
import { deleteAudit, deleteWalk, discardScreenshot, sweepOrphanScreenshots } from '@/lib/db/delete';
import type { Db } from '@/lib/db/open-db';
import { putScreenshot } from '@/lib/db/tags';
import { fullWalk, shotOf, walkRows } from '../support/full-walk';
import { freshDb } from '../support/seed';

async function auditWithPersona(db: Db, name: string) {
  const audit = await createAudit(db, { name, startUrl: 'https://ventura.example/' }, 1_000);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana' }, undefined, 2_000);
  return { audit, seeded: { auditId: audit.id, personaId: persona.id } };
}

const ALL_ONE = {
  walks: 1,
  chunks: 1,
  recorders: 1,
  steps: 1,
  signals: 1,
  tags: 1,
  scores: 1,
  offsite: 1,
  screenshots: 2,
};
const NONE = {
  walks: 0,
  chunks: 0,
  recorders: 0,
  steps: 0,
  signals: 0,
  tags: 0,
  scores: 0,
  offsite: 0,
  screenshots: 0,
};

describe('deleting a walk', () => {
  it('removes every record of the walk and leaves the other walks whole', async () => {
    const db = await freshDb();
    const { seeded } = await auditWithPersona(db, 'Ventura');
    const { walk } = await fullWalk(db, seeded);
    const { walk: other } = await fullWalk(db, seeded, { startedAt: 9_000 });
    expect(await walkRows(db, walk.id)).toEqual(ALL_ONE);

    const r = await deleteWalk(db, walk.id);
    expect(r).toMatchObject({ kind: 'deleted', value: { id: walk.id } });
    expect(await walkRows(db, walk.id)).toEqual(NONE);
    expect(await walkRows(db, other.id)).toEqual(ALL_ONE);
    // The audit keeps its personas and touchpoints: other walks go through them.
    expect(await db.count('personas')).toBe(1);
    expect(await db.count('touchpoints')).toBeGreaterThan(0);
    expect(await deleteWalk(db, walk.id)).toEqual({ kind: 'gone' });
  });

  it('refuses the walk being recorded, and keeps all of it', async () => {
    const db = await freshDb();
    const { seeded } = await auditWithPersona(db, 'Ventura');
    const { walk } = await fullWalk(db, seeded, { recording: true });
    expect(await deleteWalk(db, walk.id)).toMatchObject({ kind: 'recording', walk: { id: walk.id } });
    expect(await walkRows(db, walk.id)).toEqual(ALL_ONE);
  });
});

describe('deleting an audit', () => {
  it('removes its walks, personas, touchpoints and itself, and nothing of another audit', async () => {
    const db = await freshDb();
    const a = await auditWithPersona(db, 'Ventura');
    const b = await auditWithPersona(db, 'Banco');
    const w1 = await fullWalk(db, a.seeded);
    const w2 = await fullWalk(db, a.seeded, { startedAt: 9_000 });
    const kept = await fullWalk(db, b.seeded);

    const r = await deleteAudit(db, a.audit.id);
    expect(r.kind).toBe('deleted');
    for (const w of [w1, w2]) expect(await walkRows(db, w.walk.id)).toEqual(NONE);
    expect(await db.get('audits', a.audit.id)).toBeUndefined();
    expect(await db.getAllFromIndex('personas', 'byAudit', a.audit.id)).toEqual([]);
    expect(await db.getAllFromIndex('touchpoints', 'byAudit', a.audit.id)).toEqual([]);

    expect(await walkRows(db, kept.walk.id)).toEqual(ALL_ONE);
    expect(await db.get('audits', b.audit.id)).toBeDefined();
    expect(await db.getAllFromIndex('personas', 'byAudit', b.audit.id)).toHaveLength(1);
    expect((await db.getAllFromIndex('touchpoints', 'byAudit', b.audit.id)).length).toBeGreaterThan(0);
    expect(await deleteAudit(db, a.audit.id)).toEqual({ kind: 'gone' });
  });

  it('refuses while one of its walks is being recorded, and deletes nothing', async () => {
    const db = await freshDb();
    const a = await auditWithPersona(db, 'Ventura');
    const ended = await fullWalk(db, a.seeded);
    const live = await fullWalk(db, a.seeded, { recording: true, startedAt: 9_000 });
    expect(await deleteAudit(db, a.audit.id)).toMatchObject({ kind: 'recording', walk: { id: live.walk.id } });
    expect(await walkRows(db, ended.walk.id)).toEqual(ALL_ONE);
    expect(await db.get('audits', a.audit.id)).toBeDefined();
  });
});

describe('screenshots no tag holds', () => {
  it('a cancelled form discards its own screenshot, never a tagged one nor another walk’s', async () => {
    const db = await freshDb();
    const { seeded } = await auditWithPersona(db, 'Ventura');
    const mine = await fullWalk(db, seeded, { recording: true });
    const other = await putScreenshot(db, shotOf(crypto.randomUUID()));
    expect(await discardScreenshot(db, mine.walk.id, mine.tagShotId)).toBe(false);
    expect(await discardScreenshot(db, mine.walk.id, other.id)).toBe(false);
    expect(await discardScreenshot(db, mine.walk.id, mine.orphanShotId)).toBe(true);
    expect(await db.get('screenshots', mine.orphanShotId)).toBeUndefined();
    expect(await db.get('screenshots', mine.tagShotId)).toBeDefined();
    expect(await db.get('screenshots', other.id)).toBeDefined();
  });

  it('the sweep deletes the untagged screenshots of ended and gone walks, not the recording walk’s', async () => {
    const db = await freshDb();
    const { seeded } = await auditWithPersona(db, 'Ventura');
    const ended = await fullWalk(db, seeded);
    const live = await fullWalk(db, seeded, { recording: true, startedAt: 9_000 });
    const ofGoneWalk = await putScreenshot(db, shotOf('walk-that-was-deleted'));

    const gone = await sweepOrphanScreenshots(db);
    expect(gone.sort()).toEqual([ended.orphanShotId, ofGoneWalk.id].sort());
    expect(await db.get('screenshots', ended.tagShotId)).toBeDefined();
    expect(await db.get('screenshots', live.orphanShotId)).toBeDefined();
    expect(await db.get('screenshots', live.tagShotId)).toBeDefined();
    expect(await sweepOrphanScreenshots(db)).toEqual([]);
  });
});
