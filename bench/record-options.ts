/**
 * `npx tsx bench/record-options.ts`: what each of rrweb's options costs on row A's page
 * (generated.html, 5,000 elements, __workload): bare rrweb in an isolated world of the page (as a
 * content script runs it) with one option set at a time, alternated over BENCH_REPS repetitions.
 * Prints, per set, the medians of the initial record() (the full snapshot), the workload's
 * TaskDuration, ScriptDuration and renderer main-thread CPU, the events and their JSON bytes.
 * Diagnostic only: how lib/record/options.ts's audit profile was chosen (issue 15, point 1).
 * Env: BENCH_REPS (default 5), BENCH_WORKLOAD_MS (default 8000), BENCH_SETS (comma-separated names).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { minifySync } from 'rolldown/experimental';
import { recordOptions, siteOptions } from '@/lib/record/options';
import { launchChromium } from '../scripts/drive/browser';
import { stripCanvas } from '../scripts/rrweb-canvas-strip';
import { fixUntaintedCheck } from '../scripts/rrweb-untainted-fix';
import { startFixtureServer } from '../scripts/drive/fixture-server';
import { minus, PerfMeter } from './cdp';
import { mainThreadCpuMs, rendererOf } from './cpu';
import { loadRrweb, type RrwebBundle } from './rrweb';
import { median, rotated } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPS = Number(process.env.BENCH_REPS ?? 5);
const WORKLOAD_MS = Number(process.env.BENCH_WORKLOAD_MS ?? 8000);

type Opts = Record<string, unknown>;
const privacy = { maskAllText: false, blockSelectors: [] };
/** Today's options (before issue 15) written out, the sets below vary one thing each. */
const before: Opts = {
  ...recordOptions(privacy),
  sampling: { mousemove: 100, scroll: 150 },
  slimDOMOptions: { script: true, comment: true, headFavicon: false, headMetaVerification: true },
};
const with_ = (extra: Opts): Opts => ({ ...before, ...extra });
const NO_SELECTION = 'no selection observer (experiment, rrweb built without it)';
const SETS: Record<string, Opts> = {
  'rrweb defaults': {},
  'defaults + privacy (A baseline)': siteOptions(privacy),
  'before issue 15': before,
  'audit profile': recordOptions(privacy),
  'before, scroll 300': with_({ sampling: { mousemove: 100, scroll: 300 } }),
  'before, scroll 500': with_({ sampling: { mousemove: 100, scroll: 500 } }),
  "before, input 'last' (not kept)": with_({ sampling: { mousemove: 100, scroll: 150, input: 'last' } }),
  'before, no maskTextSelector (not kept)': with_({ maskTextSelector: null }),
  "before, slimDOM 'all'": with_({ slimDOMOptions: 'all' }),
  'before, inlineStylesheet false (not kept)': with_({ inlineStylesheet: false }),
  'before, inlineImages': with_({ inlineImages: true }),
  'before, checkout every 2 s': with_({ checkoutEveryNms: 2000 }),
  [NO_SELECTION]: recordOptions(privacy),
};

/**
 * Not an option: rrweb's selection observer, which no option turns off (the replay shows text the
 * persona selected). The experiment set runs rrweb built without it, to see what it costs.
 */
async function withoutSelection(): Promise<RrwebBundle> {
  const file = path.join(ROOT, 'node_modules/@rrweb/record/dist/record.umd.cjs');
  const text = await readFile(file, 'utf8');
  const cut = text.replace(
    'const selectionObserver = initSelectionObserver(o);',
    'const selectionObserver = () => {};',
  );
  if (cut === text) throw new Error('rrweb no longer starts its selection observer as expected');
  return { file, global: 'rrwebRecord', source: minifySync('record.umd.js', stripCanvas(fixUntaintedCheck(cut))).code };
}

/** Page code: rrweb with `opts` (maskInputFn rebuilt in the page), events stringified as Touchpoint does. */
function startExpression(bundle: RrwebBundle, opts: Opts): string {
  const { maskInputFn, ...plain } = opts;
  return `(() => {
  const opts = ${JSON.stringify(plain)};
  ${maskInputFn ? "opts.maskInputFn = (text, el) => (el && el.getAttribute && el.getAttribute('type') === 'password' ? '' : '*'.repeat(text.length));" : ''}
  const lib = window[${JSON.stringify(bundle.global)}];
  const stats = { events: 0, bytes: 0 };
  window.__optStats = stats;
  const t0 = performance.now();
  window.__optStop = lib.record(Object.assign(opts, { emit(e) { stats.events++; stats.bytes += JSON.stringify(e).length; } }));
  return performance.now() - t0;
})()`;
}

/**
 * An isolated world of the page, as a content script has (no customElements there: the same
 * stand-in as lib/record/session.ts, or rrweb throws and catches on every element).
 */
async function isolatedWorld(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'bench-options',
  });
  const evaluate = async (expression: string): Promise<unknown> => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  await evaluate(
    "if (globalThis.customElements == null) Object.defineProperty(globalThis, 'customElements', { value: { get: () => undefined }, configurable: true }); 0",
  );
  return { evaluate, close: () => cdp.detach().catch(() => undefined) };
}

interface Result {
  recordMs: number;
  taskMs: number;
  scriptMs: number;
  cpuMs: number;
  events: number;
  bytes: number;
}

let nonce = 0;
async function runOnce(meter: PerfMeter, url: string, bundle: RrwebBundle, opts: Opts, profile: string) {
  const page = meter.page;
  await page.goto(`${url}&run=${++nonce}`, { waitUntil: 'load' });
  const world = await isolatedWorld(page);
  await world.evaluate(`(function () {\n${bundle.source}\n}).call(window);`);
  const recordMs = await world.evaluate(startExpression(bundle, opts));
  await page.waitForTimeout(800);
  const pid = await rendererOf(page, profile);
  const cpu0 = pid === null ? Number.NaN : mainThreadCpuMs(pid);
  const s0 = await meter.sample();
  await page.evaluate(`window.__workload(${WORKLOAD_MS})`);
  const s1 = await meter.sample();
  const cpuMs = pid === null ? Number.NaN : mainThreadCpuMs(pid) - cpu0;
  const stats = await world.evaluate('window.__optStats');
  await world.evaluate('window.__optStop && window.__optStop()');
  await world.close();
  return { recordMs: Number(recordMs), ...minus(s1, s0), cpuMs, ...(stats as { events: number; bytes: number }) };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_SETS?.split(',').map((s) => s.trim());
  const names = Object.keys(SETS).filter((n) => !only || only.some((o) => n.startsWith(o)));
  const bundle = await loadRrweb(ROOT);
  const cut = await withoutSelection();
  const site = await startFixtureServer();
  const profile = await mkdtemp(path.join(tmpdir(), 'touchpoint-bench-options-'));
  const browser = await launchChromium(null, { profile });
  try {
    const meter = await PerfMeter.attach(await browser.context.newPage());
    const url = site.url('/generated.html?n=5000');
    await runOnce(meter, url, bundle, {}, profile); // warm-up
    const results = new Map<string, Result[]>(names.map((n) => [n, []]));
    for (let rep = 0; rep < REPS; rep++) {
      for (const name of rotated(names, rep)) {
        const r = await runOnce(meter, url, name === NO_SELECTION ? cut : bundle, SETS[name] ?? {}, profile);
        results.get(name)?.push(r);
        console.log(
          `${rep + 1}/${REPS} ${name}: ${JSON.stringify(r, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
        );
      }
    }
    console.log('\nset | record() ms | task ms | script ms | cpu ms | events | kB (medians)');
    for (const [name, rs] of results) {
      const m = (k: keyof Result) => median(rs.map((r) => r[k]));
      const cols = [m('recordMs'), m('taskMs'), m('scriptMs'), m('cpuMs'), m('events')].map((v) => v.toFixed(0));
      console.log(`${name} | ${cols.join(' | ')} | ${(m('bytes') / 1000).toFixed(0)}`);
    }
  } finally {
    await browser.close();
    await site.close();
    await rm(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
