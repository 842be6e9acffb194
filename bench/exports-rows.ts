/** The printed rows of part G (bench/exports.ts): the generated audit imported and exported in the panel. */
import { type ExportsRun, FORMATS, type Format } from './exports';
import { LONG_TASK_MS, type TaskFigures } from './panel-tasks';
import { kB, type Row, section } from './report';
import { median } from './stats';

/** The issue's bounds: each export under 2 s, no panel task over 50 ms while it runs. */
export const EXPORT_TARGET = { wallMs: 2000, taskMs: LONG_TASK_MS };

const LABEL: Record<Format, string> = {
  html: 'HTML report (read from the shown report, rendered, sized)',
  json: 'JSON (everything)',
  csv: 'CSV (tags and touchpoints: 2 files)',
  markdown: 'Markdown',
};

const ms = (x: number) => (Number.isNaN(x) ? '?' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const worst = (runs: TaskFigures[]) => Math.max(...runs.map((r) => r.longestTaskMs));
const longCount = (runs: TaskFigures[]) => runs.reduce((n, r) => n + r.longTasks, 0);

/** Two rows per action: wall time (median over repetitions), then the longest panel task (worst repetition). */
function actionRows(label: string, runs: TaskFigures[], targets: boolean): Row[] {
  const wall = median(runs.map((r) => r.wallMs));
  const longest = worst(runs);
  const n = runs.length;
  return [
    {
      figure: `  ${label}: wall ms${n > 1 ? ` (median of ${n}, min–max)` : ''}`,
      value:
        n > 1
          ? `${ms(wall)} (${ms(Math.min(...runs.map((r) => r.wallMs)))}–${ms(Math.max(...runs.map((r) => r.wallMs)))})`
          : ms(wall),
      ...(targets ? { target: `< ${EXPORT_TARGET.wallMs} ms`, pass: wall < EXPORT_TARGET.wallMs } : {}),
    },
    {
      figure: `    longest panel task ms (tasks over ${LONG_TASK_MS} ms; busy ms, median)`,
      value: `${ms(longest)} (${longCount(runs)}; ${ms(median(runs.map((r) => r.busyMs)))})`,
      ...(targets ? { target: `<= ${EXPORT_TARGET.taskMs} ms`, pass: longest <= EXPORT_TARGET.taskMs } : {}),
    },
  ];
}

/** Whether every export stayed within both bounds (the import is reported, without a bound of its own). */
export const exportsPass = (g: ExportsRun) =>
  FORMATS.every(
    (f) =>
      median(g.exports[f].map((r) => r.wallMs)) < EXPORT_TARGET.wallMs && worst(g.exports[f]) <= EXPORT_TARGET.taskMs,
  );

export function exportsRows(g: ExportsRun): Row[] {
  const c = g.file.contents;
  const rows: Row[] = [
    section(
      `G. generated audit (bench/big-audit.ts) imported and exported in the panel; ${g.exports.html.length} repetitions of each export`,
    ),
    {
      figure: '  file: size; walks, recorded minutes, steps, tags (with screenshots)',
      value: `${kB(g.file.bytes)}; ${c.walks}, ${c.recordedMinutes}, ${c.steps}, ${c.tags} (${c.screenshots})`,
    },
    {
      figure: '  file: page loads, chunks, rrweb events, recording raw / stored',
      value: `${c.pageLoads}, ${c.chunks}, ${c.events}, ${kB(c.rawRecordingBytes)} / ${kB(c.storedRecordingBytes)}`,
    },
    ...actionRows('import (pick to outcome shown; the worker writes)', [g.import], false),
    ...actionRows('import the same file again (nothing changes)', [g.reimport], false),
    ...actionRows('Report view opened (audit read, report built and shown)', [g.view], false),
  ];
  for (const f of FORMATS) rows.push(...actionRows(LABEL[f], g.exports[f], true));
  rows.push(
    ...actionRows('  then Save the report (download)', g.htmlSave, false),
    ...actionRows('Audit view Export audit (JSON read again from the database)', g.auditExport, true),
    section('  files written'),
    ...Object.entries(g.bytes).map(([name, b]) => ({ figure: `    ${name.replace(/^-/, '')}`, value: kB(b) })),
  );
  return rows;
}
