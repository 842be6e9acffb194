import { Refused } from '@/lib/messaging/refused';
import type { FlushBatch, FlushResult } from '@/lib/model';
import { FLUSH_MAX_CHARS, FLUSH_MAX_EVENTS } from '@/lib/model/flush-limits';
import { Flusher, type FlusherOptions, MAX_SEND_CHARS } from '@/lib/record/flusher';
import { ManualClock, settle } from '../support/clock';

interface Call {
  batch: FlushBatch;
  resolve: (r: FlushResult) => void;
  reject: (e: Error) => void;
}

/** A Flusher whose sends wait for the test to answer them. */
function setup(options: Partial<FlusherOptions> = {}) {
  const clock = new ManualClock();
  const calls: Call[] = [];
  const onStop = vi.fn();
  const flusher = new Flusher({
    walkId: 'w1',
    recorderId: 'r1',
    url: () => 'https://ventura.example/',
    send: (batch) => new Promise((resolve, reject) => calls.push({ batch, resolve, reject })),
    onStop,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    ...options,
  });
  const push = (n: number, size = 20) => {
    for (let i = 0; i < n; i++) {
      const seq = flusher.emitted;
      const step = seq % 10 === 0 ? { at: seq, kind: 'click' as const, url: 'u', title: 't', target: null } : undefined;
      flusher.push(JSON.stringify({ type: 3, timestamp: seq, data: { n: seq, pad: 'x'.repeat(size) } }), step);
    }
  };
  const numbers = (b: FlushBatch) => (JSON.parse(b.events) as { data: { n: number } }[]).map((e) => e.data.n);
  /** Answers every send as a worker that stores it all, until nothing is left. */
  const storeAll = async () => {
    for (let i = 0; i < calls.length; i++) {
      const b = calls[i]?.batch;
      if (b) calls[i]?.resolve({ ok: true, storedThrough: b.seqFrom + b.count - 1 });
      await settle();
      clock.advance(5000);
    }
  };
  return { clock, calls, onStop, flusher, push, numbers, storeAll };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('Flusher bounds', () => {
  it('splits a burst into batches within the count and size bounds, each event sent once and in order', async () => {
    const { calls, flusher, push, numbers, storeAll } = setup();
    push(1);
    flusher.flush(); // in flight while the burst piles up
    push(25_000, 500); // 25,000 events, about 13 MB
    await storeAll();
    expect(flusher.idle).toBe(true);
    expect(calls.length).toBeGreaterThan(3);
    for (const { batch } of calls) {
      expect(batch.count).toBe(numbers(batch).length);
      expect(batch.count).toBeLessThanOrEqual(FLUSH_MAX_EVENTS);
      expect(batch.events.length).toBeLessThanOrEqual(MAX_SEND_CHARS);
      expect(batch.steps.every((s) => s.seq >= batch.seqFrom && s.seq < batch.seqFrom + batch.count)).toBe(true);
    }
    expect(calls.flatMap((c) => numbers(c.batch))).toEqual(range(25_001));
    expect(calls.flatMap((c) => c.batch.steps.map((s) => s.seq))).toEqual(range(25_001).filter((n) => n % 10 === 0));
  });

  it('never sends a refused batch again: it stops once, and says why', async () => {
    const { clock, calls, onStop, flusher, push } = setup();
    push(5);
    flusher.flush();
    calls[0]?.reject(new Refused('Bad recorder/flush: steps.0.kind: Invalid option'));
    await settle();
    expect(onStop).toHaveBeenCalledExactlyOnceWith('refused');
    push(5);
    flusher.flush();
    flusher.flushOnExit();
    clock.advance(60_000);
    await settle();
    expect(calls).toHaveLength(1);
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  it('halves a batch refused as too large, and delivers all of it in smaller ones', async () => {
    const { clock, calls, onStop, flusher, push, numbers } = setup();
    push(1);
    flusher.flush();
    push(999);
    calls[0]?.resolve({ ok: true, storedThrough: 0 });
    await settle();
    clock.advance(5000);
    expect(calls[1]?.batch.count).toBe(999);
    // Chrome's own message limit, or the worker's bound: either way the same batch is not resent.
    calls[1]?.reject(new Error('Message length exceeded maximum allowed length.'));
    await settle();
    expect(calls[2]?.batch.count).toBe(500);
    calls[2]?.reject(new Refused('Bad recorder/flush: events: Too big: expected string to have <=25165824 characters'));
    await settle();
    expect(calls[3]?.batch.count).toBe(250);
    for (let i = 3; i < calls.length; i++) {
      const b = calls[i]?.batch as FlushBatch;
      calls[i]?.resolve({ ok: true, storedThrough: b.seqFrom + b.count - 1 });
      await settle();
      clock.advance(5000);
    }
    expect(onStop).not.toHaveBeenCalled();
    expect(flusher.idle).toBe(true);
    expect([calls[0], ...calls.slice(3)].flatMap((c) => numbers(c?.batch as FlushBatch))).toEqual(range(1000));
  });

  it('stops with a reason when one event is larger than any flush may hold', () => {
    const { calls, onStop, flusher } = setup();
    flusher.push(JSON.stringify({ type: 2, timestamp: 1, data: { html: 'x'.repeat(FLUSH_MAX_CHARS) } }));
    expect(onStop).toHaveBeenCalledExactlyOnceWith('event-too-large');
    expect(calls).toHaveLength(0);
    expect(flusher.stopped).toBe(true);
  });

  it('stops once, with a reason, when the page produces faster than storage keeps up', async () => {
    const { calls, onStop, flusher, push } = setup({ maxHeldChars: 1_000_000 });
    push(1);
    flusher.flush(); // the worker never answers this one
    push(20_000, 100); // about 2.4 MB: more than the recorder may hold
    expect(onStop).toHaveBeenCalledExactlyOnceWith('backlog');
    const sent = calls.length;
    push(1000);
    flusher.flush();
    calls[0]?.resolve({ ok: true, storedThrough: 0 });
    await settle();
    expect(calls).toHaveLength(sent);
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(flusher.idle).toBe(true); // what it held is let go: nothing grows
  });

  it('counts what it holds against the bound by events too, not only bytes', () => {
    const { onStop, flusher, push } = setup({ maxHeldEvents: 5000, maxHeldChars: Number.MAX_SAFE_INTEGER });
    push(1);
    flusher.flush();
    push(4999, 1); // 5,000 held: the most it may
    expect(onStop).not.toHaveBeenCalled();
    push(1, 1);
    expect(onStop).toHaveBeenCalledExactlyOnceWith('backlog');
  });

  it('on exit sends within the bounds, and a second exit resends nothing already sent', () => {
    const { calls, flusher, push, numbers } = setup();
    push(1);
    flusher.flush();
    push(12_000);
    flusher.flushOnExit();
    const exit = calls.slice(1);
    expect(exit.length).toBeGreaterThan(1);
    expect(exit.every((c) => c.batch.count <= FLUSH_MAX_EVENTS)).toBe(true);
    expect(exit.flatMap((c) => numbers(c.batch))).toEqual(range(12_001));
    for (let i = 0; i < 1000; i++) flusher.flushOnExit(); // a page firing pagehide in a loop
    expect(calls).toHaveLength(1 + exit.length);
    push(2);
    flusher.flushOnExit();
    expect(calls).toHaveLength(2 + exit.length);
    expect(numbers(calls.at(-1)?.batch as FlushBatch)).toEqual([12_001, 12_002]);
  });
});
