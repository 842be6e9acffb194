import type { AuditExport } from '@/lib/model/export';
import type { Reaudit } from '@/lib/model/reaudit';
import type { Report } from '@/lib/model/report';
import type { Present, Translate } from '@/lib/present';
import { type Html, html, link } from '@/lib/report/html/escape';
import { documentFrame } from '@/lib/report/html/frame';
import { htmlContext, type HtmlContext } from '@/lib/report/html/render-context';
import { agreementSection } from '@/lib/report/html/sections/agreement';
import { consistencySection } from '@/lib/report/html/sections/consistency';
import { frictionsSection } from '@/lib/report/html/sections/frictions';
import { journeySection } from '@/lib/report/html/sections/journey';
import { personasSection } from '@/lib/report/html/sections/personas';
import { reauditSection } from '@/lib/report/html/sections/reaudit';
import { summarySection } from '@/lib/report/html/sections/summary';
import { touchpointsSection } from '@/lib/report/html/sections/touchpoints';

export interface ReportHtmlOptions {
  /** The words and formats: the panel passes its own (`present`, `t` of lib/i18n), tests a locale file's. */
  present: Present;
  t: Translate;
  /** The document's language, the one `present` and `t` speak (`en`, `es`). */
  lang: string;
  /**
   * Embed the report model as a JSON block (never executed) for tools that read the figures back.
   * Default true; the screenshots are in the sections, not in it.
   */
  embedData?: boolean;
  /** The comparison with another audit shown in the panel, if any: a last section (point 8). */
  comparison?: Reaudit | null;
}

/** The sections in reading order, with the ids the contents link to. */
const SECTIONS: readonly { id: string; render: (ctx: HtmlContext) => Html }[] = [
  { id: 'summary', render: summarySection },
  { id: 'journey', render: journeySection },
  { id: 'touchpoints', render: touchpointsSection },
  { id: 'consistency', render: consistencySection },
  { id: 'frictions', render: frictionsSection },
  { id: 'personas', render: personasSection },
  { id: 'agreement', render: agreementSection },
];

function header(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const s = ctx.r.summary;
  const item = (label: string, value: Html | string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const meta = [
    s.audit.company ? item(t('panelCompany'), s.audit.company) : '',
    item(t('reportSite'), link(s.audit.startUrl, s.site.origin || s.audit.startUrl)),
    s.period
      ? item(t('reportPeriod'), t('reportPeriodRange', [p.dateTime(s.period.from), p.dateTime(s.period.to)]))
      : '',
    item(
      t('reportColAuditors'),
      s.auditors.length ? p.list(s.auditors.map((a) => ctx.auditor(a.name))) : t('replayNone'),
    ),
    item(t('reportGenerated'), p.dateTime(ctx.r.generatedAt)),
  ];
  return html`<header class="report-header">
<p class="eyebrow">${t('reportEyebrow')}</p>
<h1>${s.audit.name}</h1>
<dl class="meta">${meta}</dl>
</header>`;
}

function contents(ctx: HtmlContext, headings: Record<string, string>): Html {
  const items = Object.entries(headings).map(([id, h]) => html`<li><a href="#${id}">${h}</a></li>`);
  return html`<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${ctx.t('reportContents')}</h2><ol>${items}</ol></nav>`;
}

/**
 * The report as one self-contained HTML document: inline CSS and SVG, no script, a strict
 * Content-Security-Policy, every page-derived string escaped (lib/report/html/escape.ts). Pure:
 * the panel, the CLI and tests call it alike and write the string where they need it.
 */
export function renderReportHtml(report: Report, file: AuditExport, opts: ReportHtmlOptions): string {
  const ctx = htmlContext(report, file, opts.present, opts.t);
  const { t } = ctx;
  const headings: Record<string, string> = {
    summary: t('reportSummary'),
    journey: t('reportJourney'),
    touchpoints: t('reportTouchpoints'),
    consistency: t('consistencyHeading'),
    frictions: t('reportFrictions'),
    personas: t('reportPersonas'),
    agreement: t('reportAgreement'),
  };
  if (opts.comparison) headings.reaudit = t('reauditSection');
  const footer = t('reportFooter', [opts.present.dateTime(report.exportedAt), String(report.schemaVersion)]);
  const body = html`<div class="page">
${header(ctx)}
<main>
${contents(ctx, headings)}
${SECTIONS.map((s) => s.render(ctx))}
${opts.comparison ? reauditSection(ctx, opts.comparison) : ''}
</main>
<footer class="report-footer"><p>${footer}</p></footer>
</div>`;
  return documentFrame({
    lang: opts.lang,
    title: t('reportDocTitle', report.summary.audit.name),
    body,
    generator: 'Touchpoint',
    data: opts.embedData === false ? undefined : report,
  });
}
