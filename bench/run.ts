/**
 * `npm run bench`: Touchpoint's recording cost against no recording and bare rrweb, side by side in
 * one Chromium with the loopback build, then (F) what reading facts costs the panel and the walked
 * tab. Medians over alternated repetitions (this machine is noisy). Reports, never judges: the exit
 * code is non-zero only when the bench itself failed.
 *
 * Then (G) a generated audit of 3 walks, 60 minutes of recording, 300 steps and 100 tags imported
 * into the panel and exported to each format (bench/exports.ts).
 *
 * Env: BENCH_REPS (default 5), BENCH_WALK_REPS (default 11: a walk takes seconds, and its short
 * pages are the noisiest figure), BENCH_WORKLOAD_MS (default 8000), BENCH_ELEMENTS (default 5000),
 * BENCH_EXTENSION (default .output/chrome-mv3-loopback: another built extension folder to compare),
 * BENCH_EXPORT_REPS (default 3: repetitions of each export in G), BENCH_ONLY=G (row G alone, in
 * about 30 s, written to bench-output/results-G.json; rows A to F share one walk and run
 * together, F alone is bench/facts.ts), BENCH_PROFILE=1 (G: V8's profile of every panel task over
 * 50 ms, its hottest functions printed and kept in the results).
 *
 * Then (H, I: issue 15's baselines, bench/site-walks.ts) stored bytes per page visit on a walk of
 * pages sharing stylesheets, and the panel over a long walk; BENCH_ONLY=H or I runs one alone
 * (its env knobs: bench/site-rows.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSIONS, type Launched, launchChromium } from '../scripts/drive/browser';
import { type FixtureServer, startFixtureServer } from '../scripts/drive/fixture-server';
import { PerfMeter } from './cdp';
import { runExtraction } from './extraction';
import { extractionPass, extractionRows } from './extraction-rows';
import { runExports } from './exports';
import { exportsPass, exportsRows } from './exports-rows';
import { cpuAvailable, otherBrowsers } from './cpu';
import {
  longWalkPass,
  longWalkRows,
  onlySiteRow,
  runH,
  runI,
  storedPerVisitPass,
  storedPerVisitRows,
} from './site-rows';
import { formatTable } from './report';
import { benchOptions, loadRrweb, recordEveryPage, siteBenchOptions } from './rrweb';
import { adoptTab, writeRrwebExtension } from './rrweb-extension';
import {
  type BenchConfig,
  type GeneratedRun,
  MODES,
  type Mode,
  runGenerated,
  runWalk,
  startBenchWalk,
  WALK_MODES,
  type WalkRun,
} from './scenarios';
import { median, rotated, round } from './stats';
import { contentScriptSize, storageFigures } from './storage';
import { floorPass, fmtRun, startAfterLoad, summarise, TARGET, tableRows } from './summary';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-output');
const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const REPS = envInt('BENCH_REPS', 5);
const WALK_REPS = envInt('BENCH_WALK_REPS', 11);
const WORKLOAD_MS = envInt('BENCH_WORKLOAD_MS', 8000);
const ELEMENTS = envInt('BENCH_ELEMENTS', 5000);
const EXTENSION = process.env.BENCH_EXTENSION ? path.resolve(process.env.BENCH_EXTENSION) : EXTENSIONS.loopback;
const EXPORT_REPS = envInt('BENCH_EXPORT_REPS', 3);
const ONLY = process.env.BENCH_ONLY?.trim().toUpperCase() ?? '';

const t0 = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}`);

/** Row G alone (BENCH_ONLY=G): its own browser and panel. */
async function onlyExports(): Promise<void> {
  log(`bench, row G only: ${EXPORT_REPS} repetitions of each export`);
  const profileDir = await mkdtemp(path.join(tmpdir(), 'touchpoint-bench-'));
  const browser = await launchChromium(EXTENSION, { profile: profileDir });
  try {
    const G = await runExports(browser.context, browser.extensionId, EXTENSION, EXPORT_REPS, log);
    console.log(`\n${formatTable(exportsRows(G))}`);
    await mkdir(OUT, { recursive: true });
    const results = {
      when: new Date().toISOString(),
      config: { exportReps: EXPORT_REPS, extension: path.relative(ROOT, EXTENSION) },
      machine: { load: loadavg()[0] ?? 0, otherBrowsers: otherBrowsers(profileDir) },
      G,
      pass: { exports: exportsPass(G) },
      elapsedSeconds: round((Date.now() - t0) / 1000),
    };
    await writeFile(path.join(OUT, 'results-G.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${path.relative(ROOT, path.join(OUT, 'results-G.json'))}`);
  } finally {
    await browser.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (ONLY === 'G') return onlyExports();
  if (ONLY === 'H' || ONLY === 'I') return onlySiteRow(ONLY, { extension: EXTENSION, out: OUT, log, started: t0 });
  if (ONLY !== '') throw new Error(`BENCH_ONLY=${ONLY}: only G, H or I run alone (rows A to F share one walk)`);
  log(`bench: ${REPS} repetitions (${WALK_REPS} of the walk), workload ${WORKLOAD_MS} ms on ${ELEMENTS} elements`);
  const size = await contentScriptSize(ROOT, EXTENSION);
  const rrweb = await loadRrweb(ROOT);
  log(
    `rrweb for the comparison: ${rrweb.file} (global ${rrweb.global}, with the build fix Touchpoint bundles); options ${JSON.stringify(benchOptions())}`,
  );
  log(`row A's rrweb: its defaults with the audit's privacy, ${JSON.stringify(siteBenchOptions())}`);
  let site: FixtureServer | undefined;
  let browser: Launched | undefined;
  // Our own profile directory: it names this browser's renderers in /proc (CPU figures).
  const profileDir = await mkdtemp(path.join(tmpdir(), 'touchpoint-bench-'));
  const cleanup = [profileDir];
  const machine = { loadAtStart: loadavg()[0] ?? 0, loadAtEnd: 0, otherBrowsersAtStart: 0, otherBrowsersAtEnd: 0 };
  try {
    site = await startFixtureServer();
    // Bare rrweb as a minimal extension injects it (bench/rrweb-extension.ts): loaded beside, used in one tab.
    const floorDir = await mkdtemp(path.join(tmpdir(), 'touchpoint-bench-rrweb-ext-'));
    cleanup.push(floorDir);
    const floorId = await writeRrwebExtension(floorDir, rrweb);
    browser = await launchChromium(EXTENSION, { profile: profileDir, alsoLoad: [{ dir: floorDir, id: floorId }] });
    const { context } = browser;
    const c: BenchConfig = {
      site,
      rrweb,
      elements: ELEMENTS,
      workloadMs: WORKLOAD_MS,
      settleMs: 1000,
      walkSettleMs: 400,
      profileDir: cpuAvailable ? profileDir : null,
    };
    machine.otherBrowsersAtStart = otherBrowsers(profileDir);
    if (machine.otherBrowsersAtStart > 0 || machine.loadAtStart > 1.5) {
      log(
        `warning: ${machine.otherBrowsersAtStart} other Chromium instance(s) running, load ${machine.loadAtStart.toFixed(2)}:` +
          ' TaskDuration will be noisy (the CPU figures less so)',
      );
    }

    log('starting one walk through the panel');
    const { panel, walkTab } = await startBenchWalk(browser, 'Bench', site.url(`/generated.html?n=${ELEMENTS}`));

    // Plain tabs (no opener: never part of the walk). Bare rrweb's walk tab records on every page.
    const rrwebWalkTab = await context.newPage();
    await recordEveryPage(rrwebWalkTab, rrweb);
    // And rrweb as the package ships it (without the build fix), reported beside the target.
    const publishedWalkTab = await context.newPage();
    await recordEveryPage(publishedWalkTab, await loadRrweb(ROOT, { published: true }));
    const floorTab = await context.newPage();
    await adoptTab(floorTab, floorId, site.url('/about.html'));
    const meters = {
      none: await PerfMeter.attach(await context.newPage()),
      extension: await PerfMeter.attach(floorTab),
      rrweb: await PerfMeter.attach(await context.newPage()),
      rrwebWalk: await PerfMeter.attach(rrwebWalkTab),
      publishedWalk: await PerfMeter.attach(publishedWalkTab),
      touchpoint: await PerfMeter.attach(walkTab),
    };
    const aMeter: Record<Mode, PerfMeter> = { none: meters.none, rrweb: meters.rrweb, touchpoint: meters.touchpoint };
    const bMeter: Record<Mode, PerfMeter> = { ...aMeter, rrweb: meters.rrwebWalk };

    // Warm-up (JIT, caches) and a check of how CDP counters behave across navigations, per tab.
    const resets: Record<string, boolean> = {};
    for (const [name, meter] of Object.entries(meters)) {
      // The walk tabs' init scripts already record.
      const mode: Mode = ['rrwebWalk', 'publishedWalk', 'extension'].includes(name) ? 'none' : (name as Mode);
      await runGenerated(mode, meter, c, 1500);
      const before = await meter.sample();
      const home = site.url('/index.html');
      resets[name] = await meter.checkResetsOnNavigation(before, async () => {
        await meter.page.goto(home, { waitUntil: 'load' });
      });
      log(`warm-up ${name}: counters ${resets[name] ? 'restart with each document' : 'run on across documents'}`);
    }
    const resetsFor = (m: Mode) => resets[m === 'rrweb' ? 'rrwebWalk' : m] ?? true;
    for (const m of MODES) await runWalk(m, bMeter[m], c, resetsFor(m));
    const publishedWalk = () => runWalk('rrweb', meters.publishedWalk, c, resets.publishedWalk ?? true);
    await publishedWalk();
    const floorWalk = () => runWalk('extension', meters.extension, c, resets.extension ?? true);
    await floorWalk();
    log('warm-up walks done');

    // B before A. Touchpoint's A and B share its walk tab (one walk), while bare rrweb's and the
    // floor's B tabs never run A: measured after A, Touchpoint's light walk ran in a renderer that
    // had just held five 5,000-element pages under an 8 s workload, beside a panel still reading
    // them (about 0.6 s of its main thread each, row F1). Its script time was 77-101 ms a walk
    // against 55-72 ms before A, and its task time 1.16x the floor's (1.05x before A).
    const bRuns: Record<Mode, WalkRun[]> = { none: [], rrweb: [], touchpoint: [] };
    const bPublished: WalkRun[] = [];
    const bFloor: WalkRun[] = [];
    for (let rep = 0; rep < WALK_REPS; rep++) {
      for (const m of rotated(WALK_MODES, rep)) {
        if (m === 'extension') {
          const r = await floorWalk();
          bFloor.push(r);
          log(`B ${rep + 1}/${WALK_REPS} rrweb as an extension ${fmtRun(r)}`);
          continue;
        }
        const r = await runWalk(m, bMeter[m], c, resetsFor(m));
        bRuns[m].push(r);
        log(`B ${rep + 1}/${WALK_REPS} ${m.padEnd(10)} ${fmtRun(r)} over ${r.pages.length} pages`);
      }
      const r = await publishedWalk();
      bPublished.push(r);
      log(`B ${rep + 1}/${WALK_REPS} rrweb as published ${fmtRun(r)}`);
    }

    const aRuns: Record<Mode, GeneratedRun[]> = { none: [], rrweb: [], touchpoint: [] };
    for (let rep = 0; rep < REPS; rep++) {
      for (const m of rotated(MODES, rep)) {
        const r = await runGenerated(m, aMeter[m], c);
        aRuns[m].push(r);
        const extra = r.snapshotMs !== undefined ? `, record() ${r.snapshotMs.toFixed(0)} ms, ${r.events} events` : '';
        log(`A ${rep + 1}/${REPS} ${m.padEnd(10)} ${fmtRun(r)}${extra}`);
      }
    }
    machine.loadAtEnd = loadavg()[0] ?? 0;
    machine.otherBrowsersAtEnd = otherBrowsers(profileDir);
    log('ending the walk and reading IndexedDB');
    await panel.endWalk();
    const storage = await storageFigures(panel.page);
    log('F: facts read in the panel (an audit for the generated page, one for the fixture walk)');
    const F = await runExtraction(panel, c, REPS);
    // G in a panel of its own: extension pages share one main thread, and F's would work beside it.
    await panel.page.close();
    log('G: the generated audit imported and exported in the panel');
    const G = await runExports(context, browser.extensionId, EXTENSION, EXPORT_REPS, log);
    await browser.close();
    log('H: a walk of pages sharing stylesheets, in a browser of its own');
    const H = await runH(EXTENSION, log);
    log('I: a long walk with the panel open, in a browser of its own');
    const I = await runI(EXTENSION, log);
    const A = summarise(aRuns);
    const B = summarise(bRuns);
    const tpEvents = aRuns.touchpoint.map((r) => storage.eventsByUrl[r.url] ?? 0);
    // A ratio of Touchpoint's cost means nothing if it recorded nothing (a URL kept differently,
    // a page outside the audit's origins): say so rather than print a flattering figure.
    if (tpEvents.some((n) => n < 10)) {
      throw new Error(`Touchpoint stored too few events on some A runs: ${tpEvents.join(', ')}`);
    }
    const snapshotMs = median(aRuns.rrweb.map((r) => r.snapshotMs ?? Number.NaN));
    const rows = tableRows({
      A,
      B,
      bRuns,
      bPublished,
      bFloor,
      aRuns,
      tpEvents,
      snapshotMs,
      storage,
      size,
      elements: ELEMENTS,
      workloadMs: WORKLOAD_MS,
    });
    console.log(
      `\n${formatTable([...rows, ...extractionRows(F, ELEMENTS), ...exportsRows(G), ...storedPerVisitRows(H), ...longWalkRows(I)])}`,
    );
    console.log(
      '(kB = 1000 bytes; paired = median of per-repetition ratios; CPU = the tab renderer main thread, from /proc;' +
        ` machine load ${machine.loadAtStart.toFixed(2)} -> ${machine.loadAtEnd.toFixed(2)},` +
        ` other Chromium instances ${machine.otherBrowsersAtStart} -> ${machine.otherBrowsersAtEnd})`,
    );

    await mkdir(OUT, { recursive: true });
    const results = {
      when: new Date().toISOString(),
      config: {
        reps: REPS,
        walkReps: WALK_REPS,
        workloadMs: WORKLOAD_MS,
        elements: ELEMENTS,
        exportReps: EXPORT_REPS,
        settleMs: c.settleMs,
        walkSettleMs: c.walkSettleMs,
      },
      rrwebBuild: rrweb.file,
      recordOptions: benchOptions(),
      aRrwebOptions: siteBenchOptions(),
      cdpCountersRestartPerDocument: resets,
      machine,
      targets: TARGET,
      A: { summary: A, runs: aRuns },
      B: { summary: B, runs: bRuns, rrwebAsPublished: bPublished, rrwebAsExtension: bFloor },
      C: {
        snapshotMsMedian: round(snapshotMs, 2),
        snapshotMs: aRuns.rrweb.map((r) => r.snapshotMs),
        startMsMedian: Object.fromEntries(MODES.map((m) => [m, round(median(aRuns[m].map((r) => r.startMs)))])),
      },
      D: { ...storage, touchpointEventsPerARun: tpEvents },
      E: size,
      F,
      G,
      H,
      I,
      pass: {
        A: A.task.tpOverRrweb <= TARGET.aOverRrweb && A.cpu.tpOverRrweb <= TARGET.aOverRrweb,
        startAfterLoad: startAfterLoad(aRuns).pass,
        BOverExtension: floorPass(bRuns.touchpoint, bFloor),
        storedToRaw: storage.storedToRaw <= TARGET.storedToRaw,
        gzip: size.gzipBytes <= TARGET.gzipBytes,
        pageMainThreadWhileReadingFacts: extractionPass(F),
        exports: exportsPass(G),
        storedPerVisit: storedPerVisitPass(H),
        longWalk: longWalkPass(I),
      },
      elapsedSeconds: round((Date.now() - t0) / 1000),
    };
    await writeFile(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${path.relative(ROOT, path.join(OUT, 'results.json'))}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await site?.close().catch(() => undefined);
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error('bench failed:', e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
