/**
 * `npm run bench`: Touchpoint's recording cost against no recording and bare rrweb, side by side in
 * one Chromium with the loopback build. Medians over alternated repetitions (this machine is noisy).
 * Reports, never judges: the exit code is non-zero only when the bench itself failed.
 *
 * Env: BENCH_REPS (default 5), BENCH_WORKLOAD_MS (default 8000), BENCH_ELEMENTS (default 5000).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSIONS, launchChromium, type Launched } from '../test/e2e/support/browser';
import { PanelPage } from '../test/e2e/support/panel';
import { type FixtureServer, startFixtureServer } from '../test/fixtures/server';
import { PerfMeter, type Sample } from './cdp';
import { formatTable, kB, ms, type Row, section, x2 } from './report';
import { benchOptions, loadRrweb, recordEveryPage } from './rrweb';
import {
  type BenchConfig,
  type GeneratedRun,
  MODES,
  type Mode,
  runGenerated,
  runWalk,
  type WalkRun,
} from './scenarios';
import { median, pairedRatio, ratio, rotated, round } from './stats';
import { contentScriptSize, storageFigures } from './storage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-output');
const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const REPS = envInt('BENCH_REPS', 5);
const WORKLOAD_MS = envInt('BENCH_WORKLOAD_MS', 8000);
const ELEMENTS = envInt('BENCH_ELEMENTS', 5000);
const TARGET = { tpOverRrweb: 1.1, storedToRaw: 0.2, gzipBytes: 40_000 };

const t0 = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}`);
const fmt = (s: Sample) => `task ${s.taskMs.toFixed(0)} ms, script ${s.scriptMs.toFixed(0)} ms`;

interface Summary {
  taskMs: Record<Mode, number>;
  scriptMs: Record<Mode, number>;
  tpOverRrweb: number;
  tpOverNone: number;
  rrwebOverNone: number;
  pairedTpOverRrweb: number;
  pairedTpOverNone: number;
}

function summarise(runs: Record<Mode, Sample[]>): Summary {
  const med = (m: Mode, k: keyof Sample) => median(runs[m].map((r) => r[k]));
  const task = { none: med('none', 'taskMs'), rrweb: med('rrweb', 'taskMs'), touchpoint: med('touchpoint', 'taskMs') };
  const script = {
    none: med('none', 'scriptMs'),
    rrweb: med('rrweb', 'scriptMs'),
    touchpoint: med('touchpoint', 'scriptMs'),
  };
  const t = (m: Mode) => runs[m].map((r) => r.taskMs);
  return {
    taskMs: task,
    scriptMs: script,
    tpOverRrweb: ratio(task.touchpoint, task.rrweb),
    tpOverNone: ratio(task.touchpoint, task.none),
    rrwebOverNone: ratio(task.rrweb, task.none),
    pairedTpOverRrweb: pairedRatio(t('touchpoint'), t('rrweb')),
    pairedTpOverNone: pairedRatio(t('touchpoint'), t('none')),
  };
}

function rowsFor(label: string, s: Summary): Row[] {
  const rows: Row[] = [section(label)];
  for (const m of MODES) {
    rows.push({ figure: `  ${m}: TaskDuration (median)`, value: ms(s.taskMs[m]) });
    rows.push({ figure: `  ${m}: ScriptDuration (median)`, value: ms(s.scriptMs[m]) });
  }
  rows.push({
    figure: '  touchpoint / rrweb (TaskDuration)',
    value: `${x2(s.tpOverRrweb)} (paired ${x2(s.pairedTpOverRrweb)})`,
    target: `<= ${TARGET.tpOverRrweb.toFixed(2)}x`,
    pass: s.tpOverRrweb <= TARGET.tpOverRrweb,
  });
  rows.push({
    figure: '  touchpoint / none (TaskDuration)',
    value: `${x2(s.tpOverNone)} (paired ${x2(s.pairedTpOverNone)})`,
  });
  rows.push({ figure: '  rrweb / none (TaskDuration)', value: x2(s.rrwebOverNone) });
  return rows;
}

async function main(): Promise<void> {
  log(`bench: ${REPS} repetitions, workload ${WORKLOAD_MS} ms on generated.html?n=${ELEMENTS}`);
  const size = await contentScriptSize(ROOT);
  const rrweb = await loadRrweb(ROOT);
  log(`rrweb for the comparison: ${rrweb.file} (global ${rrweb.global}); options ${JSON.stringify(benchOptions())}`);
  let site: FixtureServer | undefined;
  let browser: Launched | undefined;
  try {
    site = await startFixtureServer();
    browser = await launchChromium(EXTENSIONS.loopback);
    const { context } = browser;
    const c: BenchConfig = {
      site,
      rrweb,
      elements: ELEMENTS,
      workloadMs: WORKLOAD_MS,
      settleMs: 1000,
      walkSettleMs: 400,
    };

    log('starting one walk through the panel');
    const panel = await PanelPage.open(context, browser.extensionId);
    await panel.createAudit({ name: 'Bench audit', startUrl: site.url(`/generated.html?n=${ELEMENTS}`) });
    await panel.addPersona({ name: 'Bench persona' });
    const walkTab = await panel.startWalk({ persona: 'Bench persona' });

    // Plain tabs (no opener: never part of the walk). Bare rrweb's walk tab records on every page.
    const noneTab = await context.newPage();
    const rrwebTab = await context.newPage();
    const rrwebWalkTab = await context.newPage();
    await recordEveryPage(rrwebWalkTab, rrweb);
    const meters = {
      none: await PerfMeter.attach(noneTab),
      rrweb: await PerfMeter.attach(rrwebTab),
      rrwebWalk: await PerfMeter.attach(rrwebWalkTab),
      touchpoint: await PerfMeter.attach(walkTab),
    };
    const aMeter: Record<Mode, PerfMeter> = { none: meters.none, rrweb: meters.rrweb, touchpoint: meters.touchpoint };
    const bMeter: Record<Mode, PerfMeter> = {
      none: meters.none,
      rrweb: meters.rrwebWalk,
      touchpoint: meters.touchpoint,
    };

    // Warm-up (JIT, caches) and a check of how CDP counters behave across navigations, per tab.
    const resets: Record<string, boolean> = {};
    for (const [name, meter] of Object.entries(meters)) {
      const mode: Mode = name === 'rrwebWalk' ? 'none' : (name as Mode); // its init script already records
      await runGenerated(mode, meter, c, 1500);
      const before = await meter.sample();
      resets[name] = await meter.checkResetsOnNavigation(before, async () => {
        await meter.page.goto(site?.url('/index.html') ?? '', { waitUntil: 'load' });
      });
      log(`warm-up ${name}: counters ${resets[name] ? 'restart with each document' : 'run on across documents'}`);
    }
    for (const m of MODES) await runWalk(m, bMeter[m], c, resets[m === 'rrweb' ? 'rrwebWalk' : m] ?? true);
    log('warm-up walks done');

    const aRuns: Record<Mode, GeneratedRun[]> = { none: [], rrweb: [], touchpoint: [] };
    for (let rep = 0; rep < REPS; rep++) {
      for (const m of rotated(MODES, rep)) {
        const r = await runGenerated(m, aMeter[m], c);
        aRuns[m].push(r);
        const extra = r.snapshotMs !== undefined ? `, record() ${r.snapshotMs.toFixed(0)} ms, ${r.events} events` : '';
        log(`A ${rep + 1}/${REPS} ${m.padEnd(10)} ${fmt(r)}${extra}`);
      }
    }

    const bRuns: Record<Mode, WalkRun[]> = { none: [], rrweb: [], touchpoint: [] };
    for (let rep = 0; rep < REPS; rep++) {
      for (const m of rotated(MODES, rep)) {
        const r = await runWalk(m, bMeter[m], c, resets[m === 'rrweb' ? 'rrwebWalk' : m] ?? true);
        bRuns[m].push(r);
        log(`B ${rep + 1}/${REPS} ${m.padEnd(10)} ${fmt(r)} over ${r.pages.length} pages`);
      }
    }

    log('ending the walk and reading IndexedDB');
    await panel.endWalk();
    const storage = await storageFigures(panel.page);

    const A = summarise(aRuns);
    const B = summarise(bRuns);
    const snapshotMs = median(aRuns.rrweb.map((r) => r.snapshotMs ?? Number.NaN));
    const rows: Row[] = [
      ...rowsFor(`A. generated.html?n=${ELEMENTS}, __workload(${WORKLOAD_MS}), main thread of the tab`, A),
      ...rowsFor('B. fixture walk (home > destinations > Lisbon > quote form > sent), summed over pages', B),
      section('C. full snapshot (bare rrweb)'),
      { figure: `  initial record() on ${ELEMENTS} elements (median)`, value: `${snapshotMs.toFixed(1)} ms` },
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
    ];
    console.log(`\n${formatTable(rows)}\n(kB = 1000 bytes; "paired" = median of per-repetition ratios)`);

    await mkdir(OUT, { recursive: true });
    const results = {
      when: new Date().toISOString(),
      config: {
        reps: REPS,
        workloadMs: WORKLOAD_MS,
        elements: ELEMENTS,
        settleMs: c.settleMs,
        walkSettleMs: c.walkSettleMs,
      },
      rrwebBuild: rrweb.file,
      recordOptions: benchOptions(),
      cdpCountersRestartPerDocument: resets,
      targets: TARGET,
      A: { summary: A, runs: aRuns },
      B: { summary: B, runs: bRuns },
      C: { snapshotMsMedian: round(snapshotMs, 2), snapshotMs: aRuns.rrweb.map((r) => r.snapshotMs) },
      D: storage,
      E: size,
      pass: {
        A: A.tpOverRrweb <= TARGET.tpOverRrweb,
        B: B.tpOverRrweb <= TARGET.tpOverRrweb,
        storedToRaw: storage.storedToRaw <= TARGET.storedToRaw,
        gzip: size.gzipBytes <= TARGET.gzipBytes,
      },
      elapsedSeconds: round((Date.now() - t0) / 1000),
    };
    await writeFile(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${path.relative(ROOT, path.join(OUT, 'results.json'))}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await site?.close().catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error('bench failed:', e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
