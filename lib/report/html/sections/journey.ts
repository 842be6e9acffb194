import type { Channel, Phase } from '@/lib/model';
import type { JourneyPoint, JourneyStage } from '@/lib/model/report';
import { chartFigure, dataTable, lineChart } from '@/lib/report/html/charts';
import { type Html, html } from '@/lib/report/html/escape';
import { empty, section, severityBadge } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';

/** One touchpoint in its cell of the map: name, effort, emotion, frictions, moments of truth. */
function point(ctx: HtmlContext, tp: JourneyPoint): Html {
  const { t } = ctx;
  const name = tp.stageGuessed ? t('stageGuessed', tp.name) : tp.name;
  const feel = [
    tp.effort === null ? '' : t('reportPointEffort', ctx.score(tp.effort)),
    tp.emotion === null ? '' : t('reportPointEmotion', ctx.emotion(tp.emotion)),
  ].filter(Boolean);
  const frictions = tp.frictions
    ? html` ${ctx.plural(tp.frictions, 'reportPointFrictions_one', 'reportPointFrictions_other')}`
    : '';
  const worst = tp.maxSeverity !== null && tp.maxSeverity > 0 ? html` ${severityBadge(ctx, tp.maxSeverity)}` : '';
  const moments = tp.momentsOfTruth
    ? html`<br><span class="badge moment"><span aria-hidden="true">★ </span>${ctx.plural(
        tp.momentsOfTruth,
        'reportPointMoments_one',
        'reportPointMoments_other',
      )}</span>`
    : '';
  return html`<li><strong>${name}</strong>${feel.length ? html`<br>${feel.join(' · ')}` : ''}${
    frictions || worst ? html`<br>${frictions}${worst}` : ''
  }${moments}</li>`;
}

/** Stages down the columns (grouped by phase), channels across the rows. */
function map(ctx: HtmlContext, stages: readonly JourneyStage[]): Html {
  const { p, t } = ctx;
  const phases: { phase: Phase; span: number }[] = [];
  for (const s of stages) {
    const last = phases[phases.length - 1];
    if (last?.phase === s.phase) last.span++;
    else phases.push({ phase: s.phase, span: 1 });
  }
  const channelRow = (channel: Channel) => {
    const cells = stages.map((s) => {
      const here = s.touchpoints.filter((tp) => tp.channel === channel);
      return here.length
        ? html`<td><ul class="cell-list">${here.map((tp) => point(ctx, tp))}</ul></td>`
        : html`<td class="na"><span class="sr-only">${t('replayNone')}</span></td>`;
    });
    return html`<tr><th scope="row">${p.channel(channel)}</th>${cells}</tr>\n`;
  };
  return html`<div class="table-wrap" role="region" aria-labelledby="journey-map-caption" tabindex="0"><table class="journey">
<caption id="journey-map-caption">${t('reportJourneyMap')}</caption>
<thead>
<tr><td></td>${phases.map((ph) => html`<th scope="colgroup" colspan="${ph.span}">${p.phase(ph.phase)}</th>`)}</tr>
<tr><th scope="col">${t('touchpointChannel')}</th>${stages.map((s) => html`<th scope="col">${p.stage(s.stage)}</th>`)}</tr>
</thead>
<tbody>
${ctx.r.journey.channels.map(channelRow)}</tbody>
</table></div>`;
}

/** The effort and emotion curves over the stages given: one drawing for the HTML file and the panel. */
export function stageCurves(ctx: HtmlContext, stages: readonly JourneyStage[]): { effort: Html; emotion: Html } {
  const { p, t } = ctx;
  const categories = stages.map((s) => p.stage(s.stage));
  const effort = lineChart({
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
  });
  const emotion = lineChart({
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
  });
  return { effort, emotion };
}

function curves(ctx: HtmlContext, stages: readonly JourneyStage[]): Html {
  const { p, t } = ctx;
  const _categories = stages.map((s) => p.stage(s.stage));
  const table = dataTable({
    columns: [
      { label: t('touchpointStage') },
      { label: t('reportColPhase') },
      { label: t('reportColTouchpoints'), numeric: true },
      { label: t('reportColEffort'), numeric: true },
      { label: t('reportColEmotion'), numeric: true },
      { label: t('reportColFrictions'), numeric: true },
      { label: t('reportColMoments'), numeric: true },
    ],
    rows: stages.map((s) => [
      p.stage(s.stage),
      p.phase(s.phase),
      p.count(s.touchpoints.length),
      ctx.score(s.effort),
      ctx.emotion(s.emotion),
      p.count(s.frictions),
      p.count(s.momentsOfTruth),
    ]),
  });
  const { effort, emotion } = stageCurves(ctx, stages);
  return html`${chartFigure(t('reportEffortCurve'), effort)}
${chartFigure(t('reportEmotionCurve'), emotion)}
<h3>${t('reportStagesHeading')}</h3>
${table}`;
}

/**
 * The journey map: where each touchpoint sits (stage by channel), how hard and how it felt, its
 * frictions and moments of truth; the effort and emotion curves over the stages met, and their
 * numbers in a table under both curves.
 */
export function journeySection(ctx: HtmlContext): Html {
  const { t } = ctx;
  const met = ctx.r.journey.stages.filter((s) => s.touchpoints.length > 0);
  const body = met.length
    ? html`<p>${t('reportJourneyIntro')}</p>
${map(ctx, met)}
${curves(ctx, met)}`
    : empty(t('reportJourneyEmpty'));
  return section('journey', t('reportJourney'), body);
}
