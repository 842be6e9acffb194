/** The printed rows of part F (bench/extraction.ts): facts read in the panel, and the walked tab meanwhile. */
import type { Extraction, ExtractionRun } from './extraction';
import { medianOf } from './extraction';
import { type Row, section } from './report';
import { median } from './stats';

/** The issue's bound for the walked page's main thread (0 expected: extraction runs in the panel). */
export const PAGE_MAIN_THREAD_TARGET_MS = 30;

const ms = (x: number) => (Number.isNaN(x) ? '?' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

/** Median wall ms of the read of the page load at `i` (recording order) over the rounds. */
const readMs = (run: ExtractionRun, i: number) => run.rounds.map((r) => r.reads[i]?.ms ?? Number.NaN);

/** Whether the walked tab's main thread stayed under the bound per page read, in F1 and F2. */
export const extractionPass = (f: Extraction) =>
  [f.F1, f.F2].every((run) => medianOf(run, 'tabTaskMs') / run.pages.length < PAGE_MAIN_THREAD_TARGET_MS);

function tabRow(run: ExtractionRun, what: string): Row {
  const loads = run.pages.length;
  const task = medianOf(run, 'tabTaskMs');
  const perPage = task / loads;
  return {
    figure: `  walked tab's main thread during ${what}: Task / CPU ms${loads > 1 ? ' (Task per page)' : ''}`,
    value: `${ms(task)} / ${ms(medianOf(run, 'tabCpuMs'))}${loads > 1 ? ` (${ms(perPage)})` : ''}`,
    target: `< ${PAGE_MAIN_THREAD_TARGET_MS} ms per page`,
    pass: perPage < PAGE_MAIN_THREAD_TARGET_MS,
  };
}

export function extractionRows(f: Extraction, elements: number): Row[] {
  const reps = f.F1.rounds.length;
  const { F1, F2 } = f;
  const big = readMs(F1, 0);
  const rows: Row[] = [
    section(
      `F. facts read in the panel (Recompute, ${reps} rounds, medians; a read = decode + rebuild + extract + anchor)`,
    ),
    section(`F1. generated.html?n=${elements}, alone in its walk; the walked tab stays on it`),
    { figure: '  panel: one read, wall ms (min–max)', value: `${ms(median(big))} (${range(big)})` },
    {
      figure: "  panel's main thread over the read: Task / CPU ms",
      value: `${ms(medianOf(F1, 'panelTaskMs'))} / ${ms(medianOf(F1, 'panelCpuMs'))}`,
    },
    { figure: '  facts read (first round)', value: String(F1.rounds[0]?.reads[0]?.facts ?? '?') },
    tabRow(F1, 'the read'),
    section(`F2. fixture walk (B's pages), every page load of its walk read in turn; the tab stays on the last`),
  ];
  F2.pages.forEach((page, i) => {
    const facts = F2.rounds[0]?.reads[i]?.facts ?? '?';
    rows.push({ figure: `  ${i + 1}. ${page}: wall ms (facts)`, value: `${ms(median(readMs(F2, i)))} (${facts})` });
  });
  rows.push(
    {
      figure: `  panel, all ${F2.pages.length} page loads: wall ms / main thread Task / CPU ms`,
      value: `${ms(medianOf(F2, 'wallMs'))} / ${ms(medianOf(F2, 'panelTaskMs'))} / ${ms(medianOf(F2, 'panelCpuMs'))}`,
    },
    tabRow(F2, 'the reads'),
  );
  return rows;
}
