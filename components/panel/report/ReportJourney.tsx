import { stageCurves } from '@/lib/report/html/sections/journey';
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

/**
 * The journey map as the side panel can hold it: the effort and emotion curves over the stages
 * met, then each stage (with its phase) and its touchpoints by channel, with their effort,
 * emotion, frictions and moments of truth. The numbers are in the text: nothing only in a chart.
 */
export function ReportJourney({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const met = ctx.r.journey.stages.filter((s) => s.touchpoints.length > 0);
  if (met.length === 0) return <p class="small muted">{t('reportJourneyEmpty')}</p>;
  const charts = stageCurves(ctx, met);
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
