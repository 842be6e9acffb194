import type { Category } from '@/lib/model/tag';
import type { Friction, Report, ReportDivergence } from '@/lib/model/report';
import type { Present, Translate } from '@/lib/present';
import { mdLink, mdTable, mdText } from '@/lib/report/markdown-text';

/** The Markdown report's three tables: top frictions, confirmed divergences, touchpoints. Pure. */

/** How many frictions the summary lists; the full list is the HTML report's. */
export const TOP_FRICTIONS = 10;
/** Values shown per divergence; the rest are in the HTML report. */
const VALUES_SHOWN = 5;
export const NONE = '—';

export interface MdWords {
  p: Present;
  t: Translate;
}

const md = (s: string) => mdText(s);
const meanOf = (p: Present, v: number | null) => (v === null ? NONE : p.score(v));

/** The note of the most severe of its tags that has one (the first such in time). */
function noteOf(f: Friction): string {
  let best: Friction['tags'][number] | undefined;
  for (const x of f.tags) if (x.note && (!best || x.severity > best.severity)) best = x;
  return best?.note ?? '';
}

export function frictionsSection(report: Report, categories: readonly Category[], { p, t }: MdWords): string[] {
  const out = [`## ${md(t('reportFrictions'))}`];
  if (report.frictions.length === 0) return [...out, md(t('mdNoFrictions'))];
  const top = report.frictions.slice(0, TOP_FRICTIONS);
  if (report.frictions.length > top.length) {
    out.push(md(t('mdTopOf', [p.count(top.length), p.count(report.frictions.length)])));
  }
  const touchpointName = new Map(report.touchpoints.map((x) => [x.touchpointId, x.name]));
  const category = new Map(categories.map((c) => [c.id, c]));
  const header = (
    [
      'reportColRank',
      'fieldSeverity',
      'fieldCategory',
      'csvElement',
      'reportColTouchpoint',
      'panelWalksList',
      'fieldEffort',
      'reportColAuditors',
      'mdColPage',
      'fieldNote',
    ] as const
  ).map((k) => md(t(k)));
  const rows = top.map((f) => {
    const c = category.get(f.categoryId);
    return [
      p.count(f.rank),
      md(p.severity(f.severity)),
      md(c ? p.category(c) : f.categoryId),
      md(p.target(f.target)),
      md(f.touchpointId ? (touchpointName.get(f.touchpointId) ?? '') : ''),
      p.count(f.walks),
      meanOf(p, f.effort),
      f.auditors.map((a) => md(a || t('mdNoAuditor'))).join(', '),
      mdLink(f.url, f.pageTitle || f.url),
      mdText(noteOf(f), 200),
    ];
  });
  return [...out, mdTable(header, rows)];
}

function divergenceWhat(d: ReportDivergence, p: Present): string {
  const kind = p.pageFactKind(d.kind);
  return d.subject ? `${kind}: ${p.factSubject(d.kind, d.subject)}` : kind;
}

/** `value (3 places); other (1 place)`: values are page text, escaped before they are placed. */
function divergenceValues(d: ReportDivergence, { p, t }: MdWords): string {
  const shown = d.values
    .slice(0, VALUES_SHOWN)
    .map((v) => t('mdValuePlaces', [mdText(v.value, 120), md(p.plural('consistencyPlaces', v.places.length))]));
  return d.values.length > VALUES_SHOWN ? `${shown.join('; ')}; …` : shown.join('; ');
}

export function divergencesSection(report: Report, words: MdWords): string[] {
  const { p, t } = words;
  const out = [`## ${md(t('reportCountDivergences'))}`];
  const list = report.consistency.divergences;
  if (list.length === 0) return [...out, md(t('mdNoDivergences'))];
  const header = [md(t('mdColKind')), md(t('mdColValues')), md(t('fieldSeverity'))];
  const rows = list.map((d) => [md(divergenceWhat(d, p)), divergenceValues(d, words), md(p.severity(d.severity))]);
  return [...out, mdTable(header, rows)];
}

export function touchpointsSection(report: Report, { p, t }: MdWords): string[] {
  const out = [`## ${md(t('reportTouchpoints'))}`];
  if (report.touchpoints.length === 0) return [...out, md(t('mdNoTouchpoints'))];
  const header = (
    [
      'reportColTouchpoint',
      'touchpointChannel',
      'touchpointStage',
      'panelWalksList',
      'mdColMeanTime',
      'mdColCes',
      'mdColCsat',
      'mdColTagsBySeverity',
    ] as const
  ).map((k) => md(t(k)));
  const rows = report.touchpoints.map((r) => [
    md(r.name),
    md(p.channel(r.channel)),
    md(p.stage(r.stage)),
    p.count(r.walks),
    md(p.span(r.meanTimeMs)),
    meanOf(p, r.ces.mean),
    meanOf(p, r.csat.mean),
    r.tagsBySeverity.map((n) => p.count(n)).join(' / '),
  ]);
  return [...out, mdTable(header, rows)];
}
