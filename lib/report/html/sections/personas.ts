import type { PersonaCell } from '@/lib/model/report';
import { dataTable } from '@/lib/report/html/charts';
import { type Html, html } from '@/lib/report/html/escape';
import { empty, section, severityBadge } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';

function cell(ctx: HtmlContext, c: PersonaCell | undefined): Html | string {
  const { t } = ctx;
  if (!c || c.walks === 0) return html`<span class="muted">${t('reportNotMet')}</span>`;
  const lines = [
    t('kpiCes', ctx.score(c.ces)),
    t('kpiCsat', ctx.score(c.csat)),
    t('reportPointEmotion', ctx.emotion(c.emotion)),
    ctx.plural(c.frictions, 'reportPointFrictions_one', 'reportPointFrictions_other'),
  ];
  const worst = c.maxSeverity !== null && c.maxSeverity > 0 ? html`<br>${severityBadge(ctx, c.maxSeverity)}` : '';
  return html`${lines.map((l, i) => html`${i ? html`<br>` : ''}${l}`)}${worst}`;
}

/** Each touchpoint as every persona lived it, side by side; touchpoints shared by two or more first. */
export function personasSection(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const pc = ctx.r.personaComparison;
  if (pc.personaIds.length === 0 || pc.touchpoints.length === 0) {
    return section('personas', t('reportPersonas'), empty(t('reportPersonasEmpty')));
  }
  const rows = [...pc.touchpoints]
    .sort((a, b) => Number(b.shared) - Number(a.shared))
    .map((tp) => [
      html`${tp.name}<br><span class="muted">${p.stage(tp.stage)} · ${p.channel(tp.channel)}</span>`,
      ...pc.personaIds.map((id) =>
        cell(
          ctx,
          tp.personas.find((c) => c.personaId === id),
        ),
      ),
      ctx.score(tp.cesSpread),
    ]);
  const table = dataTable({
    caption: t('reportPersonasTable'),
    scrollId: 'personas-table',
    columns: [
      { label: t('reportColTouchpoint') },
      ...pc.personaIds.map((id) => ({ label: ctx.personaName(id) })),
      { label: t('reportColSpread'), numeric: true },
    ],
    rows,
  });
  const single = pc.personaIds.length < 2 ? html`<p class="muted">${t('reportOnePersona')}</p>` : '';
  return section('personas', t('reportPersonas'), html`<p>${t('reportPersonasIntro')}</p>\n${single}${table}`);
}
