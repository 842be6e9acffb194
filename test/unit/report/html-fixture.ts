import { words } from '@/test/unit/support/i18n';
export { words };
import type { AuditExport } from '@/lib/model/export';
import type { Report } from '@/lib/model/report';
import { buildReport } from '@/lib/report/build-report';
import { renderReportHtml } from '@/lib/report/html/render';
import { makeExport } from './make-export';

/** A 1×1 PNG. */
export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The model's export, its screenshots made real PNGs (the model's fixture holds placeholder bytes). */
export function cleanExport(): AuditExport {
  const file = makeExport();
  for (const w of file.walks) for (const tag of w.tags) if (tag.screenshot) tag.screenshot.data = PNG;
  return file;
}

export const HOSTILE = {
  img: '<img src=x onerror="globalThis.__pwned=1">',
  script: '</script><script>globalThis.__pwned=1</script>',
  quote: `"><svg onload="globalThis.__pwned=1">`,
  apos: `' onmouseover='globalThis.__pwned=1`,
  jsUrl: 'javascript:globalThis.__pwned=1',
  dataUrl: 'data:text/html,<script>globalThis.__pwned=1</script>',
} as const;

/**
 * The same audit with a payload in every string the report shows that a page or a person wrote:
 * audit and company, personas, auditors, touchpoints, tag notes, page titles, element names, URLs,
 * facts' titles, URLs and raw text, and (after the build, as the comparison normalises values) a
 * divergence's values; one screenshot claims to be SVG.
 */
export function hostileReport(): { file: AuditExport; report: Report } {
  const file = cleanExport();
  const h = HOSTILE;
  file.audit.name = `${h.img} audit`;
  file.audit.company = h.script;
  for (const p of file.personas) {
    p.name = `${h.quote}${p.name}`;
    p.jobToBeDone = h.apos;
    p.goal = h.img;
    p.segment = h.script;
  }
  for (const tp of file.touchpoints) tp.name = `${h.img}${tp.name}`;
  for (const w of file.walks) {
    w.auditorName = `${h.apos}${w.auditorName}`;
    for (const s of w.steps) s.title = h.script;
    for (const tag of w.tags) {
      tag.note = `${h.script}\n${h.img}`;
      tag.pageTitle = h.quote;
      tag.url = h.jsUrl;
      tag.target = { kind: 'button', name: h.quote };
    }
    for (const f of w.facts) {
      f.title = h.img;
      f.url = h.dataUrl;
      for (const fact of f.facts) fact.raw = `${fact.raw} ${h.script}`;
    }
  }
  const svgShot = file.walks.flatMap((w) => w.tags).find((t) => t.screenshot && t.id === 't6');
  if (svgShot?.screenshot) {
    // Past zod: a file edited by hand may say anything here.
    (svgShot.screenshot as { mime: string }).mime = 'image/svg+xml';
    svgShot.screenshot.data = 'PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+';
  }
  const report = buildReport(file);
  const d = report.consistency.divergences[0];
  if (d?.values[0]) d.values[0].value = h.img;
  if (d?.values[1]) d.values[1].value = `${h.quote}${h.apos}`;
  if (d) d.subject = h.script;
  return { file, report };
}

export function render(report: Report, file: AuditExport, lang: 'en' | 'es'): string {
  return renderReportHtml(report, file, { ...words(lang), lang });
}

export function parse(page: string): Document {
  return new DOMParser().parseFromString(page, 'text/html');
}
