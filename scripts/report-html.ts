import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AuditExport } from '@/lib/model/export';
import { createPresent, type Translate, translatorOf } from '@/lib/present';
import { buildReport } from '@/lib/report/build-report';
import { renderReportHtml } from '@/lib/report/html/render';

// `tsx scripts/report-html.ts <export.json> [en|es] [out.html]`: the HTML report of an audit export,
// as the panel writes it, for checking the report outside the extension (a browser, axe, print).

/** One locale file's words (a key it lacks shows as itself). */
function translator(lang: string): Translate {
  const file = new URL(`../public/_locales/${lang}/messages.json`, import.meta.url);
  return translatorOf(JSON.parse(readFileSync(file, 'utf8')), (key) => key);
}

const [input, lang = 'en', out] = process.argv.slice(2);
if (!input || !['en', 'es'].includes(lang)) {
  console.error('Usage: tsx scripts/report-html.ts <export.json> [en|es] [out.html]');
  process.exit(2);
}
const file = AuditExport.parse(JSON.parse(readFileSync(input, 'utf8')));
const t = translator(lang);
const started = performance.now();
const page = renderReportHtml(buildReport(file), file, { t, present: createPresent({ locale: () => lang, t }), lang });
const target = out ?? `${input.replace(/\.json$/, '')}.${lang}.html`;
writeFileSync(target, page);
const ms = Math.round(performance.now() - started);
console.log(`${path.relative('.', target)}: ${Math.round(page.length / 1000)} kB in ${ms} ms`);
