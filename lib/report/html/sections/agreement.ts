import { barChart, chartFigure, dataTable } from '@/lib/report/html/charts';
import { type Html, html } from '@/lib/report/html/escape';
import { empty, section } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';

/**
 * How far the auditors agree: per touchpoint, each auditor's CES and their spread, and its
 * frictions found by one auditor or by several; bars of the share found by several.
 */
export function agreementSection(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const a = ctx.r.agreement;
  const intro = html`<p>${t('reportAgreementIntro')}</p>
<p>${t('reportColAuditors')}: ${a.auditors.length ? p.list(a.auditors.map((x) => ctx.auditor(x))) : t('replayNone')}</p>`;
  if (a.auditors.length < 2) {
    return section('agreement', t('reportAgreement'), html`${intro}${empty(t('reportOneAuditor'))}`);
  }
  const overall = t('reportAgreementOverall', [p.count(a.frictions.byOne), p.count(a.frictions.bySeveral)]);
  if (a.touchpoints.length === 0) {
    return section('agreement', t('reportAgreement'), html`${intro}<p>${overall}</p>`);
  }
  const table = dataTable({
    caption: t('reportAgreementTable'),
    scrollId: 'agreement-table',
    columns: [
      { label: t('reportColTouchpoint') },
      { label: t('reportColAuditors'), numeric: true },
      { label: t('reportColCesByAuditor') },
      { label: t('reportColSpread'), numeric: true },
      { label: t('reportColByOne'), numeric: true },
      { label: t('reportColBySeveral'), numeric: true },
    ],
    rows: a.touchpoints.map((row) => [
      html`${row.name}<br><span class="muted">${p.stage(row.stage)} · ${p.channel(row.channel)}</span>`,
      p.count(row.auditors),
      html`<ul class="cell-list">${row.ces.byAuditor.map(
        (x) => html`<li>${ctx.auditor(x.auditorName)}: ${ctx.score(x.mean)}</li>`,
      )}</ul>`,
      ctx.score(row.ces.spread),
      p.count(row.frictions.byOne),
      p.count(row.frictions.bySeveral),
    ]),
  });
  const found = a.touchpoints.filter((row) => row.frictions.byOne + row.frictions.bySeveral > 0);
  const bars = found.length
    ? chartFigure(
        t('reportAgreementBars'),
        barChart({
          label: t('reportAgreementBars'),
          max: 1,
          bars: found.map((row) => {
            const share = row.frictions.bySeveral / (row.frictions.byOne + row.frictions.bySeveral);
            return { label: row.name, value: share, valueLabel: p.percent(share) };
          }),
        }),
        dataTable({
          columns: [
            { label: t('reportColTouchpoint') },
            { label: t('reportColByOne'), numeric: true },
            { label: t('reportColBySeveral'), numeric: true },
            { label: t('reportColShareSeveral'), numeric: true },
          ],
          rows: found.map((row) => [
            row.name,
            p.count(row.frictions.byOne),
            p.count(row.frictions.bySeveral),
            p.percent(row.frictions.bySeveral / (row.frictions.byOne + row.frictions.bySeveral)),
          ]),
        }),
      )
    : '';
  return section('agreement', t('reportAgreement'), html`${intro}<p>${overall}</p>\n${table}\n${bars}`);
}
