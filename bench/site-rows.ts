/**
 * The printed rows of H and I (bench/site-walks.ts), their targets from issue 15, and each row
 * run alone (`BENCH_ONLY=H`, `BENCH_ONLY=I`, written to bench-output/results-<row>.json).
 * Env: BENCH_SITE_PAGES (H's pages, default 24), BENCH_LONG_VISITS (I's visits, default 300),
 * BENCH_LONG_SETTLE_MS (I: quiet time on each page once it records, default 100; issue 15's targets
 * for I: the panel's ms per visit over the last 25 visits within 1.5x of the first 25's, and the
 * walk's Export audit under 2 s),
 * BENCH_EXPORT_REPS (I's exports, default 3).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { LONG_TASK_MS, type TaskFigures } from './panel-tasks';
import { formatTable, kB, type Row, section } from './report';
import { ADMIN_PAGES } from './admin-site';
import { type LongWalkRun, runLongWalk, runStoredPerVisit, type StoredPerVisitRun, WINDOW_VISITS } from './site-walks';
import { median } from './stats';

/**
 * Stored bytes per page visit on H's walk measured on 2026-12-05, before issue 15's work: the
 * target is at most half of it ("store a page once"). Measured again by every run, never edited
 * to follow a run.
 */
export const H_BASELINE_BYTES_PER_VISIT = 51_588;
export const SITE_TARGET = {
  storedPerVisit: H_BASELINE_BYTES_PER_VISIT / 2,
  lastOverFirst: 1.5,
  exportWallMs: 2000,
};

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v >= 0 ? v : fallback;
};
export const SITE_PAGES = envInt('BENCH_SITE_PAGES', 24);
export const LONG_VISITS = envInt('BENCH_LONG_VISITS', 300);
const LONG_SETTLE_MS = envInt('BENCH_LONG_SETTLE_MS', 100);
const EXPORT_REPS = Math.max(1, envInt('BENCH_EXPORT_REPS', 3));

const ms = (x: number) => (Number.isNaN(x) ? '?' : x < 10 ? x.toFixed(1) : x.toFixed(0));

export function storedPerVisitRows(h: StoredPerVisitRun): Row[] {
  const s = h.storage;
  return [
    section(
      `H. a walk of ${h.visits} pages of one site sharing 3 stylesheets and fonts (${kB(h.sharedCssBytes)} of CSS; bench/shared-site.ts)`,
    ),
    { figure: '  rrweb events; chunks; page loads recorded', value: `${s.eventCount}; ${s.chunks}; ${s.recorders}` },
    { figure: '  raw rrweb JSON per page visit', value: kB(h.rawBytesPerVisit) },
    {
      figure: '  stored bytes per page visit (stored / raw)',
      value: `${kB(h.storedBytesPerVisit)} (${s.storedToRaw.toFixed(3)})`,
      ...(SITE_TARGET.storedPerVisit > 0
        ? {
            target: `<= ${kB(SITE_TARGET.storedPerVisit)} (half of ${kB(H_BASELINE_BYTES_PER_VISIT)})`,
            pass: storedPerVisitPass(h),
          }
        : {}),
    },
    {
      figure: '    of which stylesheets stored once for the walk (texts)',
      value: `${kB(s.assetBytes)} (${s.assets})`,
    },
    // Both are what IndexedDB holds (chunks + stylesheet records, summed from the stores); the
    // walk's own total must agree, or the panel's size figures do not count what is stored.
    ...(s.walkStoredBytes !== s.storedBytes
      ? [{ figure: '    MISMATCH: the walk counts stored bytes', value: kB(s.walkStoredBytes), pass: false }]
      : []),
  ];
}

export const storedPerVisitPass = (h: StoredPerVisitRun) => h.storedBytesPerVisit <= SITE_TARGET.storedPerVisit;
export const longWalkRatio = (i: LongWalkRun) => i.lastMsPerVisit / i.firstMsPerVisit;
const exportWall = (i: LongWalkRun) => median(i.exports.map((r) => r.wallMs));
export const longWalkPass = (i: LongWalkRun) =>
  longWalkRatio(i) <= SITE_TARGET.lastOverFirst && exportWall(i) < SITE_TARGET.exportWallMs;
const windowRow = (label: string, t: TaskFigures, perVisit: number): Row => ({
  figure: `  panel main-thread ms per visit, ${label} (longest task; tasks over ${LONG_TASK_MS} ms)`,
  value: `${ms(perVisit)} (${ms(t.longestTaskMs)}; ${t.longTasks})`,
});

export function longWalkRows(i: LongWalkRun): Row[] {
  const n = i.exports.length;
  return [
    section(
      `I. a long walk of ${i.visits} visits of a ${ADMIN_PAGES}-page admin template (bench/admin-site.ts; ${(i.walkSeconds / 60).toFixed(1)} min, ${i.settleMs} ms on each page once recorded), panel open (${i.panelVisibility})`,
    ),
    windowRow(`the ${WINDOW_VISITS} visits after the start page`, i.first, i.firstMsPerVisit),
    windowRow(`the last ${WINDOW_VISITS} visits`, i.last, i.lastMsPerVisit),
    {
      figure: `    per window of ${WINDOW_VISITS} visits, in walk order`,
      value: i.windowMsPerVisit.map((x) => x.toFixed(0)).join(' '),
    },
    {
      figure: `    longest panel task during the walk (tasks over ${LONG_TASK_MS} ms)`,
      value: `${ms(Math.max(...i.windows.map((w) => w.longestTaskMs)))} (${i.windows.reduce((a, w) => a + w.longTasks, 0)})`,
    },
    {
      figure: '  last / first',
      value: `${longWalkRatio(i).toFixed(2)}x`,
      target: `<= ${SITE_TARGET.lastOverFirst}x`,
      pass: longWalkRatio(i) <= SITE_TARGET.lastOverFirst,
    },
    {
      figure: `  Audit view Export audit of that walk: wall ms${n > 1 ? ` (median of ${n})` : ''}; file`,
      value: `${ms(exportWall(i))}; ${kB(i.exportBytes)}`,
      target: `< ${SITE_TARGET.exportWallMs} ms`,
      pass: exportWall(i) < SITE_TARGET.exportWallMs,
    },
    {
      figure: `    longest panel task ms (tasks over ${LONG_TASK_MS} ms)`,
      value: `${ms(Math.max(...i.exports.map((r) => r.longestTaskMs)))} (${i.exports.reduce((a, r) => a + r.longTasks, 0)})`,
    },
  ];
}

export const runH = (extension: string, log: (m: string) => void) => runStoredPerVisit(extension, SITE_PAGES, log);
export const runI = (extension: string, log: (m: string) => void) =>
  runLongWalk(extension, { visits: LONG_VISITS, settleMs: LONG_SETTLE_MS, exportReps: EXPORT_REPS }, log);

/** Row H or I alone: its table and bench-output/results-<row>.json. */
export async function onlySiteRow(
  row: 'H' | 'I',
  o: { extension: string; out: string; log: (m: string) => void; started: number },
): Promise<void> {
  o.log(
    row === 'H'
      ? `bench, row H only: ${SITE_PAGES} pages sharing stylesheets`
      : `bench, row I only: ${LONG_VISITS} page visits`,
  );
  const figures = row === 'H' ? await runH(o.extension, o.log) : await runI(o.extension, o.log);
  const rows = row === 'H' ? storedPerVisitRows(figures as StoredPerVisitRun) : longWalkRows(figures as LongWalkRun);
  console.log(`\n${formatTable(rows)}`);
  await mkdir(o.out, { recursive: true });
  const file = path.join(o.out, `results-${row}.json`);
  const results = {
    when: new Date().toISOString(),
    config: { sitePages: SITE_PAGES, longVisits: LONG_VISITS, longSettleMs: LONG_SETTLE_MS, exportReps: EXPORT_REPS },
    machine: { load: loadavg()[0] ?? 0 },
    targets: SITE_TARGET,
    [row]: figures,
    elapsedSeconds: Math.round((Date.now() - o.started) / 1000),
  };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  o.log(`results written to ${file}`);
}
