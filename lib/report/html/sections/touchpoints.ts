import { barChart, chartFigure, dataTable } from '@/lib/report/html/charts';
import { type Html, html } from '@/lib/report/html/escape';
import { empty, section, severityCounts } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';

/** Tags of every touchpoint by severity: bars, and the same counts in a table. */
function severityChart(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const totals = [0, 0, 0, 0, 0];
  for (const row of ctx.r.touchpoints) {
    row.tagsBySeverity.forEach((n, s) => {
      totals[s] = (totals[s] ?? 0) + n;
    });
  }
  const levels = [4, 3, 2, 1, 0];
  const chart = barChart({
    label: t('reportSeverityChart'),
    bars: levels.map((s) => ({
      label: p.severity(s),
      value: totals[s] ?? 0,
      valueLabel: p.count(totals[s] ?? 0),
      tone: `sev-${s}`,
    })),
  });
  const table = dataTable({
    columns: [{ label: t('reportColSeverity') }, { label: t('replayTags'), numeric: true }],
    rows: levels.map((s) => [p.severity(s), p.count(totals[s] ?? 0)]),
  });
  return chartFigure(t('reportSeverityChart'), chart, table);
}

/** Every touchpoint in journey order: channel, stage, operational KPIs, CES and CSAT, tags. */
export function touchpointsSection(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const rows = ctx.r.touchpoints.map((row) => {
    const k = row.kpis;
    return [
      row.name,
      p.channel(row.channel),
      p.stage(row.stage),
      p.count(row.walks),
      p.span(row.meanTimeMs),
      p.count(k.steps),
      p.count(k.clicks),
      p.count(k.errors),
      k.waits.count ? t('reportWaits', [p.count(k.waits.count), p.span(k.waits.maxMs)]) : p.count(0),
      p.count(k.reschedules),
      p.count(k.transfers),
      ctx.score(row.ces.mean),
      ctx.score(row.csat.mean),
      severityCounts(ctx, row.tagsBySeverity),
    ];
  });
  if (rows.length === 0) return section('touchpoints', t('reportTouchpoints'), empty(t('reportTouchpointsEmpty')));
  const table = dataTable({
    caption: t('reportTouchpointsTable'),
    scrollId: 'touchpoints-table',
    columns: [
      { label: t('reportColTouchpoint') },
      { label: t('touchpointChannel') },
      { label: t('touchpointStage') },
      { label: t('reportColWalks'), numeric: true },
      { label: t('reportColMeanTime'), numeric: true },
      { label: t('steps'), numeric: true },
      { label: t('reportColClicks'), numeric: true },
      { label: t('reportColErrors'), numeric: true },
      { label: t('reportColWaits'), numeric: true },
      { label: t('reportColReschedules'), numeric: true },
      { label: t('reportColTransfers'), numeric: true },
      { label: 'CES', numeric: true },
      { label: 'CSAT', numeric: true },
      { label: t('reportColTags') },
    ],
    rows,
  });
  return section(
    'touchpoints',
    t('reportTouchpoints'),
    html`<p>${t('reportTouchpointsIntro')}</p>
${table}
${severityChart(ctx)}`,
  );
}
