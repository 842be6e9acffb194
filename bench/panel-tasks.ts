/**
 * How long the side panel's main thread is held while it does one thing (row G of the bench):
 * a Chrome trace (categories `toplevel` and `blink.user_timing`: light) around the action, and
 * `performance.mark`s the panel page sets at its start and end. The marks name the panel's
 * renderer main thread and the window; the trace's top-level tasks on that thread in the window
 * give the longest task, how many passed 50 ms, and their sum. `BENCH_PROFILE=1` adds V8's
 * sampling profiler to the trace, and every task over 50 ms is broken down by function (self
 * time), for finding which step makes it.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { TraceEvent } from './trace';

export const LONG_TASK_MS = 50;

export interface TaskFigures {
  /** From the start mark to the end mark, ms (the panel's own clock). */
  wallMs: number;
  longestTaskMs: number;
  /** Top-level tasks over LONG_TASK_MS in the window. */
  longTasks: number;
  /** Sum of the panel main thread's top-level tasks in the window, ms. */
  busyMs: number;
  /** With BENCH_PROFILE: per long task, its duration and hottest functions (self ms). */
  profile?: TaskProfile[];
  /** With BENCH_PROFILE: the whole window's hottest functions (what a busy thread of short tasks spends on). */
  windowProfile?: TaskProfile;
}

const PROFILE = process.env.BENCH_PROFILE === '1';

/** In the panel page: marks the start, runs `act` (a function body), and polls `done` to mark the end. */
const START = (act: string, done: string) => `(() => {
  performance.clearMarks('benchG:start'); performance.clearMarks('benchG:end');
  globalThis.__benchGEnd = null;
  performance.mark('benchG:start');
  const t0 = performance.now();
  const poll = () => {
    let ok = false;
    try { ok = Boolean(${done}); } catch (e) { globalThis.__benchGEnd = { error: String(e) }; return; }
    if (ok) { performance.mark('benchG:end'); globalThis.__benchGEnd = { ms: performance.now() - t0 }; return; }
    setTimeout(poll, 10);
  };
  ${act};
  setTimeout(poll, 0);
})()`;

/**
 * Measures one action in the panel. `act`: JavaScript run in the panel right after the start mark
 * (a click), or null when `before` (run from here after the mark) starts it; `done`: an expression
 * true once the action is over. `settleMs` more of the trace after the end: tasks the action left
 * queued (a redraw) count too.
 */
export async function measureInPanel(
  page: Page,
  o: { act: string | null; done: string; before?: () => Promise<void>; timeoutMs?: number; settleMs?: number },
): Promise<TaskFigures> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const complete = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const categories = ['toplevel', 'blink.user_timing'];
  if (PROFILE) categories.push('disabled-by-default-v8.cpu_profiler', 'v8');
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories, excludedCategories: ['*'] },
  });
  type End = { ms?: number; error?: string };
  let ended = null as End | null;
  try {
    await page.evaluate(START(o.act ?? '', o.done));
    if (o.before) await o.before();
    const until = Date.now() + (o.timeoutMs ?? 120_000);
    for (;;) {
      ended = (await page.evaluate('globalThis.__benchGEnd')) as End | null;
      if (ended) break;
      if (Date.now() > until) throw new Error(`timed out waiting for ${o.done}`);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(o.settleMs ?? 300);
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
  if (ended?.error !== undefined) throw new Error(`in the panel: ${ended.error}`);
  return figures(events, ended?.ms ?? Number.NaN, (o.settleMs ?? 300) * 1000);
}

function figures(events: TraceEvent[], wallMs: number, settleUs: number): TaskFigures {
  const start = events.find((e) => e.name === 'benchG:start');
  const end = events.find((e) => e.name === 'benchG:end');
  if (!start || !end) throw new Error('the panel marks are missing from the trace');
  const from = start.ts;
  const to = end.ts + settleUs;
  // A task is a top-level slice of the thread: a RunTask, or a microtask checkpoint Blink runs
  // outside one (the continuation after an IndexedDB answer is one: a JSON.stringify there is not
  // inside any RunTask).
  const mine = events
    .filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const outer: TraceEvent[] = [];
  let until = -1;
  for (const e of mine) {
    if (e.ts < until) continue;
    outer.push(e);
    until = e.ts + (e.dur ?? 0);
  }
  const inWindow = outer.filter((e) => e.ts + (e.dur ?? 0) >= from && e.ts <= to);
  const durs = inWindow.map((t) => (t.dur ?? 0) / 1000);
  const out: TaskFigures = {
    wallMs,
    longestTaskMs: durs.length ? Math.max(...durs) : 0,
    longTasks: durs.filter((d) => d > LONG_TASK_MS).length,
    busyMs: durs.reduce((a, b) => a + b, 0),
  };
  if (PROFILE) {
    out.profile = profileLongTasks(
      events,
      inWindow.filter((t) => (t.dur ?? 0) / 1000 > LONG_TASK_MS),
      start,
    );
    out.windowProfile = profileLongTasks(events, [{ ...start, ts: from, dur: to - from }], start)[0];
  }
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
  parent?: number;
}

/** A function in a profile: name, script file (last path part), line and column (0-based). */
export interface Frame {
  name: string;
  file: string;
  line: number;
  column: number;
}

/** Per long task: the functions it spent most in, by self time and by total time (itself and what it called). */
export interface TaskProfile {
  taskMs: number;
  self: [Frame, number][];
  total: [Frame, number][];
}

/** V8's sampled profile of the panel's thread (Profile and ProfileChunk trace events), broken down per long task. */
function profileLongTasks(events: TraceEvent[], long: TraceEvent[], thread: TraceEvent): TaskProfile[] {
  const idOf = (e: TraceEvent) => (e as unknown as { id: string }).id;
  const profiles = new Set(
    events.filter((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid).map(idOf),
  );
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    if (!profiles.has(idOf(e))) continue;
    const data = (e.args?.data ?? {}) as {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    if (e.name === 'Profile') clock.set(idOf(e), Number(data.startTime ?? 0));
    if (e.name !== 'ProfileChunk') continue;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let ts = clock.get(idOf(e)) ?? 0;
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      ts += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts, node });
    });
    clock.set(idOf(e), ts);
  }
  samples.sort((a, b) => a.ts - b.ts);
  // Trace profiles leave out what is empty: a native or V8-internal frame has no URL or position.
  const frameOf = (n: ProfileNode): Frame => ({
    name: n.callFrame.functionName || '(anonymous)',
    file: (n.callFrame.url ?? '').split('/').pop() ?? '',
    line: n.callFrame.lineNumber ?? -1,
    column: n.callFrame.columnNumber ?? -1,
  });
  const key = (f: Frame) => `${f.name}@${f.file}:${f.line}:${f.column}`;
  const top = (m: Map<string, [Frame, number]>) => [...m.values()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return long.map((task) => {
    const self = new Map<string, [Frame, number]>();
    const total = new Map<string, [Frame, number]>();
    const end = task.ts + (task.dur ?? 0);
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    inTask.forEach((s, i) => {
      const ms = ((inTask[i + 1]?.ts ?? end) - s.ts) / 1000;
      const leaf = nodes.get(s.node);
      if (!leaf) return;
      const add = (m: Map<string, [Frame, number]>, f: Frame) => {
        const k = key(f);
        const cur = m.get(k) ?? [f, 0];
        cur[1] += ms;
        m.set(k, cur);
      };
      add(self, frameOf(leaf));
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const f = frameOf(n);
        if (seen.has(key(f))) continue;
        seen.add(key(f));
        add(total, f);
      }
    });
    return { taskMs: (task.dur ?? 0) / 1000, self: top(self), total: top(total) };
  });
}
