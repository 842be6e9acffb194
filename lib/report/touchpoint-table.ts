import { emptyKpis } from '@/lib/kpi';
import type { TouchpointKpis } from '@/lib/model/kpi';
import type { SeverityCounts, TouchpointRow } from '@/lib/model/report';
import { phaseOf, type Touchpoint } from '@/lib/model/touchpoint';
import type { ReportContext } from '@/lib/report/context';
import { cesSummary, csatSummary, isFriction, mean } from '@/lib/report/measures';

const COUNTS = [
  'timeMs',
  'visits',
  'steps',
  'clicks',
  'errors',
  'jsErrors',
  'failedRequests',
  'reschedules',
  'transfers',
  'tags',
] as const;

/** Every walk's KPIs for one touchpoint summed; the means over every rating, not a mean of means. */
function total(ctx: ReportContext, t: Touchpoint, perWalk: readonly TouchpointKpis[]): TouchpointKpis {
  const sum = emptyKpis(t.id);
  for (const k of perWalk) {
    for (const key of COUNTS) sum[key] += k[key];
    sum.waits.count += k.waits.count;
    sum.waits.totalMs += k.waits.totalMs;
    sum.waits.maxMs = Math.max(sum.waits.maxMs, k.waits.maxMs);
    k.tagsBySeverity.forEach((n, i) => {
      sum.tagsBySeverity[i] = (sum.tagsBySeverity[i] ?? 0) + n;
    });
  }
  const ratings = ctx.ratingsOf.get(t.id) ?? [];
  sum.meanCes = mean(ratings.map((r) => r.ces));
  sum.meanCsat = mean(ratings.map((r) => r.csat));
  sum.meanTagEffort = mean((ctx.tagsOf.get(t.id) ?? []).map((e) => e.tag.effort));
  return sum;
}

/** One row per touchpoint met, in the journey's order. */
export function buildTouchpointTable(ctx: ReportContext): TouchpointRow[] {
  const of = new Map<string, TouchpointKpis>();
  for (const [walkId, list] of ctx.kpis) for (const k of list) of.set(`${walkId}\n${k.touchpointId}`, k);
  return ctx.order.map((t) => {
    const walks = ctx.metBy.get(t.id) ?? [];
    const byWalk = walks.flatMap((w) => {
      const kpis = of.get(`${w.id}\n${t.id}`);
      return kpis ? [{ walkId: w.id, kpis }] : [];
    });
    const kpis = total(
      ctx,
      t,
      byWalk.map((b) => b.kpis),
    );
    const ratings = ctx.ratingsOf.get(t.id) ?? [];
    return {
      touchpointId: t.id,
      name: t.name,
      channel: t.channel,
      stage: t.stage,
      phase: phaseOf(t.stage),
      walks: walks.length,
      kpis,
      meanTimeMs: walks.length ? Math.round(kpis.timeMs / walks.length) : 0,
      ces: cesSummary(ratings.map((r) => r.ces)),
      csat: csatSummary(ratings.map((r) => r.csat)),
      tagsBySeverity: [...kpis.tagsBySeverity] as SeverityCounts,
      frictions: (ctx.tagsOf.get(t.id) ?? []).filter(isFriction).length,
      byWalk,
    };
  });
}
