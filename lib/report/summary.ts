import type { ExportedWalk } from '@/lib/model/export';
import type { Goal, GoalAchieved, ReportAuditor, ReportPersona, ReportWalk, Summary } from '@/lib/model/report';
import type { ReportContext } from '@/lib/report/context';
import { cesSummary, cmp, csatSummary, npsSummary } from '@/lib/report/measures';

/** yes when every answered walk said yes, no when every one said no, partly otherwise. */
export function goalAchieved(walks: readonly ExportedWalk[]): GoalAchieved {
  const out = { yes: 0, partly: 0, no: 0, unanswered: 0 };
  for (const w of walks) {
    if (w.outcome) out[w.outcome.goal]++;
    else out.unanswered++;
  }
  const answered = out.yes + out.partly + out.no;
  const verdict: Goal | null =
    answered === 0 ? null : out.yes === answered ? 'yes' : out.no === answered ? 'no' : 'partly';
  return { verdict, ...out };
}

function ratingsOfWalks(ctx: ReportContext, walks: readonly ExportedWalk[]) {
  const ids = new Set(walks.map((w) => w.id));
  const ratings = ctx.ratings.filter((r) => ids.has(r.walk.id));
  return {
    ces: cesSummary(ratings.map((r) => r.ces)),
    csat: csatSummary(ratings.map((r) => r.csat)),
    nps: npsSummary(walks.map((w) => w.outcome?.nps ?? null)),
  };
}

function walkRow(ctx: ReportContext, w: ExportedWalk): ReportWalk {
  return {
    id: w.id,
    personaId: w.personaId,
    auditorName: w.auditorName,
    startUrl: w.startUrl,
    startedAt: w.startedAt,
    endedAt: w.endedAt,
    durationMs: Math.max(0, (w.endedAt ?? ctx.now) - w.startedAt),
    status: w.status,
    endReason: w.endReason,
    goal: w.outcome?.goal ?? null,
    outcomeMinutes: w.outcome?.minutes ?? null,
    nps: w.outcome?.nps ?? null,
    steps: w.steps.length,
    tags: w.tags.length,
    scores: w.scores.length,
    offsite: w.offsite.length,
    touchpoints: ctx.kpis.get(w.id)?.length ?? 0,
  };
}

function auditors(walks: readonly ExportedWalk[]): ReportAuditor[] {
  const by = new Map<string, ExportedWalk[]>();
  for (const w of walks) {
    const list = by.get(w.auditorName);
    if (list) list.push(w);
    else by.set(w.auditorName, [w]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([name, ws]) => ({
      name,
      walkIds: ws.map((w) => w.id),
      personaIds: [...new Set(ws.map((w) => w.personaId))],
      tags: ws.reduce((n, w) => n + w.tags.length, 0),
      scores: ws.reduce((n, w) => n + w.scores.length, 0),
    }));
}

export function buildSummary(ctx: ReportContext, counts: { frictions: number; confirmedDivergences: number }): Summary {
  const { file, walks } = ctx;
  const personas: ReportPersona[] = ctx.personas.map((p) => {
    const own = walks.filter((w) => w.personaId === p.id);
    return {
      id: p.id,
      name: p.name,
      segment: p.segment,
      device: p.context.device,
      locale: p.context.locale,
      jobToBeDone: p.jobToBeDone,
      goal: p.goal,
      expectations: p.expectations,
      walkIds: own.map((w) => w.id),
      goalAchieved: goalAchieved(own),
      ...ratingsOfWalks(ctx, own),
    };
  });
  const period = walks.length
    ? {
        from: Math.min(...walks.map((w) => w.startedAt)),
        to: Math.max(...walks.map((w) => Math.max(w.startedAt, w.endedAt ?? ctx.now))),
      }
    : null;
  return {
    audit: {
      id: file.audit.id,
      name: file.audit.name,
      company: file.audit.company,
      startUrl: file.audit.startUrl,
      createdAt: file.audit.createdAt,
    },
    site: { origin: safeOrigin(file.audit.startUrl), origins: [...file.audit.origins] },
    personas,
    walks: walks.map((w) => walkRow(ctx, w)),
    period,
    auditors: auditors(walks),
    ...ratingsOfWalks(ctx, walks),
    counts: {
      walks: walks.length,
      touchpoints: ctx.order.length,
      tags: ctx.tags.length,
      frictions: counts.frictions,
      confirmedDivergences: counts.confirmedDivergences,
      momentsOfTruth: ctx.tags.filter((t) => t.tag.momentOfTruth !== 'no').length,
    },
  };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
