import { getWalk, listSteps } from '@/lib/read/walks';
import { FlushBatch, type FlushResult } from '@/lib/model';
import { gzip } from '@/lib/codec/gzip';
import { Flusher } from '@/lib/record/flusher';
import { ManualClock, random, settle } from '../support/clock';
import { freshDb, seedWalk, storedNumbers, storeFlush, TAB } from '../support/seed';

const EVENTS = 2000;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * A recorder against a flaky worker: 30% of sends fail before the worker stores anything, 20%
 * fail after the commit (the worker died before it could answer). The worker is the real
 * `storeFlush` on fake-indexeddb. Whatever happens, every event must be stored exactly once.
 */
async function run(seed: number, exitAtEnd: boolean) {
  const rand = random(seed);
  const db = await freshDb();
  const { walk } = await seedWalk(db);
  const clock = new ManualClock();
  const pending = new Set<Promise<unknown>>();
  let sends = 0;

  const send = (batch: FlushBatch): Promise<FlushResult> => {
    sends++;
    const fate = rand();
    const work = (async () => {
      await settle();
      if (fate < 0.3) throw new Error('Could not establish connection. Receiving end does not exist.');
      // Messages cross as JSON, and the worker parses them as it does in register.ts.
      const parsed = FlushBatch.parse(JSON.parse(JSON.stringify(batch)));
      const result = await storeFlush(db, parsed, TAB, gzip, clock.now);
      if (fate < 0.5) throw new Error('The message port closed before a response was received.');
      return result;
    })();
    const tracked = work.catch(() => undefined);
    pending.add(tracked);
    void tracked.then(() => pending.delete(tracked));
    return work;
  };
  const onStop = vi.fn();
  const flusher = new Flusher({
    walkId: walk.id,
    recorderId: 'rec-prop',
    url: () => 'https://ventura.example/',
    send,
    onStop,
    maxBytes: 1500,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  const settleAll = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
    await settle();
  };

  let steps = 0;
  for (let seq = 0; seq < EVENTS; seq++) {
    const event = JSON.stringify({ type: 3, timestamp: 10_000 + seq, data: { n: seq, x: Math.floor(rand() * 1e6) } });
    const step =
      rand() < 0.1 ? { at: 10_000 + seq, kind: 'click' as const, url: 'u', title: 't', target: null } : undefined;
    if (step) steps++;
    flusher.push(event, step);
    const r = rand();
    if (r < 0.05) flusher.flush();
    else if (r < 0.15) clock.advance(Math.floor(rand() * 3000));
    // Time passes between events: sometimes the worker gets far enough to answer.
    const wait = rand();
    if (wait < 0.03) await settleAll();
    else if (wait < 0.4) await settle();
  }
  if (exitAtEnd) flusher.flushOnExit(); // overlaps whatever is in flight
  for (let i = 0; i < 500 && !flusher.idle; i++) {
    flusher.flush();
    clock.advance(5000);
    await settleAll();
  }
  await settleAll();

  expect(onStop).not.toHaveBeenCalled();
  expect(flusher.idle).toBe(true);
  expect(await storedNumbers(db, walk.id)).toEqual(range(EVENTS));
  expect((await getWalk(db, walk.id))?.eventCount).toBe(EVENTS);
  expect(await listSteps(db, walk.id)).toHaveLength(steps);
  return sends;
}

describe('Flusher with a flaky worker and the real store', () => {
  it.each([1, 2, 3, 42])('stores 2,000 events exactly once (seed %i)', async (seed) => {
    const sends = await run(seed, false);
    expect(sends).toBeGreaterThan(60); // many batches, many retries: the test exercised something
  });

  it.each([7, 8])('stores them exactly once when the page exits mid-flight (seed %i)', async (seed) => {
    await run(seed, true);
  });
});
