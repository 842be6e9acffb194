import { describe, expect, it } from 'vitest';
import type { AuditExport } from '@/lib/model/export';
import { Report } from '@/lib/model/report';
import { buildReport } from '@/lib/report/build-report';
import { goalAchieved } from '@/lib/report/summary';
import { makeBigExport } from './big-export';
import { AT, B1, B2, B3, makeExport } from './make-export';

/*
 * The fixture (make-export.ts), worked out by hand:
 * - walks: w1 Ana by Marta (B1, 10 min, goal yes, NPS 10), w2 Luis by Marta (B2, 15 min, goal no,
 *   NPS 6), w3 Ana by Jordi (B3, 5 min, goal partly, NPS 9).
 * - CES ratings: scores w1 home 6, trip 5, checkout 2; w2 home 4, checkout 1; w3 home 7, trip 4,
 *   checkout 3; off-site w1 email 5, w2 phone 2. CSAT: 5, 4, 2; 3, 1; 5, 3, (none); 4; 2.
 * - friction tags: checkout "Pay now" t1 (w1, 3), t2 (w2, 4, id renamed), t3 (w3, 3); trip "Book
 *   now" t8 (w2, 3, effort 5), t6 (w3, 3, effort 2); trip price t4 (w1, 3, effort 3); home search
 *   t9 (w3, 2, effort 2); home menu t5 (w2, 2, effort 5, no touchpoint: found by URL). t7 (w1,
 *   home) is severity 0, a predictable moment of truth, no friction.
 */
const report = buildReport(makeExport());

describe('summary', () => {
  const s = report.summary;

  it('names the audit, the site, the auditors and the walks in start order', () => {
    expect(s.audit).toMatchObject({ name: 'Ventura audit', company: 'Ventura Viajes' });
    expect(s.site.origin).toBe('https://ventura.example');
    expect(s.walks.map((w) => [w.id, w.personaId, w.auditorName, w.durationMs, w.goal])).toEqual([
      ['w1', 'p-ana', 'Marta', 600_000, 'yes'],
      ['w2', 'p-luis', 'Marta', 900_000, 'no'],
      ['w3', 'p-ana', 'Jordi', 300_000, 'partly'],
    ]);
    expect(s.auditors.map((a) => [a.name, a.walkIds])).toEqual([
      ['Jordi', ['w3']],
      ['Marta', ['w1', 'w2']],
    ]);
    expect(s.period).toEqual({ from: B1, to: B3 + 300_000 });
  });

  it('gives each persona its job to be done and whether its goal was achieved', () => {
    expect(s.personas.map((p) => [p.name, p.jobToBeDone, p.walkIds, p.goalAchieved.verdict])).toEqual([
      // Created first: Ana. Her walks said yes and partly: partly.
      ['Ana', 'Book a weekend in Lisbon', ['w1', 'w3'], 'partly'],
      ['Luis', 'Book a cruise for two', ['w2'], 'no'],
    ]);
    // Ana: CES 6, 5, 2, 5 (email), 7, 4, 3 = 32 / 7; NPS 10 and 9: all promoters.
    expect(s.personas[0]?.ces).toEqual({ mean: 4.57, count: 7 });
    expect(s.personas[0]?.nps.score).toBe(100);
    expect(s.personas[1]?.nps.score).toBe(-100);
  });

  it('computes overall CES, CSAT and NPS', () => {
    // 6 + 5 + 2 + 4 + 1 + 7 + 4 + 3 + 5 + 2 = 39 over 10.
    expect(s.ces).toEqual({ mean: 3.9, count: 10 });
    // 5 + 4 + 2 + 3 + 1 + 5 + 3 + 4 + 2 = 29 over 9; satisfied (4 or 5): 5, 4, 5, 4.
    expect(s.csat).toEqual({ mean: 3.22, satisfied: 4, count: 9, share: 0.44 });
    // NPS answers 10, 6, 9: promoters 10 and 9, detractor 6 (the top of 0-6): (2 − 1) / 3.
    expect(s.nps).toEqual({ score: 33.33, promoters: 2, passives: 0, detractors: 1, answered: 3, walks: 3 });
  });

  it('counts what the report holds', () => {
    expect(s.counts).toEqual({
      walks: 3,
      touchpoints: 5,
      tags: 9,
      frictions: 5,
      confirmedDivergences: 1,
      momentsOfTruth: 4,
    });
  });
});

describe('goal achieved', () => {
  const walk = (goal: 'yes' | 'partly' | 'no' | null) =>
    ({ outcome: goal ? { goal, minutes: 1, nps: null, note: '' } : null }) as AuditExport['walks'][number];

  it('is yes only when every answered walk said yes, null when none answered', () => {
    expect(goalAchieved([walk('yes'), walk('yes'), walk(null)])).toEqual({
      verdict: 'yes',
      yes: 2,
      partly: 0,
      no: 0,
      unanswered: 1,
    });
    expect(goalAchieved([walk('yes'), walk('no')]).verdict).toBe('partly');
    expect(goalAchieved([walk('no')]).verdict).toBe('no');
    expect(goalAchieved([walk(null)]).verdict).toBeNull();
  });
});

describe('journey map', () => {
  const stages = report.journey.stages;

  it('lays the touchpoints out by stage in journey order, across channels', () => {
    expect(stages.map((s) => s.stage)).toEqual([
      'awareness',
      'consideration',
      'purchase',
      'onboarding',
      'use',
      'support',
      'loyalty',
      'advocacy',
    ]);
    expect(stages.map((s) => s.touchpoints.map((t) => t.name))).toEqual([
      ['Home'],
      ['Trip'],
      ['Checkout'],
      ['Booking email'],
      [],
      ['Support line'],
      [],
      [],
    ]);
    expect(stages.map((s) => s.phase).join(' ')).toBe('before before during during during after after after');
    expect(report.journey.channels).toEqual(['web', 'email', 'phone']);
  });

  it('gives each touchpoint its effort, emotion, frictions and moments of truth', () => {
    const checkout = stages[2]?.touchpoints[0];
    // CES 2, 1, 3 and tag efforts 2, 1, 3: 2. Emotions −2, −2, −1 and CSAT 2, 1 read as −1, −2.
    expect(checkout).toMatchObject({ ces: 2, tagEffort: 2, effort: 2, tagEmotion: -1.67, emotion: -1.6 });
    expect(checkout).toMatchObject({ walks: 3, tags: 3, frictions: 3, maxSeverity: 4, momentsOfTruth: 2 });
    expect(checkout?.moments.map((m) => [m.tagId, m.kind])).toEqual([
      ['t1', 'unexpected'],
      ['t3', 'predictable'],
    ]);
    // Home: t7 is no friction (severity 0) but a moment of truth; t5 reached it by its URL.
    expect(stages[0]?.touchpoints[0]).toMatchObject({ tags: 3, frictions: 2, momentsOfTruth: 1 });
    // Off-site touchpoints draw from their ratings alone: CES 2, CSAT 2 read as −1.
    expect(stages[5]).toMatchObject({ effort: 2, emotion: -1, frictions: 0 });
    expect(stages[4]).toMatchObject({ effort: null, emotion: null, touchpoints: [] });
  });

  it('sums each phase', () => {
    // During: checkout CES 2, 1, 3, email 5; tag efforts 2, 1, 3.
    expect(report.journey.phases[1]).toMatchObject({ phase: 'during', ces: 2.75, tagEffort: 2, effort: 2.43 });
  });
});

describe('touchpoint table', () => {
  const row = (name: string) => report.touchpoints.find((t) => t.name === name);

  it('sums the operational KPIs over walks', () => {
    // Checkout from its visit to each walk's end: 350 s, 650 s, 50 s.
    expect(row('Checkout')).toMatchObject({ channel: 'web', stage: 'purchase', walks: 3, meanTimeMs: 350_000 });
    expect(row('Checkout')?.kpis).toMatchObject({ timeMs: 1_050_000, visits: 3, meanCes: 2, meanCsat: 1.5 });
    expect(row('Checkout')?.tagsBySeverity).toEqual([0, 0, 0, 2, 1]);
    expect(row('Home')?.tagsBySeverity).toEqual([1, 0, 2, 0, 0]);
    expect(row('Support line')?.kpis).toMatchObject({ timeMs: 120_000, reschedules: 1, transfers: 2 });
    expect(row('Support line')?.kpis.waits).toEqual({ count: 1, totalMs: 120_000, maxMs: 120_000 });
    expect(row('Checkout')?.byWalk.map((b) => [b.walkId, b.kpis.timeMs])).toEqual([
      ['w1', 350_000],
      ['w2', 650_000],
      ['w3', 50_000],
    ]);
  });

  it('gives CES and CSAT per touchpoint', () => {
    expect(row('Home')?.ces).toEqual({ mean: 5.67, count: 3 });
    expect(row('Home')?.csat).toEqual({ mean: 4.33, satisfied: 2, count: 3, share: 0.67 });
    // w3 gave the checkout no CSAT.
    expect(row('Checkout')?.csat.count).toBe(2);
  });
});

describe('consistency', () => {
  const c = report.consistency;

  it('lists the confirmed divergence only, with its evidence', () => {
    expect(c.divergences).toHaveLength(1);
    const d = c.divergences[0];
    expect(d).toMatchObject({ kind: 'phone', baseline: '+34912345678', tagId: 't1', evidence: 'recomputed' });
    expect(d?.values.map((v) => [v.value, v.places.map((p) => (p.type === 'page' ? p.factsId : p.channel))])).toEqual([
      ['+34912345678', ['w1:r1-home', 'w3:r3-checkout', 'phone']],
      ['+34999999999', ['w2:r2-trip']],
    ]);
    expect(c.decisions).toEqual({ confirmed: 1, dismissed: 1, open: 0, stale: 0 });
  });

  it('scores agreement per group and per channel', () => {
    // Phone: 3 places agree of 4; email: 1 of 2 (either is the baseline).
    expect(c.byGroup[0]).toEqual({ group: 'information', agreeing: 4, total: 6, share: 0.67 });
    expect(c.byGroup.slice(1).map((g) => [g.group, g.share])).toEqual([
      ['brand', null],
      ['voice', null],
      ['structure', null],
    ]);
    expect(c.byChannel).toEqual([
      { channel: 'web', agreeing: 3, total: 5, share: 0.6 },
      { channel: 'phone', agreeing: 1, total: 1, share: 1 },
    ]);
  });

  it('keeps a confirmation the recomputation no longer finds, from the file', () => {
    const file = makeExport();
    const gone = { ...file.divergences[0], key: 'phone: : old' } as AuditExport['divergences'][number];
    file.divergences.push(gone);
    file.decisions.push(
      {
        id: 'a1:phone: : old',
        auditId: 'a1',
        key: 'phone: : old',
        kind: 'phone',
        status: 'confirmed',
        tagId: null,
        decidedAt: 1,
      },
      { id: 'a1:x', auditId: 'a1', key: 'x', kind: 'email', status: 'confirmed', tagId: null, decidedAt: 1 },
    );
    const out = buildReport(file).consistency;
    expect(out.divergences.map((d) => [d.key, d.evidence])).toContainEqual(['phone: : old', 'file']);
    expect(out.decisions).toMatchObject({ confirmed: 2, stale: 1 });
  });
});

describe('top frictions', () => {
  it('groups tags on the same element across walks and ranks them', () => {
    // Severity 4 first; of the severity 3: met by 2 walks before 1; of the severity 2: effort 2
    // (harder) before 5.
    expect(report.frictions.map((f) => [f.rank, f.id, f.severity, f.walks, f.effort])).toEqual([
      [1, 't1', 4, 3, 2],
      [2, 't8', 3, 2, 3.5],
      [3, 't4', 3, 1, 3],
      [4, 't9', 2, 1, 2],
      [5, 't5', 2, 1, 5],
    ]);
    expect(report.frictions[0]?.tags.map((t) => t.tagId)).toEqual(['t1', 't2', 't3']);
    expect(report.frictions[4]).toMatchObject({ touchpointId: 'tp-home', channel: 'web', stage: 'awareness' });
  });

  it('shows the screenshot of the most severe tag that has one', () => {
    // t2 (severity 4) has none: t1, the earliest of the severity 3 with one.
    expect(report.frictions[0]?.tagId).toBe('t1');
    // t8 came first but has none: t6.
    expect(report.frictions[1]?.tagId).toBe('t6');
    expect(report.frictions[0]?.momentOfTruth).toBe('unexpected');
  });

  it('gives each tag its moment in the walk and in its page load', () => {
    const t1 = report.frictions[0]?.tags[0];
    expect(t1).toMatchObject({ walkId: 'w1', recorderId: 'r1-checkout', hasScreenshot: true });
    expect(t1?.walkOffsetMs).toBe(300_000);
    // The checkout's recording starts at its visit.
    expect(t1?.offsetMs).toBe(300_000 - AT.checkout);
    expect(t1?.at).toBe(B1 + 300_000);
  });
});

describe('persona comparison', () => {
  it('shows each touchpoint as each persona lived it', () => {
    const checkout = report.personaComparison.touchpoints.find((t) => t.touchpointId === 'tp-checkout');
    expect(report.personaComparison.personaIds).toEqual(['p-ana', 'p-luis']);
    expect(checkout?.personas).toEqual([
      { personaId: 'p-ana', walks: 2, ces: 2.5, csat: 2, tagEffort: 2.5, emotion: -1.33, frictions: 2, maxSeverity: 3 },
      { personaId: 'p-luis', walks: 1, ces: 1, csat: 1, tagEffort: 1, emotion: -2, frictions: 1, maxSeverity: 4 },
    ]);
    expect(checkout).toMatchObject({ shared: true, cesSpread: 1.5 });
    const phone = report.personaComparison.touchpoints.find((t) => t.touchpointId === 'tp-phone');
    expect(phone?.shared).toBe(false);
    expect(phone?.personas[0]).toMatchObject({ personaId: 'p-ana', walks: 0, ces: null });
  });
});

describe('agreement', () => {
  it('gives the spread of CES across auditors per touchpoint', () => {
    const checkout = report.agreement.touchpoints.find((t) => t.touchpointId === 'tp-checkout');
    // Marta: 2 and 1; Jordi: 3.
    expect(checkout?.ces).toEqual({
      min: 1.5,
      max: 3,
      spread: 1.5,
      byAuditor: [
        { auditorName: 'Jordi', mean: 3, count: 1 },
        { auditorName: 'Marta', mean: 1.5, count: 2 },
      ],
    });
    const phone = report.agreement.touchpoints.find((t) => t.touchpointId === 'tp-phone');
    expect(phone).toMatchObject({ auditors: 1, ces: { min: 2, max: 2, spread: 0 } });
  });

  it('counts frictions found by one auditor and by several', () => {
    expect(report.agreement.auditors).toEqual(['Jordi', 'Marta']);
    // Pay now and Book now: both auditors; price, search and menu: one.
    expect(report.agreement.frictions).toEqual({ byOne: 3, bySeveral: 2 });
    const trip = report.agreement.touchpoints.find((t) => t.touchpointId === 'tp-trip');
    expect(trip?.frictions).toEqual({ byOne: 1, bySeveral: 1 });
    expect(report.frictions[0]?.auditors).toEqual(['Jordi', 'Marta']);
  });
});

describe('the report as a whole', () => {
  it('parses with its own schema', () => {
    expect(() => Report.parse(report)).not.toThrow();
  });

  it('is the same for the same file, whatever the order of its lists', () => {
    const file = makeExport();
    const shuffled: AuditExport = {
      ...file,
      personas: [...file.personas].reverse(),
      walks: [...file.walks]
        .reverse()
        .map((w) => ({ ...w, tags: [...w.tags].reverse(), scores: [...w.scores].reverse() })),
      decisions: [...file.decisions].reverse(),
    };
    expect(buildReport(shuffled)).toEqual(buildReport(file));
    expect(JSON.stringify(buildReport(makeExport()))).toBe(JSON.stringify(report));
  });

  it('counts an open walk to the time given', () => {
    const file = makeExport();
    const w2 = file.walks.find((w) => w.id === 'w2');
    if (!w2) throw new Error('no w2');
    w2.endedAt = null;
    w2.status = 'recording';
    const out = buildReport(file, { now: B2 + 2_000_000 });
    expect(out.generatedAt).toBe(B2 + 2_000_000);
    expect(out.summary.walks.find((w) => w.id === 'w2')?.durationMs).toBe(2_000_000);
  });

  it('is empty but valid for a file with no walks', () => {
    const file = makeExport({ decisions: false });
    const empty = buildReport({ ...file, walks: [], divergences: [] });
    expect(Report.parse(empty)).toEqual(empty);
    expect(empty.summary.walks).toEqual([]);
    expect(empty.summary.period).toBeNull();
    expect(empty.summary.nps).toEqual({ score: null, promoters: 0, passives: 0, detractors: 0, answered: 0, walks: 0 });
    expect(empty.summary.ces).toEqual({ mean: null, count: 0 });
    expect(empty.summary.personas.map((p) => p.goalAchieved.verdict)).toEqual([null, null]);
    expect(empty.journey.stages).toHaveLength(8);
    expect(empty.journey.stages.every((s) => s.touchpoints.length === 0)).toBe(true);
    expect(empty.touchpoints).toEqual([]);
    expect(empty.frictions).toEqual([]);
    expect(empty.consistency.divergences).toEqual([]);
    expect(empty.agreement).toEqual({ auditors: [], touchpoints: [], frictions: { byOne: 0, bySeveral: 0 } });
  });
});

describe('a big audit', () => {
  it('reports every tag and fact of 300 steps, 100 tags and 5,000 facts', () => {
    const file = makeBigExport();
    expect(file.walks.flatMap((w) => w.steps)).toHaveLength(300);
    expect(file.walks.flatMap((w) => w.tags)).toHaveLength(100);
    expect(file.walks.flatMap((w) => w.facts.flatMap((f) => f.facts))).toHaveLength(5_000);
    const big = buildReport(file);
    expect(() => Report.parse(big)).not.toThrow();
    expect(big.summary.counts.tags).toBe(100);
    expect(big.touchpoints.reduce((n, t) => n + t.kpis.tags, 0)).toBe(100);
    expect(big.touchpoints.reduce((n, t) => n + t.kpis.steps, 0)).toBe(300);
    // Severity 0 (every fifth tag of each walk: 7 + 7 + 7) is no friction; the rest are grouped, none lost.
    expect(big.frictions.reduce((n, f) => n + f.tags.length, 0)).toBe(79);
    expect(big.consistency.byKind.map((k) => k.kind)).toContain('phone');
    expect(big.consistency.decisions.open).toBeGreaterThan(0);
    // The small fixture's decisions: its phone divergence no longer found (its confirmation kept
    // from the file's comparison), its email one gone.
    expect(big.consistency.decisions).toMatchObject({ confirmed: 1, stale: 1 });
    expect(big.consistency.divergences.map((d) => d.evidence)).toEqual(['file']);
  });
});
