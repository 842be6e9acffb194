import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AuditExport } from '@/lib/model/export';
import { createPresent, type MessageKey, type Translate } from '@/lib/present';
import { buildReport } from '@/lib/report/build-report';
import { renderReportHtml } from '@/lib/report/html/render';

// `tsx scripts/report-html.ts <export.json> [en|es] [out.html]`: the HTML report of an audit export,
// as the panel writes it, for checking the report outside the extension (a browser, axe, print).

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** `browser.i18n.getMessage` over one locale file, as Chrome fills placeholders. */
function translator(lang: string): Translate {
  const file = new URL(`../public/_locales/${lang}/messages.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
  return (key: MessageKey, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return key;
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content ? content.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') : whole;
    });
  };
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
