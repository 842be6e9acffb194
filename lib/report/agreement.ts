import type { Agreement, AgreementRow, Friction } from '@/lib/model/report';
import type { ReportContext } from '@/lib/report/context';
import { cmp, mean, round2 } from '@/lib/report/measures';

/**
 * How far the auditors of a merged audit agree (issue 13, point 7): per touchpoint, the spread of
 * their CES (each auditor's own mean) and how many of its frictions one auditor found and how many
 * several did (frictions are already matched by touchpoint and element: frictions.ts). With one
 * auditor it holds the same figures, trivially: a spread of 0, every friction found by one.
 */
export function buildAgreement(ctx: ReportContext, frictions: readonly Friction[]): Agreement {
  const auditors = [...new Set(ctx.walks.map((w) => w.auditorName))].sort(cmp);
  const found = new Map<string, { byOne: number; bySeveral: number }>();
  const overall = { byOne: 0, bySeveral: 0 };
  for (const f of frictions) {
    const which = f.auditors.length >= 2 ? 'bySeveral' : 'byOne';
    overall[which]++;
    if (!f.touchpointId) continue;
    const c = found.get(f.touchpointId) ?? { byOne: 0, bySeveral: 0 };
    c[which]++;
    found.set(f.touchpointId, c);
  }
  const touchpoints = ctx.order.map((t): AgreementRow => {
    const names = [...new Set((ctx.metBy.get(t.id) ?? []).map((w) => w.auditorName))].sort(cmp);
    const ratings = ctx.ratingsOf.get(t.id) ?? [];
    const byAuditor = names.map((auditorName) => {
      const ces = ratings.filter((r) => r.walk.auditorName === auditorName).map((r) => r.ces);
      return { auditorName, mean: mean(ces), count: ces.filter((c) => c !== null).length };
    });
    const means = byAuditor.flatMap((a) => (a.mean === null ? [] : [a.mean]));
    const min = means.length ? Math.min(...means) : null;
    const max = means.length ? Math.max(...means) : null;
    return {
      touchpointId: t.id,
      name: t.name,
      channel: t.channel,
      stage: t.stage,
      auditors: names.length,
      ces: { min, max, spread: min === null || max === null ? null : round2(max - min), byAuditor },
      frictions: { ...(found.get(t.id) ?? { byOne: 0, bySeveral: 0 }) },
    };
  });
  return { auditors, touchpoints, frictions: overall };
}
