import type { HtmlContext } from '@/lib/report/html/render-context';
import { Fact } from '@/components/panel/report/ReportPart';

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
        <Figure label={t('reportNpsOverall')} value={ctx.nps(s.nps)} detail={nps} />
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
                <Fact label={t('reportColGoalAchieved')}>{ctx.goal(x.goalAchieved)}</Fact>
                <Fact label="CES · CSAT · NPS">{`${ctx.score(x.ces.mean)} · ${ctx.score(x.csat.mean)} · ${ctx.nps(x.nps)}`}</Fact>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
