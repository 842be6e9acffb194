// Over 200 lines: batching, splitting, retrying and the bounds that stop a recording are one state
// machine around the one flush in flight; split apart, each piece would reach into the others.
import type { FlushBatch, FlushResult, PageSignalInput, PageStep, StopKind } from '@/lib/model';
import { FLUSH_MAX_CHARS, FLUSH_MAX_EVENTS } from '@/lib/model/flush-limits';
import { Refused } from '@/lib/messaging/refused';

export const MAX_BATCH_BYTES = 256 * 1024;
export const MAX_BATCH_DELAY_MS = 5000;
/**
 * The largest batch sent at once (one larger event goes alone, up to FLUSH_MAX_CHARS). The worker
 * parses, checks and compresses a batch whole: about ten times its size in memory at the peak.
 */
export const MAX_SEND_CHARS = 1024 * 1024;
/**
 * What a recorder may hold unacknowledged. A page that changes faster than the worker stores
 * (a flood of mutations) stops its recording here instead of growing the tab's memory for ever.
 */
export const MAX_HELD_CHARS = 64 * 1024 * 1024;
export const MAX_HELD_EVENTS = 200_000;
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1000, 2000];
/**
 * Sends that get no answer, in a row, before the recorder gives up: about 30 s of backoff. A
 * worker that slept or was stopped starts again on the next message and answers within a second
 * or two, and one killed mid-commit a few times in a row still gets through; one that does not
 * answer for this long is gone (the extension was reloaded or removed).
 */
export const MAX_RETRIES = 20;

/** Why a recorder stopped: the worker's answer (disk full, walk ended) or the recorder's own bounds. */
export type StopReason = Extract<FlushResult, { ok: false }>['reason'] | StopKind;

export interface FlusherOptions {
  walkId: string;
  recorderId: string;
  /** The tab the worker injected this recorder into, sent with each batch (FlushBatch.tabId). */
  tabId?: number;
  url: () => string;
  /** Rejects with `Refused` when the worker answered no; with anything else when it did not answer. */
  send: (batch: FlushBatch) => Promise<FlushResult>;
  /** Called once when recording must stop (the store refuses more, or a bound was reached). */
  onStop: (reason: StopReason) => void;
  maxBytes?: number;
  maxDelayMs?: number;
  maxSendChars?: number;
  maxHeldChars?: number;
  maxHeldEvents?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface Pending {
  seqFrom: number;
  parts: string[];
  bytes: number;
  steps: PageStep[];
  signals: PageSignalInput[];
}

const empty = (seqFrom: number): Pending => ({ seqFrom, parts: [], bytes: 0, steps: [], signals: [] });

/** A refusal that splitting can cure: the payload was over a bound (the worker's or Chrome's). */
function tooLarge(e: unknown): boolean {
  return e instanceof Error && /too big|too large|exceeded maximum/i.test(e.message);
}

/**
 * Batches a recorder's events and delivers them to the worker: at most every 5 s or 256 kB, one
 * flush in flight, each within the protocol's bounds (a burst becomes several batches). A send
 * that got no answer is retried with backoff for a bounded time; a refused one is never sent
 * again as it was: split when it was too large, otherwise recording stops. Sequence numbers let
 * the worker drop what an unacknowledged try already stored.
 */
export class Flusher {
  private nextSeq = 0;
  private buffer: Pending = empty(0);
  private inFlight: Pending | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private halted = false;
  /** Events per batch: halved each time the worker or Chrome says a batch was too large. */
  private sendEvents = FLUSH_MAX_EVENTS;
  /** The last event a page-exit flush sent: a second exit resends nothing already sent. */
  private exitSentThrough = -1;
  private readonly o: Required<Omit<FlusherOptions, 'setTimer' | 'clearTimer' | 'tabId'>> &
    Pick<FlusherOptions, 'setTimer' | 'clearTimer' | 'tabId'>;

  constructor(options: FlusherOptions) {
    this.o = {
      maxBytes: MAX_BATCH_BYTES,
      maxDelayMs: MAX_BATCH_DELAY_MS,
      maxSendChars: MAX_SEND_CHARS,
      maxHeldChars: MAX_HELD_CHARS,
      maxHeldEvents: MAX_HELD_EVENTS,
      ...options,
    };
  }

  /**
   * Queues one event (already serialised) and the step or signal derived from it, if any: they
   * ride with their event, so they are stored, retried and de-duplicated with it.
   */
  push(json: string, step?: Omit<PageStep, 'seq'>, signal?: Omit<PageSignalInput, 'seq'>): number {
    const seq = this.nextSeq++;
    if (this.halted) return seq;
    if (json.length + 2 > FLUSH_MAX_CHARS) {
      this.stop('event-too-large');
      return seq;
    }
    const held = this.buffer.parts.length + (this.inFlight?.parts.length ?? 0);
    const heldChars = this.buffer.bytes + (this.inFlight?.bytes ?? 0);
    if (held >= this.o.maxHeldEvents || heldChars + json.length > this.o.maxHeldChars) {
      this.stop('backlog');
      return seq;
    }
    this.buffer.parts.push(json);
    this.buffer.bytes += json.length;
    if (step) this.buffer.steps.push({ ...step, seq });
    if (signal) this.buffer.signals.push({ ...signal, seq });
    if (this.buffer.bytes >= this.o.maxBytes || this.buffer.parts.length >= this.sendEvents) this.flush();
    else if (this.timer === null) this.timer = this.schedule(() => this.flush(), this.o.maxDelayMs);
    return seq;
  }

  get emitted(): number {
    return this.nextSeq;
  }

  /** Whether recording stopped for good (onStop was called). */
  get stopped(): boolean {
    return this.halted;
  }

  get idle(): boolean {
    return this.inFlight === null && this.buffer.parts.length === 0;
  }

  /** Starts a flush unless one is in flight (that one picks the buffer up when it lands). */
  flush(): void {
    this.cancelTimer();
    if (this.inFlight || this.halted || this.buffer.parts.length === 0) return;
    const [head, rest] = split(this.buffer, this.fits(this.buffer.parts));
    this.inFlight = head;
    this.buffer = rest;
    this.attempt = 0;
    void this.deliver();
  }

  /**
   * The page is going away: send everything not yet acknowledged, without waiting, in batches
   * within the bounds. It may overlap the flush in flight; the worker stores only what is missing.
   * What an earlier exit sent is not sent again (a page can fire `pagehide` more than once).
   */
  flushOnExit(): void {
    this.cancelTimer();
    if (this.halted) return;
    let all = this.inFlight ? merge(this.inFlight, this.buffer) : this.buffer;
    const sent = this.exitSentThrough - all.seqFrom + 1;
    if (sent > 0) all = split(all, Math.min(sent, all.parts.length))[1];
    while (all.parts.length > 0) {
      const [head, rest] = split(all, this.fits(all.parts));
      this.o.send(this.batch(head)).catch(() => undefined);
      this.exitSentThrough = head.seqFrom + head.parts.length - 1;
      all = rest;
    }
  }

  /** How many of `parts`, from the first, make one batch within the bounds (at least one). */
  private fits(parts: readonly string[]): number {
    const max = Math.min(parts.length, this.sendEvents);
    let chars = 2;
    for (let i = 0; i < max; i++) {
      chars += (parts[i]?.length ?? 0) + 1;
      if (i > 0 && chars > this.o.maxSendChars) return i;
    }
    return max;
  }

  private stop(reason: StopReason): void {
    if (this.halted) return;
    this.halted = true;
    this.cancelTimer();
    this.inFlight = null;
    this.buffer = empty(this.nextSeq);
    this.o.onStop(reason);
  }

  private async deliver(): Promise<void> {
    const batch = this.inFlight;
    if (!batch) return;
    let result: FlushResult;
    try {
      result = await this.o.send(this.batch(batch));
    } catch (e) {
      if (this.halted) return;
      if (e instanceof Refused || tooLarge(e)) {
        // Never sent again as it was: halve it when it was too large, otherwise stop.
        if (!tooLarge(e) || batch.parts.length < 2) return this.stop('refused');
        this.sendEvents = Math.ceil(batch.parts.length / 2);
        this.inFlight = null;
        this.buffer = merge(batch, this.buffer);
        return this.flush();
      }
      // No answer: the worker is asleep, restarting or was killed mid-commit. Try the same again.
      if (this.attempt >= MAX_RETRIES) return this.stop('unreachable');
      const delay = RETRY_DELAYS_MS[Math.min(this.attempt++, RETRY_DELAYS_MS.length - 1)] ?? 2000;
      this.schedule(() => void this.deliver(), delay);
      return;
    }
    if (this.halted) return;
    if (!result.ok) return this.stop(result.reason);
    const acked = Math.max(0, result.storedThrough - batch.seqFrom + 1);
    this.inFlight = null;
    // The worker stored a prefix only (a race with another try): resend the rest first.
    if (acked < batch.parts.length) this.buffer = merge(split(batch, acked)[1], this.buffer);
    if (this.buffer.parts.length > 0) {
      const full = this.buffer.bytes >= this.o.maxBytes || this.buffer.parts.length >= this.sendEvents;
      if (full || acked < batch.parts.length) this.flush();
      else if (this.timer === null) this.timer = this.schedule(() => this.flush(), this.o.maxDelayMs);
    }
  }

  private batch(p: Pending): FlushBatch {
    return {
      walkId: this.o.walkId,
      recorderId: this.o.recorderId,
      ...(this.o.tabId === undefined ? {} : { tabId: this.o.tabId }),
      url: this.o.url(),
      seqFrom: p.seqFrom,
      count: p.parts.length,
      events: `[${p.parts.join(',')}]`,
      steps: p.steps,
      signals: p.signals,
    };
  }

  private schedule(fn: () => void, ms: number): unknown {
    return (this.o.setTimer ?? setTimeout)(fn, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) (this.o.clearTimer ?? ((h) => clearTimeout(h as number)))(this.timer);
    this.timer = null;
  }
}

/** The first `n` events of `p` (with their steps and signals), and the rest. */
function split(p: Pending, n: number): [Pending, Pending] {
  if (n >= p.parts.length) return [p, empty(p.seqFrom + p.parts.length)];
  const cut = p.seqFrom + n;
  const headParts = p.parts.slice(0, n);
  const headBytes = headParts.reduce((sum, s) => sum + s.length, 0);
  return [
    {
      seqFrom: p.seqFrom,
      parts: headParts,
      bytes: headBytes,
      steps: p.steps.filter((s) => s.seq < cut),
      signals: p.signals.filter((s) => s.seq < cut),
    },
    {
      seqFrom: cut,
      parts: p.parts.slice(n),
      bytes: p.bytes - headBytes,
      steps: p.steps.filter((s) => s.seq >= cut),
      signals: p.signals.filter((s) => s.seq >= cut),
    },
  ];
}

function merge(a: Pending, b: Pending): Pending {
  return {
    seqFrom: a.seqFrom,
    parts: [...a.parts, ...b.parts],
    bytes: a.bytes + b.bytes,
    steps: [...a.steps, ...b.steps],
    signals: [...a.signals, ...b.signals],
  };
}
