import type { Category } from '@/lib/model/tag';
import type { AuditExport } from '@/lib/model/export';
import type { Reaudit } from '@/lib/model/reaudit';
import type { Report } from '@/lib/model/report';
import { type Present, pluralCategory, type Translate } from '@/lib/present';
import { buildReport, type ReportOptions } from '@/lib/report/build-report';
import { divergencesSection, frictionsSection, NONE, touchpointsSection } from '@/lib/report/markdown-tables';
import { mdLink, mdTable, mdText } from '@/lib/report/markdown-text';
import { reauditMarkdown } from '@/lib/report/reaudit-markdown';

export { TOP_FRICTIONS } from '@/lib/report/markdown-tables';

/**
 * The report as Markdown to paste into a wiki or an issue tracker (GitHub Flavored Markdown: its
 * tables): summary figures, personas and their goals, the top frictions, the confirmed divergences
 * and the touchpoint table. Every word comes from `t`/`present`; every name and text from the file
 * goes through mdText/mdLink (lib/report/markdown-text.ts), so a page's text never becomes markup
 * and no link but an http(s) one is written. Pure.
 */

export function reportMarkdown(
  report: Report,
  categories: readonly Category[],
  present: Present,
  t: Translate,
  /** The comparison with another audit shown in the panel, if any: a last section. */
  comparison?: Reaudit | null,
): string {
  const { summary } = report;
  const p = present;
  const md = (s: string) => mdText(s);
  const mean = (v: number | null) => (v === null ? NONE : p.score(v));
  const ratings = (n: number) =>
    t(pluralCategory(n, p.locale()) === 'one' ? 'reportRatings_one' : 'reportRatings_other', p.count(n));
  const sections: string[] = [];

  // Title and what the audit covered.
  sections.push(`# ${t('mdTitle', md(summary.audit.name))}`);
  const meta = [
    summary.audit.company ? t('mdCompany', md(summary.audit.company)) : '',
    t('mdSite', mdLink(summary.site.origin)),
    summary.period ? t('mdPeriod', [md(p.dateTime(summary.period.from)), md(p.dateTime(summary.period.to))]) : '',
    summary.auditors.length ? t('mdAuditors', md(p.list(summary.auditors.map((a) => a.name || t('mdNoAuditor'))))) : '',
  ];
  sections.push(
    meta
      .filter(Boolean)
      .map((line) => `- ${line}`)
      .join('\n'),
  );

  // Summary figures.
  const { ces, csat, nps, counts } = summary;
  const signed = (n: number) => (n > 0 ? '+' : '') + p.decimal(n);
  sections.push(`## ${md(t('reportSummary'))}`);
  sections.push(
    mdTable(
      [md(t('mdMeasure')), md(t('factValue'))],
      [
        [
          md(t('mdCes')),
          ces.mean === null ? md(t('csatNone')) : md(t('mdCesValue', [p.score(ces.mean), ratings(ces.count)])),
        ],
        [
          md(t('mdCsat')),
          csat.mean === null
            ? md(t('csatNone'))
            : md(t('mdCsatValue', [p.score(csat.mean), p.percent(csat.share ?? 0), ratings(csat.count)])),
        ],
        [
          md(t('mdNps')),
          nps.score === null
            ? md(t('mdNoAnswer'))
            : md(
                t('mdNpsValue', [
                  signed(nps.score),
                  p.count(nps.answered),
                  p.count(nps.walks),
                  p.count(nps.promoters),
                  p.count(nps.detractors),
                ]),
              ),
        ],
        [md(t('panelWalksList')), p.count(counts.walks)],
        [md(t('mdCountTouchpoints')), p.count(counts.touchpoints)],
        [md(t('replayTags')), p.count(counts.tags)],
        [md(t('reportCountFrictions')), p.count(counts.frictions)],
        [md(t('reportCountDivergences')), p.count(counts.confirmedDivergences)],
        [md(t('reportCountMoments')), p.count(counts.momentsOfTruth)],
      ],
    ),
  );

  // Personas: their job, their goal, and whether they got it.
  if (summary.personas.length) {
    sections.push(`### ${md(t('panelPersonasHeading'))}`);
    sections.push(
      mdTable(
        (
          [
            'replayColPersona',
            'panelJobToBeDone',
            'panelGoal',
            'mdColGoalAchieved',
            'panelWalksList',
            'mdColCes',
          ] as const
        ).map((k) => md(t(k))),
        summary.personas.map((x) => {
          const g = x.goalAchieved;
          const achieved = g.verdict
            ? t('mdGoalCounts', [p.goal(g.verdict), p.count(g.yes), p.count(g.partly), p.count(g.no)])
            : t('mdGoalUnknown');
          return [md(x.name), md(x.jobToBeDone), md(x.goal), md(achieved), p.count(x.walkIds.length), mean(x.ces.mean)];
        }),
      ),
    );
  }

  const words = { p, t };
  sections.push(...frictionsSection(report, categories, words));
  sections.push(...divergencesSection(report, words));
  sections.push(...touchpointsSection(report, words));
  if (comparison) sections.push(...reauditMarkdown(comparison, p, t));

  sections.push(md(t('mdFooter', p.dateTime(report.exportedAt))));
  return `${sections.join('\n\n')}\n`;
}

/** The Markdown summary of an export file: its report (lib/report/build-report.ts), worded. */
export function auditMarkdown(file: AuditExport, present: Present, t: Translate, opts: ReportOptions = {}): string {
  return reportMarkdown(buildReport(file, opts), file.audit.categories, present, t);
}
