/**
 * `tsx bench/profile.ts` (after `npm run build:loopback`; TOUCHPOINT_OUT picks another build): where
 * the main-thread time of the fixture walk (B) and of the generated workload (A) goes, per mode; the
 * walk also with bare rrweb as an extension injects it (B's floor), and Touchpoint's time beside it. A Chrome trace gives self time
 * per activity (script, style, layout, paint…) and per script URL; a CPU profile of the walk tab
 * gives Touchpoint's hottest functions in its content scripts (recorder.js, overlay.js; minified: each is printed
 * with a snippet of its code to find it in the sources). Diagnostic only; prints, writes nothing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { EXTENSIONS, launchChromium } from '../scripts/drive/browser';
import { startFixtureServer } from '../scripts/drive/fixture-server';
import { PerfMeter } from './cdp';
import { loadRrweb, recordEveryPage } from './rrweb';
import { adoptTab, writeRrwebExtension } from './rrweb-extension';
import { profileConfig, runGenerated, runWalk, startBenchWalk, type WalkMode } from './scenarios';
import { breakdown, mainThreadsFor, top, traceDuring } from './trace';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per function of a CPU profile, for scripts whose URL contains `urlPart`. */
async function hotFunctions(page: Page, urlPart: string, work: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { ms: number; frame: ProfileNode['callFrame'] }>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame?.url.includes(urlPart)) return;
    const key = `${frame.functionName}@${frame.lineNumber}:${frame.columnNumber}`;
    const cur = self.get(key) ?? { ms: 0, frame };
    cur.ms += (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, cur);
  });
  return [...self.values()].sort((a, b) => b.ms - a.ms);
}

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'walk';
  const site = await startFixtureServer();
  const rrweb = await loadRrweb(ROOT);
  const floorDir = await mkdtemp(path.join(tmpdir(), 'touchpoint-profile-floor-'));
  const floorId = await writeRrwebExtension(floorDir, rrweb);
  const browser = await launchChromium(EXTENSIONS.loopback, { alsoLoad: [{ dir: floorDir, id: floorId }] });
  try {
    const c = profileConfig(site, rrweb);
    const { walkTab } = await startBenchWalk(browser, 'Profile', site.url('/index.html'));
    const noneTab = await browser.context.newPage();
    const rrwebTab = await browser.context.newPage();
    if (which === 'walk') await recordEveryPage(rrwebTab, rrweb);
    const floorTab = await browser.context.newPage();
    if (which === 'walk') await adoptTab(floorTab, floorId, site.url('/about.html'));
    const tabs: Record<WalkMode, PerfMeter> = {
      none: await PerfMeter.attach(noneTab),
      rrweb: await PerfMeter.attach(rrwebTab),
      extension: await PerfMeter.attach(floorTab),
      touchpoint: await PerfMeter.attach(walkTab),
    };
    // The floor is a walk-only mode (row B).
    const modes =
      which === 'walk'
        ? (['none', 'rrweb', 'extension', 'touchpoint'] as const)
        : (['none', 'rrweb', 'touchpoint'] as const);
    const run = (m: WalkMode) =>
      which === 'walk'
        ? runWalk(m, tabs[m], c, true).then(() => undefined)
        : runGenerated(m === 'extension' ? 'none' : m, tabs[m], c).then(() => undefined);
    for (const m of modes) await run(m); // warm-up

    const results = new Map<WalkMode, ReturnType<typeof breakdown>>();
    for (const m of modes) {
      const events = await traceDuring(tabs[m].page, () => run(m));
      const b = breakdown(events, mainThreadsFor(events, site.origin));
      results.set(m, b);
      console.log(`\n== ${which} / ${m}: top-level tasks ${b.tasksMs.toFixed(0)} ms`);
      for (const [name, ms] of top(b.byActivity, 14)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
      console.log('  by script URL (self time incl. work forced inside it):');
      for (const [url, ms] of top(b.byScript, 6))
        console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${url.slice(0, 100)}`);
    }
    const tp = results.get('touchpoint')?.byActivity ?? new Map();
    for (const base of modes.filter((m) => m !== 'touchpoint')) {
      const other = results.get(base)?.byActivity ?? new Map();
      const diff = new Map<string, number>();
      for (const k of new Set([...other.keys(), ...tp.keys()])) diff.set(k, (tp.get(k) ?? 0) - (other.get(k) ?? 0));
      console.log(`\n== ${which}: touchpoint minus ${base}, by activity (most added, then most saved)`);
      for (const [name, ms] of top(diff, 20)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
      const saved = [...diff].sort((a, b) => a[1] - b[1]).slice(0, 5);
      for (const [name, ms] of saved) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
    }

    const sources = new Map<string, string[]>();
    for (const name of ['recorder.js', 'overlay.js']) {
      const file = path.join(EXTENSIONS.loopback, 'content-scripts', name);
      sources.set(name, (await readFile(file, 'utf8').catch(() => '')).split('\n'));
    }
    const hot = await hotFunctions(walkTab, '/content-scripts/', () => run('touchpoint'));
    const total = hot.reduce((s, h) => s + h.ms, 0);
    console.log(`\n== ${which}: content scripts' self time ${total.toFixed(0)} ms (CPU profile), hottest functions`);
    for (const h of hot.slice(0, 15)) {
      const line = sources.get(h.frame.url.split('/').pop() ?? '')?.[h.frame.lineNumber] ?? '';
      const snippet = line.slice(h.frame.columnNumber, h.frame.columnNumber + 90).replace(/\s+/g, ' ');
      console.log(`  ${h.ms.toFixed(1).padStart(7)} ms  ${h.frame.functionName || '(anonymous)'}  ${snippet}`);
    }
  } finally {
    await browser.close();
    await site.close();
    await rm(floorDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error('profile failed:', e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
