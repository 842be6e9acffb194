import type { Page } from '@playwright/test';
import type { Launched } from '../scripts/drive/browser';
import { PanelPage } from '../scripts/drive/panel';
import { waitForRecorder } from '../scripts/drive/site';
import type { FixtureServer } from '../scripts/drive/fixture-server';
import { minus, type PerfMeter, plus, type Sample, ZERO } from './cdp';
import { mainThreadCpuMs, rendererOf } from './cpu';
import { eventCount, injectAndRecord, type RrwebBundle } from './rrweb';
import { waitForFloor } from './rrweb-extension';

export const MODES = ['none', 'rrweb', 'touchpoint'] as const;
export type Mode = (typeof MODES)[number];
/** The walk has one more: bare rrweb injected by a minimal extension (bench/rrweb-extension.ts). */
export const WALK_MODES = ['none', 'rrweb', 'extension', 'touchpoint'] as const;
export type WalkMode = (typeof WALK_MODES)[number];

export interface BenchConfig {
  site: FixtureServer;
  rrweb: RrwebBundle;
  elements: number;
  workloadMs: number;
  /** Quiet time after a page is ready (recorder attached) before measuring or acting. */
  settleMs: number;
  walkSettleMs: number;
  /** The browser's profile directory, to find its renderers' CPU time in /proc; null: no CPU figures. */
  profileDir: string | null;
}

/** A short configuration for the tools beside npm run bench (profile.ts, walk-only.ts): its settle times, no CPU figures. */
export function profileConfig(site: FixtureServer, rrweb: RrwebBundle): BenchConfig {
  return { site, rrweb, elements: 5000, workloadMs: 4000, settleMs: 1000, walkSettleMs: 400, profileDir: null };
}

/** The tab's renderer main-thread CPU time from now until `stop()` is called (NaN if unknown). */
async function cpuClock(page: Page, c: BenchConfig) {
  const pid = c.profileDir ? await rendererOf(page, c.profileDir) : null;
  const start = pid === null ? Number.NaN : mainThreadCpuMs(pid);
  return {
    pid,
    stop: () => (pid === null ? Number.NaN : mainThreadCpuMs(pid) - start),
  };
}

/**
 * Waits until the page is ready for the mode: the walk tab until its recorder runs (overlay host
 * attached). Other modes wait on a locator too, so that Playwright's own per-document cost (its
 * injected script, ~5–15 ms a page) is paid in every mode, not only in the touchpoint one.
 */
async function readyLocator(page: Page, mode: WalkMode): Promise<void> {
  if (mode === 'touchpoint') await waitForRecorder(page);
  else await page.locator('body').waitFor({ state: 'attached', timeout: 15_000 });
  if (mode === 'extension') await waitForFloor(page);
}

/** Creates an audit and a persona through the panel and starts a walk at `startUrl`: the walk tab and the panel. */
export async function startBenchWalk(browser: Launched, name: string, startUrl: string) {
  const panel = await PanelPage.open(browser.context, browser.extensionId);
  // The runs on generated.html differ by `n` and `run` only: kept, so each run's stored events
  // can be told apart (every other query value is stored as `*`, see lib/privacy/url-policy.ts).
  await panel.createAudit({ name, startUrl, keepParams: ['n', 'run'] });
  await panel.addPersona({ name: `${name} persona` });
  const walkTab = await panel.startWalk({ persona: `${name} persona` });
  return { panel, walkTab };
}

let nonce = 0;
/** A fresh URL each time, so no navigation is turned into a reload (scroll restoration). */
export const generatedUrl = (c: BenchConfig) => c.site.url(`/generated.html?n=${c.elements}&run=${++nonce}`);

export interface GeneratedRun extends Sample {
  /** Renderer main-thread CPU time over the workload, ms (NaN when it could not be read). */
  cpuMs: number;
  /** TaskDuration from the load event until the mode is recording and settled: the recorder's start. */
  startMs: number;
  /** The page's URL (unique per run): finds this run's recording in IndexedDB. */
  url: string;
  /** rrweb mode: the synchronous initial record() call, ms. */
  snapshotMs?: number;
  events?: number;
  workload: Record<string, number>;
}

/** Loads the generated page in `meter`'s tab, readies the mode, and measures the workload's main-thread time. */
export async function runGenerated(mode: Mode, meter: PerfMeter, c: BenchConfig, workloadMs = c.workloadMs) {
  const page = meter.page;
  await page.bringToFront();
  const url = generatedUrl(c);
  await page.goto(url, { waitUntil: 'load' });
  const atLoad = await meter.sample();
  const elements = await page.evaluate('window.__elements');
  if (typeof elements !== 'number' || elements < c.elements * 0.9)
    throw new Error(`generated page built ${elements} elements`);
  let snapshotMs: number | undefined;
  if (mode === 'rrweb') snapshotMs = await injectAndRecord(page, c.rrweb);
  await readyLocator(page, mode);
  await page.waitForTimeout(c.settleMs);
  const started = await meter.sample();
  const cpu = await cpuClock(page, c);
  const before = await meter.sample();
  const workload = (await page.evaluate(`window.__workload(${workloadMs})`)) as Record<string, number>;
  const after = await meter.sample();
  const run: GeneratedRun = {
    ...minus(after, before),
    cpuMs: cpu.stop(),
    startMs: started.taskMs - atLoad.taskMs,
    url,
    workload,
  };
  if (mode === 'rrweb') {
    run.snapshotMs = snapshotMs;
    run.events = await eventCount(page);
    if (run.events < 10) throw new Error(`bare rrweb emitted only ${run.events} events`);
  }
  return run;
}

export interface WalkRun extends Sample {
  cpuMs: number;
  pages: (Sample & { page: string })[];
}

const quoteSubmit = (tab: Page) =>
  tab
    .locator('form')
    .getByRole('button', { name: /send|submit|request/i })
    .click();

/**
 * test/e2e/support/site.ts's walkFixtureSite without the new-tab detour, and its fillQuoteForm split
 * so the quote page is measured before the submit leaves it: home → destinations → Lisbon → quote
 * form (three steps, filled) → confirmation. Each page's time is read just before the walk leaves it.
 *
 * The walk starts from about.html, unmeasured, so that what the previous page leaves to do when it
 * unloads stays out of the CPU figure (it is read from /proc across the whole walk).
 *
 * `resets`: the CDP counters restart with each document (checked at start-up), so each page's last
 * sample is that page's whole main-thread time, load included. Otherwise, deltas of one counter.
 */
export async function runWalk(mode: WalkMode, meter: PerfMeter, c: BenchConfig, resets: boolean): Promise<WalkRun> {
  const tab = meter.page;
  await tab.bringToFront();
  const ready = async () => {
    await tab.waitForLoadState('load');
    await readyLocator(tab, mode);
    await tab.waitForTimeout(c.walkSettleMs);
  };
  await tab.goto(c.site.url('/about.html'), { waitUntil: 'load' });
  await ready();
  const cpu = await cpuClock(tab, c);
  const start = resets ? ZERO : await meter.sample();
  let previous = start;
  const pages: WalkRun['pages'] = [];
  const endOfPage = async () => {
    const s = await meter.sample();
    const page = new URL(tab.url()).pathname.replace(/^\//, '');
    pages.push({ page, ...(resets ? s : minus(s, previous)) });
    previous = s;
  };

  await tab.goto(c.site.url('/index.html'), { waitUntil: 'load' });
  await ready();
  await endOfPage();
  await tab.locator('nav a[href="destinations.html"]').first().click();
  await tab.waitForURL(/destinations\.html/);
  await ready();
  await endOfPage();
  await tab.locator('a[href="destination.html?id=lisbon"]').first().click();
  await tab.waitForURL(/destination\.html\?id=lisbon/);
  await ready();
  await endOfPage();
  await tab.locator('nav a[href="quote.html"]').first().click();
  await tab.waitForURL(/quote\.html/);
  await ready();
  // fillQuoteForm's steps, up to the submit.
  await tab.locator('select').first().selectOption({ index: 1 });
  await tab.locator('input[type="date"]').first().fill('2027-07-01');
  await tab.getByRole('button', { name: /next/i }).first().click();
  await tab.locator('#full-name').fill('Ana Example');
  await tab.locator('input[type="email"]').fill('ana@example.test');
  await tab.locator('#password').fill('pw');
  await tab.getByRole('button', { name: /next/i }).last().click();
  await tab.waitForTimeout(c.walkSettleMs);
  await endOfPage();
  await quoteSubmit(tab);
  await tab.waitForURL(/quote-sent\.html/);
  await ready();
  await endOfPage();
  let cpuMs = cpu.stop();
  // The same renderer must still run the tab, or the CPU figure covers the wrong process.
  if (cpu.pid !== null && (await rendererOf(tab, c.profileDir ?? '')) !== cpu.pid) cpuMs = Number.NaN;
  if (mode === 'rrweb' && (await eventCount(tab)) < 2) throw new Error('bare rrweb did not record the walk');

  const total = pages.reduce<Sample>((acc, p) => plus(acc, p), ZERO);
  return { ...total, cpuMs, pages };
}
