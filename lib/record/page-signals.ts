import type { PageSignalInput } from '@/lib/model';
import { createLimiter, type RateLimits } from '@/lib/record/rate-limit';

export type DerivedSignal = Omit<PageSignalInput, 'seq'>;

/** A response slower than this made the persona wait. */
export const SLOW_MS = 1000;
const MAX_DETAIL = 500;

/** Page-made text, bounded: an error message can be megabytes long. */
function clipDetail(s: string): string {
  return s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s;
}

/** A URL without its query and fragment: they can carry session tokens. */
export function pathOnly(raw: string, base?: string): string {
  try {
    const u = new URL(raw, base);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

interface TimingEntry {
  name: string;
  entryType: string;
  duration: number;
  requestStart?: number;
  responseStart?: number;
  startTime: number;
}

/**
 * Whether a finished request made the persona wait. (Failed requests are seen by the worker
 * through webRequest: a fetch whose error body is never read gets no timing entry at all.)
 */
export function signalOfTiming(e: TimingEntry, pageUrl: string, timeOrigin: number): DerivedSignal | null {
  const at = Math.round(timeOrigin + e.startTime + e.duration);
  const url = pathOnly(pageUrl);
  const target = pathOnly(e.name, pageUrl);
  // For the page itself, the wait is until the first byte: rendering is not the server's delay.
  const wait =
    e.entryType === 'navigation' && e.responseStart && e.requestStart !== undefined
      ? e.responseStart - e.startTime
      : e.duration;
  if (wait > SLOW_MS) {
    return { at, kind: 'slow-response', url, detail: clipDetail(target), durationMs: Math.round(wait) };
  }
  return null;
}

/** The custom rrweb event a signal is recorded as: the replay shows it, and it rides a flush. */
export const SIGNAL_TAG = 'touchpoint-signal';

const KINDS = new Set(['js-error', 'request-failed', 'slow-response']);

/** The signal a recorded custom event carries, checked field by field (it was built from page data). */
export function signalOfEvent(e: { type: number; data?: unknown }): DerivedSignal | null {
  const data = (e.data ?? {}) as { tag?: unknown; payload?: Record<string, unknown> };
  // 5: rrweb's EventType.Custom
  if (e.type !== 5 || data.tag !== SIGNAL_TAG || !data.payload) return null;
  const { at, kind, url, detail, durationMs, count } = data.payload;
  if (typeof at !== 'number' || typeof kind !== 'string' || !KINDS.has(kind)) return null;
  const signal: DerivedSignal = {
    at: Math.max(0, Math.round(at)),
    kind: kind as DerivedSignal['kind'],
    url: typeof url === 'string' ? url.slice(0, 4096) : '',
    detail: typeof detail === 'string' ? clipDetail(detail) : '',
    durationMs: typeof durationMs === 'number' && durationMs >= 0 ? durationMs : null,
  };
  if (typeof count === 'number' && Number.isInteger(count) && count > 0) signal.count = count;
  return signal;
}

/**
 * The key of the window message the page's world forwards its script errors in
 * (lib/walk/page-errors.ts): Chrome does not dispatch a page's error events to an extension's
 * isolated world, and a CustomEvent's detail does not cross worlds; a message's data does.
 */
export const PAGE_ERROR_MESSAGE = 'touchpointPageError';

/**
 * How many script errors a page's recording keeps: a page can post the forwarder's message itself,
 * as fast as it likes. Past this, errors are counted, and the count kept as one signal a second.
 */
export const ERROR_LIMITS: RateLimits = { perSecond: 20, perPage: 500, reportMs: 1000 };

/**
 * Watches a page for what the recording alone does not flag: script errors and unhandled
 * rejections (forwarded from the page's world) and slow responses. `emit` receives each;
 * everything stops with `signal`.
 */
export function watchSignals(
  win: Window,
  emit: (s: DerivedSignal) => void,
  signal: AbortSignal,
  limits: RateLimits = ERROR_LIMITS,
): void {
  const errors = createLimiter(limits, {
    now: () => Date.now(),
    setTimer: (fn, ms) => win.setTimeout(fn, ms),
    clearTimer: (h) => win.clearTimeout(h as number),
    // Stored as a count (words come with the reader's language): "N more errors".
    onSuppressed: (count) =>
      emit({ at: Date.now(), kind: 'js-error', url: pathOnly(win.location.href), detail: '', durationMs: null, count }),
  });
  win.addEventListener(
    'message',
    (e: MessageEvent<unknown>) => {
      // Sent from the page's world, so the page can send it too: only a bounded string is taken,
      // at a bounded rate, and never from an event the page built and dispatched itself.
      if (!e.isTrusted || e.source !== win || typeof e.data !== 'object' || e.data === null) return;
      const detail = (e.data as Record<string, unknown>)[PAGE_ERROR_MESSAGE];
      if (typeof detail !== 'string' || detail === '' || !errors.take()) return;
      const url = pathOnly(win.location.href);
      emit({ at: Date.now(), kind: 'js-error', url, detail: clipDetail(detail), durationMs: null });
    },
    { signal },
  );
  signal.addEventListener('abort', () => errors.stop());
  const PO = (win as Window & { PerformanceObserver?: typeof PerformanceObserver }).PerformanceObserver;
  if (!PO) return;
  const observer = new PO((list) => {
    for (const entry of list.getEntries()) {
      const s = signalOfTiming(entry as unknown as TimingEntry, win.location.href, win.performance.timeOrigin);
      if (s) emit(s);
    }
  });
  for (const type of ['navigation', 'resource']) {
    try {
      // buffered: the page's own load happened before the recorder was injected.
      observer.observe({ type, buffered: true });
    } catch {
      // an entry type this browser does not support
    }
  }
  signal.addEventListener('abort', () => observer.disconnect());
}
