import type { JourneyStage } from '@/lib/model/report';
import { lineChart } from '@/lib/report/html/charts';
import type { Html } from '@/lib/report/html/escape';
import type { HtmlContext } from '@/lib/report/html/render-context';
import { Severity } from '@/components/panel/report/ReportTouchpoints';

/**
 * A chart of the HTML report, drawn by its own SVG builder: markup made only with lib/report's
 * `html` tag, which escapes every value (names and labels included), so it is safe to place.
 */
function Chart({ svg }: { svg: Html }) {
  // Safe to place: lib/report/html/charts.ts escapes every value it writes (lib/report/html/escape.ts).
  return <div class="rep-chart" dangerouslySetInnerHTML={{ __html: svg.value }} />;
}

function curves(ctx: HtmlContext, stages: readonly JourneyStage[]): { effort: Html; emotion: Html } {
  const { p, t } = ctx;
  const categories = stages.map((s) => p.stage(s.stage));
  return {
    effort: lineChart({
      label: t('reportEffortCurve'),
      categories,
      series: { name: t('reportColEffort'), values: stages.map((s) => s.effort), tone: 'effort' },
      min: 1,
      max: 7,
      ticks: [
        { value: 7, label: t('reportTickEasy', p.count(7)) },
        { value: 4, label: p.count(4) },
        { value: 1, label: t('reportTickHard', p.count(1)) },
      ],
    }),
    emotion: lineChart({
      label: t('reportEmotionCurve'),
      categories,
      series: { name: t('reportColEmotion'), values: stages.map((s) => s.emotion), tone: 'emotion' },
      min: -2,
      max: 2,
      ticks: [
        { value: 2, label: t('reportTickPositive', '+2') },
        { value: 0, label: ctx.emotion(0) },
        { value: -2, label: t('reportTickNegative', ctx.emotion(-2)) },
      ],
    }),
  };
}

/**
 * The journey map as the side panel can hold it: the effort and emotion curves over the stages
 * met, then each stage (with its phase) and its touchpoints by channel, with their effort,
 * emotion, frictions and moments of truth. The numbers are in the text: nothing only in a chart.
 */
export function ReportJourney({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const met = ctx.r.journey.stages.filter((s) => s.touchpoints.length > 0);
  if (met.length === 0) return <p class="small muted">{t('reportJourneyEmpty')}</p>;
  const charts = curves(ctx, met);
  return (
    <>
      <p class="small">{t('reportJourneyIntro')}</p>
      <figure class="rep-figure">
        <Chart svg={charts.effort} />
        <figcaption class="small">{t('reportEffortCurve')}</figcaption>
      </figure>
      <figure class="rep-figure">
        <Chart svg={charts.emotion} />
        <figcaption class="small">{t('reportEmotionCurve')}</figcaption>
      </figure>
      <ol class="rep-list">
        {met.map((s) => (
          <li key={s.stage}>
            <strong>{p.stage(s.stage)}</strong> <span class="muted">· {p.phase(s.phase)}</span>
            <p class="small">
              {[t('reportPointEffort', ctx.score(s.effort)), t('reportPointEmotion', ctx.emotion(s.emotion))].join(
                ' · ',
              )}
            </p>
            <ul class="rep-sublist">
              {s.touchpoints.map((tp) => (
                <li key={tp.touchpointId}>
                  {tp.stageGuessed ? t('stageGuessed', tp.name) : tp.name}{' '}
                  <span class="muted">· {p.channel(tp.channel)}</span>
                  <br />
                  <span class="small">
                    {[
                      tp.effort === null ? '' : t('reportPointEffort', ctx.score(tp.effort)),
                      tp.emotion === null ? '' : t('reportPointEmotion', ctx.emotion(tp.emotion)),
                      tp.frictions
                        ? ctx.plural(tp.frictions, 'reportPointFrictions_one', 'reportPointFrictions_other')
                        : '',
                      tp.momentsOfTruth
                        ? `★ ${ctx.plural(tp.momentsOfTruth, 'reportPointMoments_one', 'reportPointMoments_other')}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {tp.maxSeverity !== null && tp.maxSeverity > 0 && (
                    <>
                      {' '}
                      <Severity ctx={ctx} value={tp.maxSeverity} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
