import { describe, expect, it } from 'vitest';
import { AuditExport } from '@/lib/model/export';
import { Reaudit } from '@/lib/model/reaudit';
import { buildReport } from '@/lib/report/build-report';
import { compareAudits, measureChange } from '@/lib/report/reaudit';
import { makeAfter, makeBefore } from './reaudit-fixture';

const before = makeBefore();
const after = makeAfter();
const r = compareAudits(before, after);

describe('compareAudits: touchpoints', () => {
  it('pairs touchpoints by natural key (their ids differ), in the later journey order', () => {
    expect(Reaudit.parse(r)).toEqual(r);
    expect(r.touchpoints.map((t) => [t.beforeId, t.touchpointId])).toEqual([
      ['tp-home', 'tp2-home'],
      ['tp-trip', 'tp2-trip'],
      ['tp-checkout', 'tp2-checkout'],
      ['tp-email', 'tp2-email'],
    ]);
  });

  it('says which CES and CSAT improved, worsened or stayed the same', () => {
    const of = (id: string) => r.touchpoints.find((t) => t.touchpointId === id);
    expect(of('tp2-checkout')?.ces).toEqual({ before: 2, after: 5, delta: 3, change: 'improved' });
    expect(of('tp2-checkout')?.csat).toEqual({ before: 1.5, after: 4, delta: 2.5, change: 'improved' });
    expect(of('tp2-home')?.ces).toEqual({ before: 5.67, after: 3, delta: -2.67, change: 'worsened' });
    expect(of('tp2-trip')?.ces.change).toBe('same');
    expect(of('tp2-home')?.csat.change).toBe('same');
  });

  it('lists touchpoints walked before only and after only', () => {
    expect(r.gone.map((t) => t.touchpointId)).toEqual(['tp-phone']);
    expect(r.added.map((t) => [t.touchpointId, t.name, t.channel])).toEqual([['tp2-chat', 'Chat', 'chat']]);
  });

  it('names both audits', () => {
    expect(r.before).toMatchObject({ id: 'a1', name: 'Ventura audit', walks: 3 });
    expect(r.after).toMatchObject({ id: 'a2', name: 'Ventura re-audit', walks: 3 });
  });
});

describe('compareAudits: frictions', () => {
  it('a friction met before and not after, on a touchpoint walked in both, is fixed', () => {
    expect(r.frictions.fixed.map((f) => [f.frictionId, f.touchpointName, f.severity])).toEqual([['t4', 'Trip', 3]]);
  });

  it('a friction met after only is new', () => {
    expect(r.frictions.new.map((f) => [f.frictionId, f.touchpointId, f.severity])).toEqual([['t10', 'tp2-home', 2]]);
  });

  it('a friction met in both is still there, with its severity change', () => {
    expect(r.frictions.still.map((s) => [s.before.frictionId, s.after.touchpointId, s.change])).toEqual([
      ['t1', 'tp2-checkout', 'improved'],
      ['t8', 'tp2-trip', 'same'],
      ['t9', 'tp2-home', 'same'],
      // Without a touchpoint: matched on its page.
      ['t5', 'tp2-home', 'same'],
    ]);
    expect(r.frictions.still[0]?.before.severity).toBe(4);
    expect(r.frictions.still[0]?.after.severity).toBe(3);
    expect(r.frictions.notChecked).toEqual([]);
  });

  it('a friction on a touchpoint the later audit did not walk is not checked, never fixed', () => {
    const moved = makeAfter();
    // The trip pages moved: the later trip touchpoint shares no pattern with the earlier one.
    const trip = moved.touchpoints.find((t) => t.id === 'tp2-trip');
    if (!trip) throw new Error('fixture');
    trip.patterns = ['ventura.example/viajes/lisboa'];
    trip.name = 'Viaje';
    const c = compareAudits(before, AuditExport.parse(moved));
    expect(c.frictions.notChecked.map((f) => f.frictionId).sort()).toEqual(['t4', 't8']);
    expect(c.frictions.fixed).toEqual([]);
    expect(c.gone.map((t) => t.touchpointId)).toContain('tp-trip');
  });
});

describe('compareAudits: divergences', () => {
  it('resolved: confirmed before, found no more after', () => {
    expect(r.divergences.resolved.map((d) => [d.kind, d.status])).toEqual([['phone', 'confirmed']]);
  });

  it('new: found after only', () => {
    expect(r.divergences.new.map((d) => [d.kind, d.subject, d.values])).toEqual([
      ['legal-name', '', ['Ventura Travel Ltd', 'Ventura Viajes SL']],
    ]);
  });

  it('still there: open before, found after', () => {
    expect(r.divergences.still.map((s) => [s.before.kind, s.before.status, s.after.status])).toEqual([
      ['email', 'open', 'open'],
    ]);
  });

  it('a kind the later audit read nowhere is not checked; a dismissed one resolves nothing', () => {
    const noFacts = makeAfter();
    for (const w of noFacts.walks) {
      w.facts = [];
      w.offsite = [];
    }
    const c = compareAudits(before, AuditExport.parse(noFacts));
    expect(c.divergences.notChecked.map((d) => d.kind)).toEqual(['phone', 'email']);
    expect(c.divergences.resolved).toEqual([]);
    const dismissed = AuditExport.parse({
      ...before,
      decisions: [{ ...before.decisions[0], status: 'dismissed' }],
    });
    expect(compareAudits(dismissed, after).divergences.resolved).toEqual([]);
  });
});

describe('compareAudits: reuse and determinism', () => {
  it('takes reports already built and gives the same comparison', () => {
    expect(
      compareAudits(before, after, { beforeReport: buildReport(before), afterReport: buildReport(after) }),
    ).toEqual(r);
    expect(compareAudits(makeBefore(), makeAfter())).toEqual(r);
  });

  it('an audit compared with itself has only unchanged touchpoints and frictions still there', () => {
    const c = compareAudits(before, before);
    expect(c.touchpoints.every((t) => t.ces.change === 'same' && t.csat.change !== 'worsened')).toBe(true);
    expect(c.frictions.fixed).toEqual([]);
    expect(c.frictions.new).toEqual([]);
    expect(c.divergences.resolved).toEqual([]);
    expect(c.divergences.new).toEqual([]);
  });
});

describe('measureChange', () => {
  it('a change under the tolerance is the same; either side unrated is unrated', () => {
    expect(measureChange(4, 4.49, 0.5).change).toBe('same');
    expect(measureChange(4, 4.5, 0.5).change).toBe('improved');
    expect(measureChange(4, 3.5, 0.5).change).toBe('worsened');
    expect(measureChange(null, 4, 0.5)).toEqual({ before: null, after: 4, delta: null, change: 'unrated' });
  });
});
