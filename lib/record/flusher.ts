import type { FlushBatch, FlushResult, PageSignalInput, PageStep } from '@/lib/model';

export const MAX_BATCH_BYTES = 256 * 1024;
export const MAX_BATCH_DELAY_MS = 5000;
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1000, 2000];

export type StopReason = Extract<FlushResult, { ok: false }>['reason'];

export interface FlusherOptions {
  walkId: string;
  recorderId: string;
  url: () => string;
  send: (batch: FlushBatch) => Promise<FlushResult>;
  /** Called once when the store refuses more (disk full, walk ended): recording must stop. */
  onStop: (reason: StopReason) => void;
  maxBytes?: number;
  maxDelayMs?: number;
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

/**
 * Batches a recorder's events and delivers them to the worker: at most every 5 s or 256 kB, one
 * flush in flight, retried until the worker acknowledges the commit. A killed worker only delays
 * delivery; sequence numbers let the worker drop what an unacknowledged try already stored.
 */
export class Flusher {
  private nextSeq = 0;
  private buffer: Pending = empty(0);
  private inFlight: Pending | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private stopped = false;
  private readonly o: Required<Omit<FlusherOptions, 'setTimer' | 'clearTimer'>> &
    Pick<FlusherOptions, 'setTimer' | 'clearTimer'>;

  constructor(options: FlusherOptions) {
    this.o = { maxBytes: MAX_BATCH_BYTES, maxDelayMs: MAX_BATCH_DELAY_MS, ...options };
  }

  /**
   * Queues one event (already serialised) and the step or signal derived from it, if any: they
   * ride with their event, so they are stored, retried and de-duplicated with it.
   */
  push(json: string, step?: Omit<PageStep, 'seq'>, signal?: Omit<PageSignalInput, 'seq'>): number {
    const seq = this.nextSeq++;
    if (this.stopped) return seq;
    this.buffer.parts.push(json);
    this.buffer.bytes += json.length;
    if (step) this.buffer.steps.push({ ...step, seq });
    if (signal) this.buffer.signals.push({ ...signal, seq });
    if (this.buffer.bytes >= this.o.maxBytes) this.flush();
    else if (this.timer === null) this.timer = this.schedule(() => this.flush(), this.o.maxDelayMs);
    return seq;
  }

  get emitted(): number {
    return this.nextSeq;
  }

  get idle(): boolean {
    return this.inFlight === null && this.buffer.parts.length === 0;
  }

  /** Starts a flush unless one is in flight (that one picks the buffer up when it lands). */
  flush(): void {
    this.cancelTimer();
    if (this.inFlight || this.stopped || this.buffer.parts.length === 0) return;
    this.inFlight = this.buffer;
    this.buffer = empty(this.inFlight.seqFrom + this.inFlight.parts.length);
    this.attempt = 0;
    void this.deliver();
  }

  /**
   * The page is going away: send everything not yet acknowledged as one last batch, without
   * waiting. It may overlap the flush in flight; the worker stores only what is missing.
   */
  flushOnExit(): void {
    this.cancelTimer();
    if (this.stopped) return;
    const all = this.inFlight ? merge(this.inFlight, this.buffer) : this.buffer;
    if (all.parts.length === 0) return;
    this.o.send(this.batch(all)).catch(() => undefined);
  }

  private async deliver(): Promise<void> {
    const batch = this.inFlight;
    if (!batch) return;
    let result: FlushResult;
    try {
      result = await this.o.send(this.batch(batch));
    } catch {
      // The worker is asleep, restarting or was killed mid-commit: try the same batch again.
      const delay = RETRY_DELAYS_MS[Math.min(this.attempt++, RETRY_DELAYS_MS.length - 1)] ?? 2000;
      this.schedule(() => void this.deliver(), delay);
      return;
    }
    if (!result.ok) {
      this.stopped = true;
      this.inFlight = null;
      this.o.onStop(result.reason);
      return;
    }
    const acked = result.storedThrough - batch.seqFrom + 1;
    this.inFlight = null;
    if (acked < batch.parts.length) {
      // The worker stored a prefix only (a race with another try): resend the rest first.
      const rest = { ...batch, seqFrom: batch.seqFrom + Math.max(0, acked) };
      rest.parts = batch.parts.slice(Math.max(0, acked));
      rest.steps = batch.steps.filter((s) => s.seq >= rest.seqFrom);
      rest.signals = batch.signals.filter((s) => s.seq >= rest.seqFrom);
      rest.bytes = rest.parts.reduce((n, p) => n + p.length, 0);
      this.buffer = merge(rest, this.buffer);
    }
    if (this.buffer.parts.length > 0) {
      if (this.buffer.bytes >= this.o.maxBytes || acked < batch.parts.length) this.flush();
      else if (this.timer === null) this.timer = this.schedule(() => this.flush(), this.o.maxDelayMs);
    }
  }

  private batch(p: Pending): FlushBatch {
    return {
      walkId: this.o.walkId,
      recorderId: this.o.recorderId,
      url: this.o.url(),
      seqFrom: p.seqFrom,
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

function merge(a: Pending, b: Pending): Pending {
  return {
    seqFrom: a.seqFrom,
    parts: [...a.parts, ...b.parts],
    bytes: a.bytes + b.bytes,
    steps: [...a.steps, ...b.steps],
    signals: [...a.signals, ...b.signals],
  };
}
