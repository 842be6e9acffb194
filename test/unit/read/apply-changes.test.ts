import type { Change, DataChanged } from '@/lib/model';
import { applyChanges } from '@/lib/read/apply-changes';
import { type AuditData, findWalk, kpisOf } from '@/lib/read/audit-data';
import { offsite, persona, sampleData, step, tag, touchpoint, walk } from './samples';

const notice = (...changes: Change[]): DataChanged => ({ auditId: 'a1', changes });
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
function walkIn(data: AuditData | null, id: string) {
  const w = findWalk(data, id);
  if (!w) throw new Error(`no walk ${id}`);
  return w;
}

describe('applyChanges', () => {
  it('puts a new record in its place, and shares everything it did not touch', () => {
    const before = sampleData();
    const after = applyChanges(before, notice({ store: 'tags', op: 'put', value: tag('t0', 'w1', 105) }));
    expect(ids(walkIn(after, 'w1').tags)).toEqual(['t0', 't1']);
    // The old model is left as it was: views compare by identity.
    expect(ids(walkIn(before, 'w1').tags)).toEqual(['t1']);
    expect(after?.personas).toBe(before.personas);
    expect(after?.touchpoints).toBe(before.touchpoints);
    expect(walkIn(after, 'w1').steps).toBe(walkIn(before, 'w1').steps);
    expect(findWalk(after, 'w2')).toBe(findWalk(before, 'w2'));
  });

  it('replaces a record that is put again, moving it when its time changed', () => {
    const before = sampleData();
    const edited = { ...tag('t1', 'w1', 115), severity: 4 };
    const after = applyChanges(before, notice({ store: 'tags', op: 'put', value: edited }));
    expect(walkIn(after, 'w1').tags).toEqual([edited]);

    let data: AuditData | null = before;
    for (const [id, at] of [
      ['e1', 300],
      ['e2', 200],
    ] as const)
      data = data && applyChanges(data, notice({ store: 'offsite', op: 'put', value: offsite(id, 'w1', at) }));
    expect(ids(walkIn(data, 'w1').offsite)).toEqual(['e2', 'e1']);
    data = data && applyChanges(data, notice({ store: 'offsite', op: 'put', value: offsite('e2', 'w1', 400) }));
    expect(ids(walkIn(data, 'w1').offsite)).toEqual(['e1', 'e2']);

    const renamed = { ...touchpoint('tp1', 3, ['ventura.example']), name: 'Home page' };
    const tps = applyChanges(before, notice({ store: 'touchpoints', op: 'put', value: renamed }));
    expect(tps?.touchpoints).toEqual([renamed]);
  });

  it('deletes by id, wherever the record is', () => {
    const before = sampleData();
    const after = applyChanges(
      before,
      notice(
        { store: 'tags', op: 'delete', id: 't1' },
        { store: 'personas', op: 'delete', id: 'p1' },
        { store: 'walks', op: 'delete', id: 'w2' },
      ),
    );
    expect(walkIn(after, 'w1').tags).toEqual([]);
    expect(after?.personas).toEqual([]);
    expect(after?.walks.map((w) => w.walk.id)).toEqual(['w1']);
    // Deleting what is not there changes nothing, and says so by returning the same model.
    expect(applyChanges(before, notice({ store: 'tags', op: 'delete', id: 'nope' }))).toBe(before);
    expect(applyChanges(before, notice({ store: 'audits', op: 'delete', id: 'a1' }))).toBeNull();
  });

  it('appends a flush’s steps in time order, copying the walk’s list once', () => {
    const before = sampleData();
    const flush = notice(
      { store: 'walks', op: 'put', value: walk('w1', 100, { status: 'ended', endedAt: 500, eventCount: 9 }) },
      { store: 'steps', op: 'put', value: step('s4', 'w1', 140) },
      { store: 'steps', op: 'put', value: step('s3', 'w1', 130) },
      { store: 'steps', op: 'put', value: step('s0', 'w1', 105) },
      { store: 'steps', op: 'put', value: step('s2', 'w1', 120) },
    );
    const after = applyChanges(before, flush);
    expect(ids(walkIn(after, 'w1').steps)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(walkIn(after, 'w1').walk.eventCount).toBe(9);
    // The same flush heard twice (the page read it and was told of it) adds nothing.
    expect(ids(walkIn(applyChanges(after as AuditData, flush), 'w1').steps)).toEqual(['s0', 's1', 's2', 's3', 's4']);
  });

  it('notes new recorded chunks by id, once', () => {
    const before = sampleData();
    const chunks = notice({ store: 'chunks', op: 'put', walkId: 'w2', ids: ['c1', 'c2'] });
    const after = applyChanges(before, chunks) as AuditData;
    expect(walkIn(after, 'w2').chunkIds).toEqual(['c1', 'c2']);
    const again = applyChanges(after, notice({ store: 'chunks', op: 'put', walkId: 'w2', ids: ['c2', 'c3'] }));
    expect(walkIn(again, 'w2').chunkIds).toEqual(['c1', 'c2', 'c3']);
    expect(applyChanges(again as AuditData, chunks)).toBe(again);
  });

  it('adds a walk that started, with nothing recorded yet, and keeps walks in start order', () => {
    const after = applyChanges(sampleData(), notice({ store: 'walks', op: 'put', value: walk('w0', 50) }));
    expect(after?.walks.map((w) => w.walk.id)).toEqual(['w0', 'w1', 'w2']);
    expect(walkIn(after, 'w0').steps).toEqual([]);
  });

  it('ignores changes for another audit, and records of walks it does not hold', () => {
    const before = sampleData();
    const other = { auditId: 'a2', changes: [{ store: 'tags', op: 'delete', id: 't1' }] } satisfies DataChanged;
    expect(applyChanges(before, other)).toBe(before);
    const stray = notice(
      { store: 'personas', op: 'put', value: { ...persona('p9', 1), auditId: 'a2' } },
      { store: 'steps', op: 'put', value: step('x', 'w-elsewhere', 1) },
      { store: 'walks', op: 'put', value: { ...walk('w9', 1), auditId: 'a2' } },
    );
    expect(applyChanges(before, stray)).toBe(before);
  });

  it('computes a walk’s KPIs again only when that walk or the touchpoints changed', () => {
    const before = sampleData();
    const w1 = walkIn(before, 'w1');
    const k1 = kpisOf(w1, before.touchpoints, 1_000);
    expect(k1).toMatchObject([{ touchpointId: 'tp1', visits: 2, tags: 1 }]);
    const after = applyChanges(before, notice({ store: 'steps', op: 'put', value: step('s9', 'w2', 1_100) }));
    if (!after) throw new Error('gone');
    expect(kpisOf(walkIn(after, 'w1'), after.touchpoints, 2_000)).toBe(k1);
    expect(kpisOf(walkIn(after, 'w2'), after.touchpoints, 2_000)).toMatchObject([{ touchpointId: 'tp1', visits: 1 }]);
    const split = applyChanges(
      after,
      notice({ store: 'touchpoints', op: 'put', value: touchpoint('tp2', 4, ['ventura.example']) }),
    );
    if (!split) throw new Error('gone');
    expect(kpisOf(walkIn(split, 'w1'), split.touchpoints, 2_000)).not.toBe(k1);
  });

  it('keeps a walk’s KPIs when a flush brought it only chunks, and computes them again for a step', () => {
    const before = sampleData();
    const k1 = kpisOf(walkIn(before, 'w1'), before.touchpoints, 1_000);
    const chunks = applyChanges(before, notice({ store: 'chunks', op: 'put', walkId: 'w1', ids: ['r1:1'] }));
    if (!chunks) throw new Error('gone');
    expect(walkIn(chunks, 'w1')).not.toBe(walkIn(before, 'w1'));
    expect(kpisOf(walkIn(chunks, 'w1'), chunks.touchpoints, 2_000)).toBe(k1);
    const stepped = applyChanges(chunks, notice({ store: 'steps', op: 'put', value: step('s9', 'w1', 1_100) }));
    if (!stepped) throw new Error('gone');
    expect(kpisOf(walkIn(stepped, 'w1'), stepped.touchpoints, 2_000)).not.toBe(k1);
  });
});
