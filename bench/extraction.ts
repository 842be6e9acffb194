/**
 * Part F of `npm run bench`: reading recorded page loads' facts in the side panel (decode the
 * chunks, rebuild the page with rrweb's Replayer in the panel's hidden frame, run the extractors,
 * anchor the facts: lib/facts), and what the walked tab pays meanwhile (nothing should run there).
 *
 * Each audit gets its own walk, so the panel's Recompute button (the auditor's) reads only its
 * page loads. The loopback build has no test hook, and none is added: the bench wraps
 * `chrome.runtime.sendMessage` in the panel page (from outside, through Playwright) to stamp each
 * `facts/put`, the message the panel sends once a page load is read. A read's wall time is from
 * the previous put's answer (or the click) to its own put: decode, rebuild, extract and anchor
 * together, plus the runner's turn between pages; the build exposes no finer split.
 */
import type { Page } from '@playwright/test';
import type { PanelPage } from '../scripts/drive/panel';
import { waitForRecorder } from '../scripts/drive/site';
import { PerfMeter } from './cdp';
import { mainThreadCpuMs, rendererOf } from './cpu';
import { type BenchConfig, runWalk } from './scenarios';
import { median } from './stats';

/** One page load's read in one Recompute round. */
export interface Read {
  recorderId: string;
  url: string;
  facts: number;
  /** Wall time of the read in the panel, ms. */
  ms: number;
}

/** One Recompute round: every page load of the walk read once. */
export interface Round {
  reads: Read[];
  /** From the click to the last put's answer, ms. */
  wallMs: number;
  /** The panel's and the walked tab's main thread over the round: CDP TaskDuration and /proc CPU, ms. */
  panelTaskMs: number;
  panelCpuMs: number;
  tabTaskMs: number;
  tabCpuMs: number;
}

export interface ExtractionRun {
  /** The walk's page loads, in recording order (path and query). */
  pages: string[];
  rounds: Round[];
}

// A string: tsx's helpers (__name) do not exist in the page. Idempotent.
const INSTRUMENT = `(() => {
  if (globalThis.__benchPuts) return;
  const puts = [];
  globalThis.__benchPuts = puts;
  for (const ns of [globalThis.chrome, globalThis.browser]) {
    const rt = ns && ns.runtime;
    if (!rt || rt.__benchWrapped) continue;
    const original = rt.sendMessage.bind(rt);
    rt.sendMessage = (...args) => {
      const m = args[0];
      if (!m || m.type !== 'facts/put') return original(...args);
      const p = m.payload;
      const e = { recorderId: p.recorderId, url: p.url, facts: p.facts.length, call: performance.now(), done: NaN };
      puts.push(e);
      return Promise.resolve(original(...args)).finally(() => { e.done = performance.now(); });
    };
    rt.__benchWrapped = true;
  }
})()`;

/** The walk being recorded: its page loads that stored chunks (recording order) and its facts records. */
const WALK_STATE = `new Promise((resolve, reject) => {
  const open = indexedDB.open('touchpoint');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['walks', 'chunks', 'recorders', 'facts']);
    tx.onerror = () => reject(tx.error);
    const walks = tx.objectStore('walks').index('byStatus').getAll('recording');
    let out = null;
    walks.onsuccess = () => {
      const w = walks.result.sort((a, b) => b.startedAt - a.startedAt)[0];
      if (!w) return;
      const keys = tx.objectStore('chunks').index('byWalk').getAllKeys(w.id);
      const recs = tx.objectStore('recorders').index('byWalk').getAll(w.id);
      const facts = tx.objectStore('facts').index('byWalk').getAll(w.id);
      facts.onsuccess = () => {
        const stored = new Set(keys.result.map((k) => String(k).slice(0, String(k).lastIndexOf(':'))));
        const loads = recs.result.filter((r) => stored.has(r.recorderId)).sort((a, b) => a.startedAt - b.startedAt);
        const read = facts.result.filter((f) => f.extractedAt >= 0).map((f) => f.recorderId);
        out = { loads: loads.map((r) => ({ recorderId: r.recorderId, url: r.url })), read };
      };
    };
    tx.oncomplete = () => { db.close(); resolve(out); };
  };
})`;

interface WalkState {
  loads: { recorderId: string; url: string }[];
  /** Page loads (recorder ids) with a facts record. */
  read: string[];
}

/**
 * Waits until every page load of the walk under way has its facts (the panel reads them as the
 * walk goes) and no new page load has been stored for 6 s (a recorder sends its events at least every
 * 5 s: lib/record/flusher.ts, MAX_BATCH_DELAY_MS).
 */
async function readAsWalked(panel: Page): Promise<WalkState> {
  const until = Date.now() + 120_000;
  let last = '';
  let since = Date.now();
  for (;;) {
    const s = (await panel.evaluate(WALK_STATE)) as WalkState | null;
    const key = JSON.stringify(s?.loads ?? []);
    if (key !== last) [last, since] = [key, Date.now()];
    const read = s !== null && s.loads.length > 0 && s.loads.every((l) => s.read.includes(l.recorderId));
    if (s && read && Date.now() - since >= 6000) return s;
    if (Date.now() > until) throw new Error(`the panel did not read the walk's pages: ${JSON.stringify(s)}`);
    await panel.waitForTimeout(250);
  }
}

/**
 * Polls an expression in the panel from here (CDP evaluates it: Playwright's waitForFunction would
 * `eval` in the page, which the extension's CSP refuses).
 */
async function until(page: Page, expression: string, everyMs: number, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(everyMs);
  }
}

/** A main-thread CPU clock of the renderer that runs `page` (NaN when /proc or the renderer is unknown). */
async function cpuOf(page: Page, profileDir: string | null): Promise<() => number> {
  const pid = profileDir ? await rendererOf(page, profileDir) : null;
  return () => (pid === null ? Number.NaN : mainThreadCpuMs(pid));
}

/** Clicks Recompute `reps` times, each once the previous round is read, and measures each round. */
async function rounds(panel: PanelPage, tab: Page, c: BenchConfig, reps: number): Promise<ExtractionRun> {
  const p = panel.page;
  const state = await readAsWalked(p);
  const n = state.loads.length;
  await tab.bringToFront();
  await panel.view('Consistency');
  await p.evaluate(INSTRUMENT);
  const [panelMeter, tabMeter] = [await PerfMeter.attach(p), await PerfMeter.attach(tab)];
  const [panelCpu, tabCpu] = [await cpuOf(p, c.profileDir), await cpuOf(tab, c.profileDir)];
  const button = p.getByRole('button', { name: 'Recompute' });
  const out: Round[] = [];
  try {
    for (let rep = 0; rep < reps; rep++) {
      await button.waitFor({ state: 'visible' });
      await until(p, '!document.querySelector(".cons-runner button")?.disabled', 100);
      await p.waitForTimeout(c.settleMs);
      const [p0, t0, pc0, tc0] = [await panelMeter.sample(), await tabMeter.sample(), panelCpu(), tabCpu()];
      const clickedAt = await button.evaluate((b: HTMLElement) => {
        (globalThis as unknown as { __benchPuts: unknown[] }).__benchPuts.length = 0;
        const t = performance.now();
        b.click();
        return t;
      });
      const ids = JSON.stringify(state.loads.map((l) => l.recorderId));
      const mine = `__benchPuts.filter((e) => ${ids}.includes(e.recorderId))`;
      await until(p, `new Set(${mine}.filter((e) => e.done >= 0).map((e) => e.recorderId)).size === ${n}`, 50);
      const [p1, t1, pc1, tc1] = [await panelMeter.sample(), await tabMeter.sample(), panelCpu(), tabCpu()];
      const puts = (await p.evaluate(mine)) as (Omit<Read, 'ms'> & { call: number; done: number })[];
      let from = clickedAt;
      const reads = puts.map((e) => {
        const ms = e.call - from;
        from = e.done;
        return { recorderId: e.recorderId, url: e.url, facts: e.facts, ms };
      });
      out.push({
        reads,
        wallMs: from - clickedAt,
        panelTaskMs: p1.taskMs - p0.taskMs,
        panelCpuMs: pc1 - pc0,
        tabTaskMs: t1.taskMs - t0.taskMs,
        tabCpuMs: tc1 - tc0,
      });
    }
  } finally {
    await panelMeter.detach();
    await tabMeter.detach();
  }
  const pages = state.loads.map((l) => {
    const u = new URL(l.url);
    return `${u.pathname.replace(/^\//, '')}${u.search}`;
  });
  // Reads in recording order, whatever order the runner took them in.
  const order = new Map(state.loads.map((l, i) => [l.recorderId, i]));
  for (const r of out) r.reads.sort((a, b) => (order.get(a.recorderId) ?? n) - (order.get(b.recorderId) ?? n));
  return { pages, rounds: out };
}

/** A new audit and walk in the same panel (the bench's walk must be ended): the walk tab, recording. */
async function newWalk(panel: PanelPage, name: string, startUrl: string): Promise<Page> {
  await panel.page.bringToFront();
  await panel.createAudit({ name, startUrl, keepParams: ['n', 'run'] });
  await panel.addPersona({ name: `${name} persona` });
  const tab = await panel.startWalk({ persona: `${name} persona` });
  await waitForRecorder(tab);
  return tab;
}

/** F1 (the generated page, alone in its walk) then F2 (row B's fixture walk), `reps` rounds each. */
export async function runExtraction(panel: PanelPage, c: BenchConfig, reps: number) {
  const bigTab = await newWalk(panel, 'Facts F1', c.site.url(`/generated.html?n=${c.elements}&run=facts`));
  const elements = await bigTab.evaluate('window.__elements');
  if (typeof elements !== 'number' || elements < c.elements * 0.9) throw new Error(`generated page built ${elements}`);
  const F1 = await rounds(panel, bigTab, c, reps);
  await panel.endWalk();
  await bigTab.close();

  const walkTab = await newWalk(panel, 'Facts F2', c.site.url('/index.html'));
  // B's navigation (its own figures are not kept here): about > home > ... > quote sent.
  const meter = await PerfMeter.attach(walkTab);
  await runWalk('touchpoint', meter, { ...c, profileDir: null }, true);
  await meter.detach();
  const F2 = await rounds(panel, walkTab, c, reps);
  await panel.endWalk();
  await walkTab.close();
  return { F1, F2 };
}

export type Extraction = Awaited<ReturnType<typeof runExtraction>>;

/** Medians over rounds of one figure. */
export const medianOf = (run: ExtractionRun, k: Exclude<keyof Round, 'reads'>) => median(run.rounds.map((r) => r[k]));
