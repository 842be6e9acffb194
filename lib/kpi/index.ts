import type { OffsiteEvent, Score, PageSignal, Step, Tag, Touchpoint, TouchpointKpis, Walk } from '@/lib/model';
import { bestTouchpoint } from '@/lib/touchpoints/group';
import { indexByPattern } from '@/lib/touchpoints/pattern-index';
import { mean } from '@/lib/kpi/means';
import { timeOnTouchpoints } from '@/lib/kpi/time-on';

export interface KpiInput {
  walk: Walk;
  /** The clock for a walk still open (and off-site events still waiting). */
  now: number;
  touchpoints: Touchpoint[];
  steps: Step[];
  signals: PageSignal[];
  tags: Tag[];
  scores: Score[];
  offsite: OffsiteEvent[];
}

/**
 * The operational KPIs of every touchpoint one walk met, in the order it met them: time, steps
 * and clicks, errors, waits, reschedules and transfers, tags by severity, mean effort. Pure.
 */
/** A touchpoint's KPIs before anything is counted: what a walk's and a report's sums start from. */
export function emptyKpis(touchpointId: string): TouchpointKpis {
  return {
    touchpointId,
    timeMs: 0,
    visits: 0,
    steps: 0,
    clicks: 0,
    errors: 0,
    jsErrors: 0,
    failedRequests: 0,
    waits: { count: 0, totalMs: 0, maxMs: 0 },
    reschedules: 0,
    transfers: 0,
    tagsBySeverity: [0, 0, 0, 0, 0],
    tags: 0,
    meanCes: null,
    meanTagEffort: null,
    meanCsat: null,
  };
}

export function walkKpis(input: KpiInput): TouchpointKpis[] {
  const { walk, touchpoints } = input;
  const end = walk.endedAt ?? input.now;
  const byUrl = new Map<string, string | undefined>();
  const index = indexByPattern(touchpoints);
  const touchpointOf = (url: string): string | undefined => {
    if (!byUrl.has(url)) byUrl.set(url, bestTouchpoint(url, index)?.id);
    return byUrl.get(url);
  };

  const firstMet = new Map<string, number>();
  const meet = (id: string | null | undefined, at: number) => {
    if (id && (!firstMet.has(id) || at < (firstMet.get(id) ?? at))) firstMet.set(id, at);
  };
  const kpis = new Map<string, TouchpointKpis>();
  const of = (id: string): TouchpointKpis => {
    let k = kpis.get(id);
    if (!k) {
      k = emptyKpis(id);
      kpis.set(id, k);
    }
    return k;
  };
  const wait = (k: TouchpointKpis, ms: number) => {
    k.waits.count++;
    k.waits.totalMs += ms;
    k.waits.maxMs = Math.max(k.waits.maxMs, ms);
  };

  for (const s of input.steps) {
    // Not something the persona did: tab events, leaving the site, a page whose recording stopped.
    if (
      s.kind === 'tab-opened' ||
      s.kind === 'tab-closed' ||
      s.kind === 'left-site' ||
      s.kind === 'recording-stopped'
    ) {
      continue;
    }
    const id = touchpointOf(s.url);
    if (!id) continue;
    meet(id, s.at);
    const k = of(id);
    k.steps++;
    if (s.kind === 'visit') k.visits++;
    if (s.kind === 'click') k.clicks++;
  }
  for (const [id, ms] of timeOnTouchpoints(input.steps, touchpointOf, end)) of(id).timeMs += ms;

  for (const g of input.signals) {
    const id = touchpointOf(g.url);
    if (!id) continue;
    meet(id, g.at);
    const k = of(id);
    if (g.kind === 'js-error') k.jsErrors += g.count ?? 1;
    else if (g.kind === 'request-failed') k.failedRequests++;
    else wait(k, g.durationMs ?? 0);
    k.errors = k.jsErrors + k.failedRequests;
  }

  const effort = new Map<string, (number | null)[]>();
  const ces = new Map<string, (number | null)[]>();
  const csat = new Map<string, (number | null)[]>();
  const push = (m: Map<string, (number | null)[]>, id: string, v: number | null) =>
    m.set(id, [...(m.get(id) ?? []), v]);

  for (const t of input.tags) {
    const id = t.touchpointId ?? touchpointOf(t.url);
    if (!id) continue;
    meet(id, t.at);
    const k = of(id);
    k.tags++;
    k.tagsBySeverity[t.severity] = (k.tagsBySeverity[t.severity] ?? 0) + 1;
    push(effort, id, t.effort);
  }
  for (const s of input.scores) {
    meet(s.touchpointId, s.at);
    of(s.touchpointId);
    push(ces, s.touchpointId, s.ces);
    push(csat, s.touchpointId, s.csat);
  }
  for (const e of input.offsite) {
    meet(e.touchpointId, e.requestedAt);
    const k = of(e.touchpointId);
    // Still waiting: the wait so far.
    const ms = Math.max(0, (e.answeredAt ?? Math.max(input.now, e.requestedAt)) - e.requestedAt);
    k.timeMs += ms;
    wait(k, ms);
    k.reschedules += e.reschedules;
    k.transfers += e.transfers;
    push(ces, e.touchpointId, e.ces);
    push(csat, e.touchpointId, e.csat);
  }
  for (const [id, k] of kpis) {
    k.meanTagEffort = mean(effort.get(id) ?? []);
    k.meanCes = mean(ces.get(id) ?? []);
    k.meanCsat = mean(csat.get(id) ?? []);
  }
  return [...kpis.values()].sort(
    (a, b) =>
      (firstMet.get(a.touchpointId) ?? Number.POSITIVE_INFINITY) -
        (firstMet.get(b.touchpointId) ?? Number.POSITIVE_INFINITY) || a.touchpointId.localeCompare(b.touchpointId),
  );
}
