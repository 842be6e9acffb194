/**
 * Rows H and I of the bench (issue 15's baselines), each in a browser of its own over the site of
 * bench/shared-site.ts, walked through the panel with the loopback build:
 * - H: a walk of `pages` content pages sharing three large stylesheets and fonts; what the walk
 *   stores per page visit (and rrweb's raw JSON per visit), read from IndexedDB once it has ended.
 * - I: a long walk of `visits` short page visits with the panel open; the panel's main-thread
 *   time (a Chrome trace of its thread, bench/panel-tasks.ts) over the 25 visits after the start
 *   page and over the last 25; then the Audit view's Export audit of that walk.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium } from '../scripts/drive/browser';
import type { FixtureServer } from '../scripts/drive/fixture-server';
import type { PanelPage } from '../scripts/drive/panel';
import { waitForRecorder } from '../scripts/drive/site';
import { clickButton, downloaded, INSTRUMENT } from './exports';
import { measureInPanel, type TaskFigures } from './panel-tasks';
import { startBenchWalk } from './scenarios';
import { sharedCssBytes, startSharedSite } from './shared-site';
import { ADMIN_PAGES, startAdminSite } from './admin-site';
import { type StorageFigures, storageFigures } from './storage';

export const WINDOW_VISITS = 25;

export interface StoredPerVisitRun {
  visits: number;
  sharedCssBytes: number;
  storedBytesPerVisit: number;
  rawBytesPerVisit: number;
  storage: Omit<StorageFigures, 'eventsByUrl'>;
}

export interface LongWalkRun {
  visits: number;
  /** The pages walked (their generator). */
  site: string;
  settleMs: number;
  walkSeconds: number;
  panelVisibility: string;
  first: TaskFigures;
  last: TaskFigures;
  firstMsPerVisit: number;
  /** Panel ms per visit in each window of WINDOW_VISITS visits, in walk order. */
  windowMsPerVisit: number[];
  windows: TaskFigures[];
  lastMsPerVisit: number;
  exports: TaskFigures[];
  exportBytes: number;
}

type Log = (m: string) => void;

/** A browser, the shared site and a walk started at `start` through the panel; closed after `body`. */
async function withWalk<T>(
  extension: string,
  start: string,
  body: (site: FixtureServer, panel: PanelPage, tab: Page) => Promise<T>,
  startSite: () => Promise<FixtureServer> = startSharedSite,
): Promise<T> {
  const site = await startSite();
  const profile = await mkdtemp(path.join(tmpdir(), 'touchpoint-bench-site-'));
  const browser = await launchChromium(extension, { profile });
  try {
    const { panel, walkTab } = await startBenchWalk(browser, 'Site', site.url(start));
    await waitForRecorder(walkTab);
    return await body(site, panel, walkTab);
  } finally {
    await browser.close().catch(() => undefined);
    await site.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
}

/** Clicks the page's `a#next` and waits until the next page (`path`) records, then `settleMs`. */
async function next(tab: Page, pathname: string, settleMs: number): Promise<void> {
  await tab.locator('#next').click();
  await tab.waitForURL((u) => u.pathname === pathname);
  await waitForRecorder(tab);
  if (settleMs > 0) await tab.waitForTimeout(settleMs);
}

export function runStoredPerVisit(extension: string, pages: number, log: Log): Promise<StoredPerVisitRun> {
  return withWalk(extension, '/p/0.html', async (_site, panel, tab) => {
    await tab.waitForTimeout(400);
    for (let i = 1; i < pages; i++) await next(tab, `/p/${i}.html`, 400);
    log(`H: ${pages} pages walked; ending the walk`);
    await panel.endWalk();
    const { eventsByUrl: _urls, ...storage } = await storageFigures(panel.page);
    if (storage.recorders < pages) throw new Error(`H: ${storage.recorders} page loads recorded of ${pages}`);
    return {
      visits: pages,
      sharedCssBytes: sharedCssBytes(),
      storedBytesPerVisit: storage.storedBytes / pages,
      rawBytesPerVisit: storage.rawBytes / pages,
      storage,
    };
  });
}

export function runLongWalk(
  extension: string,
  o: { visits: number; settleMs: number; exportReps: number },
  log: Log,
): Promise<LongWalkRun> {
  if (o.visits < 2 * WINDOW_VISITS + 1) throw new Error(`BENCH_LONG_VISITS must be at least ${2 * WINDOW_VISITS + 1}`);
  return withWalk(
    extension,
    '/a/0.html',
    async (_site, panel, tab) => {
      const p = panel.page;
      const t0 = Date.now();
      let visits = 1;
      const visit = async () => {
        await next(tab, `/a/${visits % ADMIN_PAGES}.html`, o.settleMs);
        visits++;
        if (visits % 50 === 0) log(`I: ${visits} visits, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      };
      // The panel's thread over `n` visits: marks in the panel open and close the traced window.
      const traced = (n: number) =>
        measureInPanel(p, {
          act: 'globalThis.__benchWindow = false',
          done: 'globalThis.__benchWindow',
          before: async () => {
            for (let k = 0; k < n; k++) await visit();
            await p.evaluate('globalThis.__benchWindow = true');
          },
          timeoutMs: 600_000,
          settleMs: 1000,
        });
      const panelVisibility = String(await p.evaluate('document.visibilityState'));
      // Every window of 25 visits is traced: the curve shows where the panel's cost starts to grow.
      const windows: TaskFigures[] = [];
      const rounds = Math.ceil((o.visits - 1) / WINDOW_VISITS);
      for (let w = 0; w < rounds; w++) {
        const m = await traced(WINDOW_VISITS);
        windows.push(m);
        log(
          `I: visits ${visits - WINDOW_VISITS}-${visits}, panel ${(m.busyMs / WINDOW_VISITS).toFixed(0)} ms per visit, longest task ${m.longestTaskMs.toFixed(0)} ms`,
        );
      }
      const first = windows[0] as TaskFigures;
      const last = windows.at(-1) as TaskFigures;
      const walkSeconds = (Date.now() - t0) / 1000;
      await panel.endWalk();
      await panel.view('Audit');
      await p.evaluate(INSTRUMENT);
      let exportBytes = 0;
      p.once('download', (d) => {
        d.path()
          .then((f) => stat(f))
          .then((s) => {
            exportBytes = s.size;
          })
          .catch(() => undefined);
      });
      const exports: TaskFigures[] = [];
      for (let rep = 0; rep < o.exportReps; rep++) {
        await p.waitForTimeout(300);
        const m = await measureInPanel(p, { act: clickButton('Export audit'), done: downloaded(1) });
        exports.push(m);
        log(`I: Export audit ${m.wallMs.toFixed(0)} ms, longest task ${m.longestTaskMs.toFixed(0)} ms`);
      }
      await p.waitForTimeout(500);
      return {
        visits,
        site: 'bench/admin-site.ts',
        settleMs: o.settleMs,
        walkSeconds,
        panelVisibility,
        first,
        last,
        firstMsPerVisit: first.busyMs / WINDOW_VISITS,
        windowMsPerVisit: windows.map((m) => m.busyMs / WINDOW_VISITS),
        windows,
        lastMsPerVisit: last.busyMs / WINDOW_VISITS,
        exports,
        exportBytes,
      };
    },
    startAdminSite,
  );
}
