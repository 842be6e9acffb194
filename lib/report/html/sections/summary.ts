import type { CsatSummary, NpsSummary } from '@/lib/model/report';
import { dataTable } from '@/lib/report/html/charts';
import { type Html, html } from '@/lib/report/html/escape';
import { empty, figures, section } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';

function npsDetail(ctx: HtmlContext, nps: NpsSummary): string {
  return ctx.t('reportNpsDetail', [
    ctx.p.count(nps.answered),
    ctx.p.count(nps.walks),
    ctx.p.count(nps.promoters),
    ctx.p.count(nps.passives),
    ctx.p.count(nps.detractors),
  ]);
}

function csatDetail(ctx: HtmlContext, csat: CsatSummary): string {
  if (csat.share === null) return ctx.t('csatNone');
  return ctx.t('reportCsatShare', [ctx.p.percent(csat.share), ctx.p.count(csat.satisfied), ctx.p.count(csat.count)]);
}

function personas(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const rows = ctx.r.summary.personas.map((x) => [
    html`${x.name}${x.segment ? html`<br><span class="muted">${x.segment}</span>` : ''}`,
    p.device(x.device),
    x.jobToBeDone || t('replayNone'),
    x.goal || t('replayNone'),
    ctx.goal(x.goalAchieved),
    ctx.score(x.ces.mean),
    ctx.score(x.csat.mean),
    ctx.nps(x.nps),
  ]);
  if (rows.length === 0) return empty(t('reportNoPersonas'));
  return dataTable({
    columns: [
      { label: t('replayColPersona') },
      { label: t('panelDevice') },
      { label: t('panelJobToBeDone') },
      { label: t('panelGoal') },
      { label: t('reportColGoalAchieved') },
      { label: 'CES', numeric: true },
      { label: 'CSAT', numeric: true },
      { label: 'NPS', numeric: true },
    ],
    rows,
  });
}

function walks(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const rows = ctx.r.summary.walks.map((w) => [
    ctx.personaName(w.personaId),
    ctx.auditor(w.auditorName),
    p.dateTime(w.startedAt),
    w.endedAt === null ? `${p.span(w.durationMs)} (${t('replayInProgress')})` : p.span(w.durationMs),
    w.goal === null ? t('reportUnanswered') : p.goal(w.goal),
    w.nps === null ? t('replayNone') : p.count(w.nps),
    p.count(w.steps),
    p.count(w.tags),
  ]);
  if (rows.length === 0) return empty(t('reportNoWalks'));
  return dataTable({
    columns: [
      { label: t('replayColPersona') },
      { label: t('replayColAuditor') },
      { label: t('replayColDate') },
      { label: t('replayColDuration') },
      { label: t('reportColGoalAchieved') },
      { label: 'NPS', numeric: true },
      { label: t('steps'), numeric: true },
      { label: t('replayTags'), numeric: true },
    ],
    rows,
  });
}

/** The audit in figures, its personas and their verdicts, and every walk. */
export function summarySection(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const s = ctx.r.summary;
  const key = figures([
    {
      label: t('reportCesOverall'),
      value: ctx.score(s.ces.mean),
      detail: ctx.plural(s.ces.count, 'reportRatings_one', 'reportRatings_other'),
    },
    { label: t('reportCsatOverall'), value: ctx.score(s.csat.mean), detail: csatDetail(ctx, s.csat) },
    { label: t('reportNpsOverall'), value: ctx.nps(s.nps), detail: npsDetail(ctx, s.nps) },
    { label: t('reportCountWalks'), value: p.count(s.counts.walks) },
    { label: t('reportCountTouchpoints'), value: p.count(s.counts.touchpoints) },
    { label: t('reportCountFrictions'), value: p.count(s.counts.frictions) },
    { label: t('reportCountDivergences'), value: p.count(s.counts.confirmedDivergences) },
    { label: t('reportCountMoments'), value: p.count(s.counts.momentsOfTruth) },
  ]);
  return section(
    'summary',
    t('reportSummary'),
    html`${key}
<h3>${t('reportPersonasHeading')}</h3>
${personas(ctx)}
<h3>${t('reportWalksHeading')}</h3>
${walks(ctx)}`,
  );
}
