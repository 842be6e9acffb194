/**
 * Row G of `npm run bench` (issue 13): the generated audit (bench/big-audit.ts: 3 walks, 60
 * minutes of recording, 300 steps, 100 tags) imported into the side panel of the loopback build
 * through its own import (the Audit view's button and the browser's file picker), then its report
 * opened and exported to each format from the Report view's buttons, as an auditor would: HTML
 * (built and sized, then saved), JSON, CSV (two files), Markdown; and the Audit view's Export audit
 * (JSON read from the database again, where the Report view's exports reuse the report it shows).
 * Each action: its wall time in the panel and its main thread's tasks (bench/panel-tasks.ts).
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Download, Page } from '@playwright/test';
import { PanelPage } from '../scripts/drive/panel';
import { AuditExport } from '@/lib/model/export';
import { describeAudit, writeBigAudit } from './big-audit';
import { type Frame, measureInPanel, type TaskFigures } from './panel-tasks';

export const FORMATS = ['html', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** The Report view's buttons (their English names). */
const BUTTON: Record<Format, string> = {
  html: 'HTML report',
  json: 'JSON (everything)',
  csv: 'CSV (tags and touchpoints)',
  markdown: 'Markdown',
};
const FILES: Record<Format, number> = { html: 1, json: 1, csv: 2, markdown: 1 };

export interface ExportsRun {
  file: { bytes: number; generateMs: number; contents: ReturnType<typeof describeAudit> };
  import: TaskFigures;
  /** The same file again: nothing changes. */
  reimport: TaskFigures;
  /** Opening the Report view: the audit read into an export and its report built, then shown. */
  view: TaskFigures;
  exports: Record<Format, TaskFigures[]>;
  /** Saving the HTML report once built (the download). */
  htmlSave: TaskFigures[];
  /** The Audit view's Export audit: the JSON read from the database again. */
  auditExport: TaskFigures[];
  /** Bytes of each file written (first repetition). */
  bytes: Record<string, number>;
}

// Strings: tsx's helpers (__name) do not exist in the page.
export const INSTRUMENT = `(() => {
  if (globalThis.__benchDownloads) return;
  const list = [];
  globalThis.__benchDownloads = list;
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) list.push(this.download);
    return click.call(this);
  };
})()`;
const IMPORT_CARD = 'section[aria-labelledby="import-heading"]';
const OUTCOME = `${IMPORT_CARD} .import-result, ${IMPORT_CARD} [role=alert]`;
export const clickButton = (name: string) =>
  `(() => { globalThis.__benchDownloadsAt = globalThis.__benchDownloads.length;
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === ${JSON.stringify(name)});
    if (!b || b.disabled) throw new Error('no enabled button ' + ${JSON.stringify(name)});
    b.click(); })()`;
export const downloaded = (n: number) =>
  `globalThis.__benchDownloads.length - globalThis.__benchDownloadsAt >= ${n} && !document.querySelector('.rep-progress')`;

/** Imports `file` through the Audit view's picker; resolves with the outcome's text. */
async function importOnce(panel: PanelPage, file: string): Promise<{ figures: TaskFigures; outcome: string }> {
  const p = panel.page;
  await panel.view('Audit');
  const [chooser] = await Promise.all([
    p.waitForEvent('filechooser'),
    p.getByRole('button', { name: 'Import an audit (JSON)' }).click(),
  ]);
  // Over once the progress bar has come and gone, and an outcome shows (the outcomes of a new
  // batch replace the last one's: no count of them tells a new one).
  const bar = `document.querySelector('${IMPORT_CARD} progress')`;
  const done = `(globalThis.__benchBusy ||= Boolean(${bar})) && !${bar} && document.querySelector('${OUTCOME}')`;
  const figures = await measureInPanel(p, {
    act: 'globalThis.__benchBusy = false',
    done,
    before: () => chooser.setFiles(file),
    settleMs: 1000,
  });
  const outcome = (await p.locator(OUTCOME).last().locator('p').allTextContents()).join(' ');
  if ((await p.locator(`${IMPORT_CARD} [role=alert]`).count()) > 0) {
    throw new Error(`the import did not succeed: ${outcome}`);
  }
  return { figures, outcome };
}

/** Sizes of the files the panel hands to downloads, by name. */
type Saved = Map<string, Promise<{ file: string; size: number }>>;
function watchDownloads(page: Page): Saved {
  const saved: Saved = new Map();
  page.on('download', (d: Download) => {
    const name = d.suggestedFilename();
    if (!saved.has(name))
      saved.set(
        name,
        d.path().then(async (file) => ({ file, size: (await stat(file)).size })),
      );
  });
  return saved;
}

/** With BENCH_PROFILE=1: each long task's hottest functions, with a bit of their (minified) code to find them. */
function printProfile(what: string, m: TaskFigures, extensionDir: string, log: (m: string) => void): void {
  const sources = new Map<string, string[]>();
  const code = (f: Frame) => {
    if (!f.file) return '';
    if (!sources.has(f.file)) {
      let lines: string[] = [];
      for (const d of ['chunks', '']) {
        try {
          lines = readFileSync(path.join(extensionDir, d, f.file), 'utf8').split('\n');
          break;
        } catch {
          // another folder
        }
      }
      sources.set(f.file, lines);
    }
    return (sources.get(f.file)?.[f.line] ?? '').slice(f.column, f.column + 80).replace(/\s+/g, ' ');
  };
  for (const t of m.profile ?? []) {
    log(`  ${what}: task of ${t.taskMs.toFixed(0)} ms; total time (function and its callees):`);
    for (const [f, ms] of t.total)
      log(`    ${ms.toFixed(1).padStart(6)} ms  ${f.name} ${f.file}:${f.line}:${f.column}  ${code(f)}`);
    log('    self time:');
    for (const [f, ms] of t.self)
      log(`    ${ms.toFixed(1).padStart(6)} ms  ${f.name} ${f.file}:${f.line}:${f.column}  ${code(f)}`);
  }
}

export async function runExports(
  context: BrowserContext,
  extensionId: string,
  extensionDir: string,
  reps: number,
  log: (m: string) => void,
): Promise<ExportsRun> {
  const profiled = (what: string, m: TaskFigures) => {
    printProfile(what, m, extensionDir, log);
    return m;
  };
  const t0 = Date.now();
  const big = await writeBigAudit();
  const generateMs = Date.now() - t0;
  log(`G: generated audit ${(big.bytes / 1e6).toFixed(2)} MB (${big.file}) in ${generateMs} ms`);
  const panel = await PanelPage.open(context, extensionId);
  const p = panel.page;
  await p.bringToFront();
  const sizes = watchDownloads(p);
  await p.evaluate(INSTRUMENT);
  try {
    const first = await importOnce(panel, big.file);
    profiled('import', first.figures);
    log(`G: import ${first.figures.wallMs.toFixed(0)} ms: ${first.outcome.replace(/\s+/g, ' ')}`);
    const again = await importOnce(panel, big.file);
    log(`G: import again ${again.figures.wallMs.toFixed(0)} ms: ${again.outcome.replace(/\s+/g, ' ')}`);

    // The Report view opens on the imported audit (the panel shows it once imported).
    const tab = `[...document.querySelectorAll('[role=tab]')].find((x) => x.textContent.trim() === 'Report')`;
    const view = profiled(
      'Report view',
      await measureInPanel(p, {
        act: `${tab}.click()`,
        done: `document.querySelector('.rep-part') && !document.querySelector('.rep-progress')`,
        settleMs: 500,
      }),
    );
    log(`G: Report view ${view.wallMs.toFixed(0)} ms, longest task ${view.longestTaskMs.toFixed(0)} ms`);
    const out: ExportsRun['exports'] = { html: [], json: [], csv: [], markdown: [] };
    const htmlSave: TaskFigures[] = [];
    for (let rep = 0; rep < reps; rep++) {
      for (const f of FORMATS) {
        await p.waitForTimeout(300);
        const done = f === 'html' ? `document.querySelector('.rep-ready')` : downloaded(FILES[f]);
        const m = profiled(f, await measureInPanel(p, { act: clickButton(BUTTON[f]), done }));
        out[f].push(m);
        log(
          `G ${rep + 1}/${reps} ${f.padEnd(8)} ${m.wallMs.toFixed(0)} ms, longest task ${m.longestTaskMs.toFixed(0)} ms`,
        );
        if (f === 'html') {
          htmlSave.push(await measureInPanel(p, { act: clickButton('Save the report'), done: downloaded(1) }));
        }
      }
    }
    await panel.view('Audit');
    const auditExport: TaskFigures[] = [];
    for (let rep = 0; rep < reps; rep++) {
      await p.waitForTimeout(300);
      const m = profiled(
        'Export audit',
        await measureInPanel(p, { act: clickButton('Export audit'), done: downloaded(1) }),
      );
      auditExport.push(m);
      log(`G ${rep + 1}/${reps} Export audit ${m.wallMs.toFixed(0)} ms, longest task ${m.longestTaskMs.toFixed(0)} ms`);
    }
    const bytes: Record<string, number> = {};
    for (const [name, file] of sizes) bytes[name.replace(/^touchpoint-.*-\d{4}-\d{2}-\d{2}/, '')] = (await file).size;
    await checkJson(sizes, big.contents);
    return {
      file: { bytes: big.bytes, generateMs, contents: big.contents },
      import: first.figures,
      reimport: again.figures,
      view,
      exports: out,
      htmlSave,
      auditExport,
      bytes,
    };
  } finally {
    await p.close();
  }
}

/** The JSON the panel wrote holds what was imported: the bench measured real work, not an empty audit. */
async function checkJson(saved: Saved, expected: ExportsRun['file']['contents']): Promise<void> {
  const name = [...saved.keys()].find((n) => n.endsWith('.json'));
  const file = name ? await saved.get(name) : undefined;
  if (!file) throw new Error('no JSON was exported');
  const got = describeAudit(AuditExport.parse(JSON.parse(await readFile(file.file, 'utf8'))));
  for (const k of ['walks', 'steps', 'tags', 'screenshots', 'chunks', 'events'] as const) {
    if (got[k] !== expected[k])
      throw new Error(`the exported JSON has ${got[k]} ${k}, the imported file ${expected[k]}`);
  }
}
