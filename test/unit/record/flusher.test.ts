import { Flusher, type FlusherOptions, MAX_BATCH_BYTES, MAX_BATCH_DELAY_MS, MAX_RETRIES } from '@/lib/record/flusher';
import type { FlushBatch, FlushResult } from '@/lib/model';
import { ManualClock, settle } from '../support/clock';

interface Call {
  batch: FlushBatch;
  resolve: (r: FlushResult) => void;
  reject: (e: Error) => void;
}

/** A Flusher whose sends wait for the test to answer them, on a clock the test moves. */
function setup(options: Partial<FlusherOptions> = {}) {
  const clock = new ManualClock();
  const calls: Call[] = [];
  const onStop = vi.fn();
  const flusher = new Flusher({
    walkId: 'w1',
    recorderId: 'r1',
    url: () => 'https://ventura.example/quote.html',
    send: (batch) => new Promise((resolve, reject) => calls.push({ batch, resolve, reject })),
    onStop,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    ...options,
  });
  const pushN = (n: number, size = 20) => {
    for (let i = 0; i < n; i++) {
      const seq = flusher.emitted;
      flusher.push(JSON.stringify({ type: 3, timestamp: seq, data: { n: seq, pad: 'x'.repeat(size) } }));
    }
  };
  const seqs = (b: FlushBatch | undefined) =>
    (JSON.parse(b?.events ?? '[]') as { data: { n: number } }[]).map((e) => e.data.n);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return { clock, calls, onStop, flusher, pushN, seqs, range };
}

describe('Flusher', () => {
  it('flushes as soon as the buffer reaches 256 kB', () => {
    expect(MAX_BATCH_BYTES).toBe(256 * 1024);
    const { calls, flusher } = setup();
    const event = JSON.stringify({ type: 3, timestamp: 1, data: { pad: 'x'.repeat(1000) } });
    const needed = Math.ceil(MAX_BATCH_BYTES / event.length);
    for (let i = 0; i < needed - 1; i++) flusher.push(event);
    expect(calls).toHaveLength(0);
    flusher.push(event);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.batch).toMatchObject({ walkId: 'w1', recorderId: 'r1', seqFrom: 0 });
    expect(JSON.parse(calls[0]?.batch.events ?? '')).toHaveLength(needed);
  });

  it('flushes 5 s after the first buffered event, not after the last', () => {
    expect(MAX_BATCH_DELAY_MS).toBe(5000);
    const { clock, calls, pushN, seqs } = setup();
    pushN(1);
    clock.advance(3000);
    pushN(1);
    clock.advance(1999);
    expect(calls).toHaveLength(0);
    clock.advance(1);
    expect(calls).toHaveLength(1);
    expect(seqs(calls[0]?.batch)).toEqual([0, 1]);
  });

  it('keeps one send in flight; the next batch starts where the first ended', async () => {
    const { clock, calls, flusher, pushN, seqs } = setup();
    pushN(3);
    flusher.flush();
    pushN(2);
    flusher.flush();
    clock.advance(10_000);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve({ ok: true, storedThrough: 2 });
    await settle();
    clock.advance(MAX_BATCH_DELAY_MS);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.batch.seqFrom).toBe(3);
    expect(seqs(calls[1]?.batch)).toEqual([3, 4]);
    calls[1]?.resolve({ ok: true, storedThrough: 4 });
    await settle();
    expect(flusher.idle).toBe(true);
  });

  it('retries a send that got no answer with the same batch, backing off, until it lands', async () => {
    const { clock, calls, flusher, pushN } = setup();
    pushN(4);
    flusher.flush();
    pushN(2); // arrives during the retries: not part of the retried batch
    const delays = [50, 100, 250, 500, 1000, 2000, 2000];
    for (const [i, delay] of delays.entries()) {
      calls[i]?.reject(new Error('Could not establish connection'));
      await settle();
      clock.advance(delay - 1);
      expect(calls).toHaveLength(i + 1);
      clock.advance(1);
      expect(calls).toHaveLength(i + 2);
      expect(calls[i + 1]?.batch).toEqual(calls[0]?.batch);
    }
    calls.at(-1)?.resolve({ ok: true, storedThrough: 3 });
    await settle();
    clock.advance(MAX_BATCH_DELAY_MS); // the two later events go in their own batch
    expect(calls.at(-1)?.batch.seqFrom).toBe(4);
  });

  it('gives up on a worker that never answers: stops once, after a bounded number of tries', async () => {
    const { clock, calls, onStop, flusher, pushN } = setup();
    pushN(4);
    flusher.flush();
    for (let i = 0; i <= MAX_RETRIES; i++) {
      calls[i]?.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      await settle();
      clock.advance(2000);
    }
    expect(calls).toHaveLength(MAX_RETRIES + 1);
    expect(onStop).toHaveBeenCalledExactlyOnceWith('unreachable');
    clock.advance(60_000);
    pushN(3);
    flusher.flush();
    expect(calls).toHaveLength(MAX_RETRIES + 1);
  });

  it('resends the rest when the worker stored only a prefix', async () => {
    const { calls, flusher, pushN, seqs, range } = setup();
    flusher.push('{"type":3,"timestamp":0,"data":{"n":0}}', {
      at: 0,
      kind: 'click',
      url: 'u',
      title: 't',
      target: null,
    });
    pushN(8);
    flusher.push('{"type":3,"timestamp":9,"data":{"n":9}}', {
      at: 9,
      kind: 'input',
      url: 'u',
      title: 't',
      target: null,
    });
    flusher.flush();
    pushN(2);
    calls[0]?.resolve({ ok: true, storedThrough: 5 });
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.batch.seqFrom).toBe(6);
    expect(seqs(calls[1]?.batch)).toEqual(range(6, 11));
    expect(calls[1]?.batch.steps.map((s) => s.seq)).toEqual([9]);
  });

  it('stops for good and calls onStop once when the worker refuses', async () => {
    const { clock, calls, onStop, flusher, pushN } = setup();
    pushN(3);
    flusher.flush();
    pushN(2);
    calls[0]?.resolve({ ok: false, reason: 'storage-full' });
    await settle();
    expect(onStop).toHaveBeenCalledExactlyOnceWith('storage-full');
    pushN(5);
    flusher.flush();
    flusher.flushOnExit();
    clock.advance(60_000);
    await settle();
    expect(calls).toHaveLength(1);
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  it('on exit sends the in-flight and buffered events as one batch from the in-flight start', () => {
    const { calls, flusher, pushN, seqs, range } = setup();
    pushN(3);
    flusher.flush();
    flusher.push('{"type":5,"timestamp":3,"data":{"n":3}}', {
      at: 3,
      kind: 'submit',
      url: 'u',
      title: 't',
      target: null,
    });
    pushN(2);
    flusher.flushOnExit();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.batch.seqFrom).toBe(0);
    expect(seqs(calls[1]?.batch)).toEqual(range(0, 5));
    expect(calls[1]?.batch.steps).toEqual([{ seq: 3, at: 3, kind: 'submit', url: 'u', title: 't', target: null }]);
  });

  it('on exit with nothing in flight sends the buffer, and with nothing at all sends nothing', () => {
    const { clock, calls, flusher, pushN, seqs } = setup();
    flusher.flushOnExit();
    expect(calls).toHaveLength(0);
    pushN(2);
    flusher.flushOnExit();
    expect(calls).toHaveLength(1);
    expect(seqs(calls[0]?.batch)).toEqual([0, 1]);
    expect(clock.pending).toBe(0); // the 5 s timer is cancelled
  });
});
