import type { CDPSession, Page } from '@playwright/test';

/** One Chrome trace event (the fields this bench reads). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'loading',
  'disabled-by-default-devtools.timeline',
  'toplevel',
];

/** Records a Chrome trace (the whole browser) while `work` runs, through one tab's CDP session. */
export async function traceDuring(page: Page, work: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const done = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => undefined);
  }
  return events;
}

/** Renderer main threads (pid:tid) that parsed a document whose URL starts with `origin`. */
export function mainThreadsFor(events: TraceEvent[], origin: string): Set<string> {
  const mains = new Set<string>();
  for (const e of events)
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const hit = new Set<string>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const url = e.args?.beginData?.url;
    if (e.name === 'ParseHTML' && typeof url === 'string' && url.startsWith(origin)) hit.add(key);
  }
  return hit;
}

export interface Breakdown {
  /** Self time (ms) per trace event name, summed. */
  byActivity: Map<string, number>;
  /** Self time (ms) of script activities, by script URL. */
  byScript: Map<string, number>;
  /** Sum of top-level task durations (ms): comparable to CDP's TaskDuration. */
  tasksMs: number;
}

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.run',
  'v8.callFunction',
  'TimerFire',
]);
const TOP = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Bottom-up self time per activity on the given threads (complete 'X' events, nested by time). */
export function breakdown(events: TraceEvent[], threads: Set<string>): Breakdown {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!threads.has(key)) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key))?.push(e);
  }
  const byActivity = new Map<string, number>();
  const byScript = new Map<string, number>();
  let tasksMs = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { e: TraceEvent; self: number; url: string | null }[] = [];
    const close = (upTo: number) => {
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (!top || top.e.ts + (top.e.dur ?? 0) > upTo) break;
        stack.pop();
        add(byActivity, top.e.name, top.self / 1000);
        if (top.url !== null) add(byScript, top.url, top.self / 1000);
      }
    };
    for (const e of list) {
      close(e.ts);
      const parent = stack[stack.length - 1];
      if (parent) parent.self -= e.dur ?? 0;
      else if (TOP.has(e.name)) tasksMs += (e.dur ?? 0) / 1000;
      const data = e.args?.data ?? {};
      const own = typeof data.url === 'string' ? data.url : typeof data.fileName === 'string' ? data.fileName : null;
      // Work nested in a script (a forced style recalc, a GC) counts against that script's URL.
      const url = SCRIPT_EVENTS.has(e.name) ? own || parent?.url || '(unknown)' : (parent?.url ?? null);
      stack.push({ e, self: e.dur ?? 0, url });
    }
    close(Number.POSITIVE_INFINITY);
  }
  return { byActivity, byScript, tasksMs };
}

export function top(m: Map<string, number>, n: number): [string, number][] {
  return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}
