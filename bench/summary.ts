import type { Sample } from './cdp';
import { kB, type Row, section, x2 } from './report';
import { type GeneratedRun, MODES, type Mode } from './scenarios';
import { median, pairedRatio, ratio } from './stats';
import type { BundleFigures, StorageFigures } from './storage';

/** One measured run of one mode: CDP task and script time, and /proc main-thread CPU time (ms). */
export type Run = Sample & { cpuMs: number };

/**
 * Issue 15: `aOverRrweb` (A) Touchpoint's tab time at most 0.90x bare rrweb's in the page, by
 * TaskDuration and CPU (B's in-page ratio is reported, not a target); `tpOverFloor` (B) the light walk costs no more than bare rrweb as an extension injects
 * it, by TaskDuration and by main-thread CPU; `gzipBytes` (E) the recorder's content script.
 */
export const TARGET = { aOverRrweb: 0.9, storedToRaw: 0.2, gzipBytes: 30_000, tpOverFloor: 1.0 };

type PerMode = Record<Mode, number>;

export interface Ratios {
  tpOverRrweb: number;
  tpOverNone: number;
  rrwebOverNone: number;
  /** Median of per-repetition ratios (runs of one repetition are close in time). */
  pairedTpOverRrweb: number;
  pairedTpOverNone: number;
}

export interface Summary {
  taskMs: PerMode;
  scriptMs: PerMode;
  cpuMs: PerMode;
  task: Ratios;
  cpu: Ratios;
}

const show = (x: number) => (Number.isNaN(x) ? '?' : x.toFixed(0));

export const fmtRun = (r: Run) => `task ${show(r.taskMs)} ms, script ${show(r.scriptMs)} ms, cpu ${show(r.cpuMs)} ms`;

export function summarise(runs: Record<Mode, Run[]>): Summary {
  const med = (k: keyof Run): PerMode => ({
    none: median(runs.none.map((r) => r[k])),
    rrweb: median(runs.rrweb.map((r) => r[k])),
    touchpoint: median(runs.touchpoint.map((r) => r[k])),
  });
  const ratios = (k: keyof Run, m: PerMode): Ratios => {
    const of = (mode: Mode) => runs[mode].map((r) => r[k]);
    return {
      tpOverRrweb: ratio(m.touchpoint, m.rrweb),
      tpOverNone: ratio(m.touchpoint, m.none),
      rrwebOverNone: ratio(m.rrweb, m.none),
      pairedTpOverRrweb: pairedRatio(of('touchpoint'), of('rrweb')),
      pairedTpOverNone: pairedRatio(of('touchpoint'), of('none')),
    };
  };
  const taskMs = med('taskMs');
  const cpuMs = med('cpuMs');
  return { taskMs, scriptMs: med('scriptMs'), cpuMs, task: ratios('taskMs', taskMs), cpu: ratios('cpuMs', cpuMs) };
}

function ratioRows(what: string, r: Ratios, target?: number): Row[] {
  return [
    {
      figure: `  touchpoint / rrweb (${what})`,
      value: `${x2(r.tpOverRrweb)} (paired ${x2(r.pairedTpOverRrweb)})`,
      ...(target === undefined ? {} : { target: `<= ${target.toFixed(2)}x`, pass: r.tpOverRrweb <= target }),
    },
    { figure: `  touchpoint / none (${what})`, value: `${x2(r.tpOverNone)} (paired ${x2(r.pairedTpOverNone)})` },
    { figure: `  rrweb / none (${what})`, value: x2(r.rrwebOverNone) },
  ];
}

/**
 * The table rows of one scenario: medians per mode, then the ratios by TaskDuration and by CPU,
 * marked against `target` when the scenario has one.
 */
export function scenarioRows(label: string, s: Summary, target?: number): Row[] {
  const rows: Row[] = [section(label)];
  for (const m of MODES) {
    rows.push({
      figure: `  ${m}: Task / Script / CPU ms (medians)`,
      value: `${show(s.taskMs[m])} / ${show(s.scriptMs[m])} / ${show(s.cpuMs[m])}`,
    });
  }
  return [...rows, ...ratioRows('TaskDuration', s.task, target), ...ratioRows('main-thread CPU', s.cpu, target)];
}

export interface TableInput {
  A: Summary;
  B: Summary;
  bRuns: Record<Mode, Run[]>;
  /** B's walk with rrweb as the package ships it (without Touchpoint's build fix). */
  bPublished: Run[];
  /** B's walk with bare rrweb injected by a minimal extension (bench/rrweb-extension.ts). */
  bFloor: Run[];
  aRuns: Record<Mode, GeneratedRun[]>;
  /** Events Touchpoint stored for each touchpoint run of A. */
  tpEvents: number[];
  snapshotMs: number;
  storage: StorageFigures;
  size: BundleFigures;
  elements: number;
  workloadMs: number;
}

/**
 * The bare rrweb of the target rows carries the build fix Touchpoint bundles; these rows set
 * Touchpoint beside rrweb as published, which borrows an iframe on every page.
 */
function publishedRows(tp: Run[], published: Run[]): Row[] {
  const med = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
  return [
    {
      figure: '  rrweb as published (no build fix): Task / Script / CPU ms',
      value: `${show(med(published, 'taskMs'))} / ${show(med(published, 'scriptMs'))} / ${show(med(published, 'cpuMs'))}`,
    },
    {
      figure: '  touchpoint / rrweb as published (TaskDuration, CPU)',
      value: `${x2(ratio(med(tp, 'taskMs'), med(published, 'taskMs')))}, ${x2(ratio(med(tp, 'cpuMs'), med(published, 'cpuMs')))}`,
    },
  ];
}

/** Touchpoint over bare rrweb as an extension (B's floor): medians' ratio and paired, by TaskDuration and CPU. */
export function floorRatios(tp: Run[], floor: Run[]) {
  const med = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
  const of = (k: 'taskMs' | 'cpuMs') => ({
    ratio: ratio(med(tp, k), med(floor, k)),
    paired: pairedRatio(
      tp.map((r) => r[k]),
      floor.map((r) => r[k]),
    ),
  });
  return { task: of('taskMs'), cpu: of('cpuMs') };
}

/** Issue 15's B target, by TaskDuration and by CPU (medians' ratio). */
export function floorPass(tp: Run[], floor: Run[]): { task: boolean; cpu: boolean } {
  const r = floorRatios(tp, floor);
  return { task: r.task.ratio <= TARGET.tpOverFloor, cpu: r.cpu.ratio <= TARGET.tpOverFloor };
}

/**
 * What any extension pays before recording anything (an isolated world and an injection on every
 * page): Touchpoint beside bare rrweb injected by a minimal extension, the floor for a recorder
 * that, like Touchpoint, never runs its code in the page's own world.
 */
function floorRows(tp: Run[], floor: Run[], inPage: Run[]): Row[] {
  const med = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
  const r = floorRatios(tp, floor);
  const pass = floorPass(tp, floor);
  const target = `<= ${TARGET.tpOverFloor.toFixed(2)}x`;
  return [
    {
      figure: '  rrweb as an extension injects it: Task / Script / CPU ms',
      value: `${show(med(floor, 'taskMs'))} / ${show(med(floor, 'scriptMs'))} / ${show(med(floor, 'cpuMs'))}`,
    },
    {
      figure: '  rrweb as an extension / rrweb in the page (TaskDuration, CPU)',
      value: `${x2(ratio(med(floor, 'taskMs'), med(inPage, 'taskMs')))}, ${x2(ratio(med(floor, 'cpuMs'), med(inPage, 'cpuMs')))}`,
    },
    {
      figure: '  touchpoint / rrweb as an extension (TaskDuration)',
      value: `${x2(r.task.ratio)} (paired ${x2(r.task.paired)})`,
      target,
      pass: pass.task,
    },
    {
      figure: '  touchpoint / rrweb as an extension (main-thread CPU)',
      value: `${x2(r.cpu.ratio)} (paired ${x2(r.cpu.paired)})`,
      target,
      pass: pass.cpu,
    },
  ];
}

/**
 * What recording costs the page in row A, each mode's time less no recording's: reported beside
 * the target, not as it. The target is on the tab's totals as issue 15 states it; the cost is the
 * part a recorder can change, but the page's own work varies by more than rrweb's whole cost
 * between repetitions, so this ratio is noise at 5 repetitions (it has come out negative).
 */
export function aCost(runs: Record<Mode, Run[]>, k: 'taskMs' | 'cpuMs') {
  const of = (m: Mode) => runs[m].map((r) => r[k]);
  const none = median(of('none'));
  const cost = ratio(median(of('touchpoint')) - none, median(of('rrweb')) - none);
  const paired = pairedRatio(
    of('touchpoint').map((v, i) => v - (of('none')[i] ?? Number.NaN)),
    of('rrweb').map((v, i) => v - (of('none')[i] ?? Number.NaN)),
  );
  return { cost, paired };
}

function aCostRows(runs: Record<Mode, Run[]>): Row[] {
  return (['taskMs', 'cpuMs'] as const).map((k) => {
    const c = aCost(runs, k);
    return {
      figure: `  recording cost (over none), touchpoint / rrweb (${k === 'taskMs' ? 'TaskDuration' : 'main-thread CPU'})`,
      value: `${x2(c.cost)} (paired ${x2(c.paired)})`,
    };
  });
}

/** Issue 15's row C target: Touchpoint's start after load no dearer than bare rrweb's. */
export function startAfterLoad(runs: Record<Mode, GeneratedRun[]>) {
  const start = (m: Mode) => median(runs[m].map((r) => r.startMs));
  return { tp: start('touchpoint'), rrweb: start('rrweb'), pass: start('touchpoint') <= start('rrweb') };
}

/** Every row of the printed table, sections A to E. */
export function tableRows(t: TableInput): Row[] {
  const { storage, size } = t;
  return [
    ...scenarioRows(
      `A. generated.html?n=${t.elements}, __workload(${t.workloadMs}), the tab's main thread (rrweb: its defaults + the audit's privacy)`,
      t.A,
      TARGET.aOverRrweb,
    ),
    ...aCostRows(t.aRuns),
    {
      figure: '  events recorded per run (median): rrweb / touchpoint',
      value: `${median(t.aRuns.rrweb.map((r) => r.events ?? 0))} / ${median(t.tpEvents)}`,
    },
    ...scenarioRows('B. fixture walk (home > destinations > Lisbon > quote form > sent), summed over pages', t.B),
    ...publishedRows(t.bRuns.touchpoint, t.bPublished),
    ...floorRows(t.bRuns.touchpoint, t.bFloor, t.bRuns.rrweb),
    section('C. full snapshot'),
    {
      figure: `  bare rrweb: initial record() on ${t.elements} elements (median)`,
      value: `${t.snapshotMs.toFixed(1)} ms`,
    },
    {
      figure: '  start after load, TaskDuration: none / rrweb / touchpoint',
      value: `${MODES.map((m) => show(median(t.aRuns[m].map((r) => r.startMs)))).join(' / ')} ms`,
      target: 'touchpoint <= rrweb',
      pass: startAfterLoad(t.aRuns).pass,
    },
    section('D. storage of the walk (IndexedDB)'),
    { figure: '  stored bytes per recorded minute', value: `${kB(storage.storedBytesPerMinute)}/min` },
    {
      figure: '  stored / raw bytes',
      value: storage.storedToRaw.toFixed(3),
      target: `<= ${TARGET.storedToRaw.toFixed(2)}`,
      pass: storage.storedToRaw <= TARGET.storedToRaw,
    },
    {
      figure: '  stored, raw, recorded',
      value: `${kB(storage.storedBytes)}, ${kB(storage.rawBytes)}, ${storage.recordedMinutes.toFixed(2)} min`,
    },
    section('E. content script (recorder.js)'),
    {
      figure: '  gzipped (node:zlib, default level)',
      value: kB(size.gzipBytes),
      target: `<= ${kB(TARGET.gzipBytes)}`,
      pass: size.gzipBytes <= TARGET.gzipBytes,
    },
    { figure: '  raw', value: kB(size.rawBytes) },
    { figure: '  overlay.js, injected with it: gzipped', value: kB(size.overlayGzipBytes) },
  ];
}
