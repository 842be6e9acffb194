import type { Place, SeenValue } from '@/lib/model/divergence';
import type { ReportDivergence } from '@/lib/model/report';
import { barChart, chartFigure, dataTable } from '@/lib/report/html/charts';
import { type Html, html, link } from '@/lib/report/html/escape';
import { empty, pageLabel, section, severityBadge } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';

/** Places listed per value: beyond these, a count, so a site-wide colour does not fill pages. */
const PLACES_SHOWN = 8;

/** A colour value with its swatch, so the difference is seen as well as read. */
function valueText(value: string): Html {
  const swatch = /^#[0-9a-f]{6}$/.test(value)
    ? html`<svg class="swatch" width="14" height="14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="13" height="13" fill="${value}" stroke="#1b2430"/></svg> `
    : '';
  return html`${swatch}<q>${value}</q>`;
}

function place(ctx: HtmlContext, pl: Place, value: string): Html {
  const { p, t } = ctx;
  const written = pl.raw && pl.raw !== value ? html` · ${t('consistencyAsWritten', pl.raw)}` : '';
  const label = pl.label ? html` · <span class="muted">${pl.label}</span>` : '';
  if (pl.type === 'offsite') {
    return html`<li><strong>${p.channel(pl.channel)}</strong> · ${ctx.touchpointName(pl.touchpointId)}${written}${label}</li>`;
  }
  const structured =
    pl.source === 'json-ld' || pl.source === 'microdata' ? html` (${t('consistencyStructuredSource')})` : '';
  return html`<li><strong>${pageLabel(pl)}</strong>${structured}${written}${label}<br>${link(pl.url)}</li>`;
}

function seen(ctx: HtmlContext, v: SeenValue, baseline: boolean): Html {
  const { p, t } = ctx;
  const more = v.places.length - PLACES_SHOWN;
  return html`<dt>${baseline ? t('consistencyBaseline') : t('consistencyOther')}: ${valueText(v.value)} <span class="muted">${p.plural('consistencyPlaces', v.places.length)}</span></dt>
<dd><ul class="evidence">${v.places.slice(0, PLACES_SHOWN).map((pl) => place(ctx, pl, v.value))}${
    more > 0 ? html`<li class="muted">${ctx.plural(more, 'reportMorePlaces_one', 'reportMorePlaces_other')}</li>` : ''
  }</ul></dd>`;
}

function divergence(ctx: HtmlContext, d: ReportDivergence): Html {
  const { p, t } = ctx;
  const subject = d.subject ? p.factSubject(d.kind, d.subject) : '';
  const name = subject ? `${p.pageFactKind(d.kind)} · ${subject}` : p.pageFactKind(d.kind);
  return html`<article class="divergence">
<h4>${name}</h4>
<p>${severityBadge(ctx, d.severity)} · ${p.factGroup(d.group)} · ${t('consistencyDecidedAt', p.dateTime(d.decidedAt))}</p>
${d.reason === 'structured-vs-text' ? html`<p>${t('consistencyStructured')}</p>` : ''}
${d.evidence === 'file' ? html`<p class="muted">${t('reportEvidenceFile')}</p>` : ''}
<dl class="values">${d.values.map((v, i) => seen(ctx, v, i === 0))}</dl>
</article>`;
}

type Scored = { agreeing: number; total: number; share: number | null };

function scoreTable(
  ctx: HtmlContext,
  heading: string,
  first: string,
  rows: readonly { label: string; score: Scored }[],
): Html {
  const { p, t } = ctx;
  return dataTable({
    className: 'narrow',
    caption: heading,
    columns: [{ label: first }, { label: t('consistencyScores'), numeric: true }],
    rows: rows.map((r) => [r.label, p.agreement(r.score)]),
  });
}

function scores(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const c = ctx.r.consistency;
  const groups = c.byGroup.filter((g) => g.total > 0);
  if (groups.length === 0) return empty(t('consistencyNoFacts'));
  const chart = barChart({
    label: t('reportAgreementByGroup'),
    max: 1,
    bars: groups.map((g) => ({
      label: p.factGroup(g.group),
      value: g.share ?? 1,
      valueLabel: p.percent(g.share ?? 1),
    })),
  });
  return html`${chartFigure(
    t('reportAgreementByGroup'),
    chart,
    scoreTable(
      ctx,
      t('consistencyByGroup'),
      t('reportColAspect'),
      groups.map((g) => ({ label: p.factGroup(g.group), score: g })),
    ),
  )}
${scoreTable(
  ctx,
  t('consistencyByChannel'),
  t('touchpointChannel'),
  c.byChannel.map((x) => ({ label: p.channel(x.channel), score: x })),
)}
${scoreTable(
  ctx,
  t('consistencyByKind'),
  t('reportColKind'),
  c.byKind.map((x) => ({ label: p.pageFactKind(x.kind), score: x })),
)}`;
}

/** Confirmed divergences with their evidence, then how far each aspect, channel and kind agrees. */
export function consistencySection(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const c = ctx.r.consistency;
  const counts = t('consistencyCounts', [
    p.count(c.decisions.open),
    p.count(c.decisions.confirmed),
    p.count(c.decisions.dismissed),
  ]);
  const masked = c.unreadable.length
    ? html`<p class="muted">${t('consistencyMasked', p.list(c.unreadable.map((u) => p.pageFactKind(u.kind))))}</p>`
    : '';
  const list = c.divergences.length ? c.divergences.map((d) => divergence(ctx, d)) : empty(t('reportNoConfirmed'));
  return section(
    'consistency',
    t('consistencyHeading'),
    html`<p>${t('reportConsistencyIntro')}</p>
<p>${counts}</p>
${masked}
<h3>${t('reportConfirmedHeading')}</h3>
${list}
<h3>${t('consistencyScores')}</h3>
${scores(ctx)}`,
  );
}
