import type { GoalAchieved, NpsSummary } from '@/lib/model/report';
import type { HtmlContext } from '@/lib/report/html/render-context';
import { Fact } from '@/components/panel/report/ReportPart';

/** NPS as a signed whole number, or the words for nobody answered. */
export function npsValue(ctx: HtmlContext, nps: NpsSummary): string {
  if (nps.score === null) return ctx.t('reportNoAnswers');
  return `${nps.score > 0 ? '+' : nps.score < 0 ? '−' : ''}${ctx.p.count(Math.abs(nps.score))}`;
}

/** The persona's verdict over its walks, with the count behind it. */
function goal(ctx: HtmlContext, g: GoalAchieved): string {
  if (g.verdict === null) return ctx.t('reportUnanswered');
  const counts = (['yes', 'partly', 'no'] as const)
    .filter((k) => g[k] > 0)
    .map((k) => `${ctx.p.goal(k)}: ${ctx.p.count(g[k])}`);
  return `${ctx.p.goal(g.verdict)} (${ctx.p.list(counts)})`;
}

/** A figure as a card: its label, the figure, a line of detail. */
function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        {detail && <small>{detail}</small>}
      </dd>
    </div>
  );
}

/** The audit in figures (CES, CSAT, NPS, counts), and each persona: its job, goal and verdict. */
export function ReportSummary({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const s = ctx.r.summary;
  const csat =
    s.csat.share === null
      ? t('csatNone')
      : t('reportCsatShare', [p.percent(s.csat.share), p.count(s.csat.satisfied), p.count(s.csat.count)]);
  const nps = t('reportNpsDetail', [
    p.count(s.nps.answered),
    p.count(s.nps.walks),
    p.count(s.nps.promoters),
    p.count(s.nps.passives),
    p.count(s.nps.detractors),
  ]);
  return (
    <>
      <dl class="rep-figures">
        <Figure
          label={t('reportCesOverall')}
          value={ctx.score(s.ces.mean)}
          detail={ctx.plural(s.ces.count, 'reportRatings_one', 'reportRatings_other')}
        />
        <Figure label={t('reportCsatOverall')} value={ctx.score(s.csat.mean)} detail={csat} />
        <Figure label={t('reportNpsOverall')} value={npsValue(ctx, s.nps)} detail={nps} />
        <Figure label={t('reportCountWalks')} value={p.count(s.counts.walks)} />
        <Figure label={t('reportCountTouchpoints')} value={p.count(s.counts.touchpoints)} />
        <Figure label={t('reportCountFrictions')} value={p.count(s.counts.frictions)} />
        <Figure label={t('reportCountDivergences')} value={p.count(s.counts.confirmedDivergences)} />
        <Figure label={t('reportCountMoments')} value={p.count(s.counts.momentsOfTruth)} />
      </dl>
      <h4>{t('reportPersonasHeading')}</h4>
      {s.personas.length === 0 ? (
        <p class="small muted">{t('reportNoPersonas')}</p>
      ) : (
        <ul class="rep-list">
          {s.personas.map((x) => (
            <li key={x.id}>
              <strong>{x.name}</strong>
              {x.segment && <span class="muted"> · {x.segment}</span>}
              <dl class="rep-facts">
                <Fact label={t('panelJobToBeDone')}>{x.jobToBeDone || t('replayNone')}</Fact>
                <Fact label={t('panelGoal')}>{x.goal || t('replayNone')}</Fact>
                <Fact label={t('reportColGoalAchieved')}>{goal(ctx, x.goalAchieved)}</Fact>
                <Fact label="CES · CSAT · NPS">{`${ctx.score(x.ces.mean)} · ${ctx.score(x.csat.mean)} · ${npsValue(ctx, x.nps)}`}</Fact>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
