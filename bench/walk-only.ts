/**
 * The fixture walk (npm run bench's part B) alone, for one or more built extension folders, to
 * compare builds quickly: `npx tsx bench/walk-only.ts .output/chrome-mv3-loopback other-build/`.
 * Prints medians of task and CPU time per mode, and per page. BENCH_REPS (default 7); CLOSE_PANEL=1
 * closes the panel's tab once the walk has started (what the panel costs the walk's pages).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/drive/browser';
import { startFixtureServer } from '../scripts/drive/fixture-server';
import { PerfMeter } from './cdp';
import { loadRrweb, recordEveryPage } from './rrweb';
import { adoptTab, writeRrwebExtension } from './rrweb-extension';
import {
  type BenchConfig,
  profileConfig,
  runWalk,
  startBenchWalk,
  WALK_MODES,
  type WalkMode,
  type WalkRun,
} from './scenarios';
import { median, rotated } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPS = Number(process.env.BENCH_REPS ?? 7);

async function one(ext: string) {
  const site = await startFixtureServer();
  const profileDir = await mkdtemp(path.join(tmpdir(), 'tp-walk-'));
  const rrweb = await loadRrweb(ROOT);
  const floorDir = path.join(profileDir, 'rrweb-extension');
  const floorId = await writeRrwebExtension(floorDir, rrweb);
  const browser = await launchChromium(path.resolve(ext), {
    profile: profileDir,
    alsoLoad: [{ dir: floorDir, id: floorId }],
  });
  try {
    // npm run bench's settle times; the generated page is not visited here.
    const c: BenchConfig = { ...profileConfig(site, rrweb), workloadMs: 0, profileDir };
    const { panel, walkTab } = await startBenchWalk(browser, 'B', site.url('/index.html'));
    const rrTab = await browser.context.newPage();
    await recordEveryPage(rrTab, rrweb);
    const floorTab = await browser.context.newPage();
    await adoptTab(floorTab, floorId, site.url('/about.html'));
    const m: Record<WalkMode, PerfMeter> = {
      none: await PerfMeter.attach(await browser.context.newPage()),
      rrweb: await PerfMeter.attach(rrTab),
      extension: await PerfMeter.attach(floorTab),
      touchpoint: await PerfMeter.attach(walkTab),
    };
    if (process.env.CLOSE_PANEL) await panel.page.close();
    for (const mode of WALK_MODES) await runWalk(mode, m[mode], c, true);
    for (const mode of WALK_MODES) await runWalk(mode, m[mode], c, true);
    const runs: Record<WalkMode, WalkRun[]> = { none: [], rrweb: [], extension: [], touchpoint: [] };
    for (let r = 0; r < REPS; r++)
      for (const mode of rotated(WALK_MODES, r)) runs[mode].push(await runWalk(mode, m[mode], c, true));
    const med = (mode: WalkMode) => median(runs[mode].map((x) => x.taskMs));
    const cpu = (mode: WalkMode) => median(runs[mode].map((x) => x.cpuMs));
    // Per page: the median of each page's task time over the repetitions.
    const pages = (mode: WalkMode) =>
      (runs[mode][0]?.pages ?? [])
        .map((p, i) => `${p.page.slice(0, 12)}:${median(runs[mode].map((x) => x.pages[i]?.taskMs ?? 0)).toFixed(0)}`)
        .join(' ');
    console.log(
      `${ext}${process.env.CLOSE_PANEL ? ' (panel closed)' : ''}: none ${med('none').toFixed(0)} rrweb ${med('rrweb').toFixed(0)} extension ${med('extension').toFixed(0)} tp ${med('touchpoint').toFixed(0)}  tp/rrweb ${(med('touchpoint') / med('rrweb')).toFixed(3)} tp/extension ${(med('touchpoint') / med('extension')).toFixed(3)}`,
    );
    console.log(
      `   cpu: none ${cpu('none').toFixed(0)} rrweb ${cpu('rrweb').toFixed(0)} extension ${cpu('extension').toFixed(0)} tp ${cpu('touchpoint').toFixed(0)}  tp/rrweb ${(cpu('touchpoint') / cpu('rrweb')).toFixed(3)} tp/extension ${(cpu('touchpoint') / cpu('extension')).toFixed(3)}`,
    );
    for (const mode of WALK_MODES) console.log(`   ${mode.padEnd(10)} ${pages(mode)}`);
  } finally {
    await browser.close();
    await site.close();
  }
}
for (const ext of process.argv.slice(2)) await one(ext);
