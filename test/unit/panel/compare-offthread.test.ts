import { type CompareInput, compare } from '@/lib/consistency/compare';
import { type CompareDelta, createCompareReceiver } from '@/lib/consistency/compare-feed';
import type { PageFacts } from '@/lib/model/fact';
import { type CompareWorkerLike, createOffThreadCompare } from '@/components/panel/model/compare-offthread';
import { pageFacts, phoneFact } from './consistency-support';

/** A worker run in this thread, as entrypoints/compare-worker.ts runs: deltas applied, the newest compared. */
function fakeWorker(log: CompareDelta[]) {
  const receiver = createCompareReceiver();
  let latest: CompareDelta | null = null;
  const w: CompareWorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(m) {
      const d = structuredClone(m) as CompareDelta;
      log.push(d);
      receiver.apply(d);
      const waiting = latest !== null;
      latest = d;
      if (waiting) return;
      setTimeout(() => {
        const last = latest as CompareDelta;
        latest = null;
        w.onmessage?.({ data: { seq: last.seq, comparison: receiver.compare(last) } } as MessageEvent);
      }, 0);
    },
  };
  return w;
}

const phones = ['+34911111111', '+34922222222', '+34933333333'];
const page = (i: number, phone: string) => pageFacts(`/p${i % 7}`, [phoneFact(phone, phone, 'footer a')]);

describe('the comparison in a worker fed only what changed', () => {
  it('answers what comparing every page here answers, after every change', async () => {
    const log: CompareDelta[] = [];
    const run = createOffThreadCompare(() => fakeWorker(log));
    let pages: PageFacts[] = [];
    for (let step = 0; step < 40; step++) {
      const i = step * 7 + 3;
      if (step % 5 === 4 && pages.length > 2) pages = pages.filter((_, k) => k !== i % pages.length);
      else if (step % 3 === 2 && pages.length > 0)
        pages = pages.map((p, k) => (k === i % pages.length ? page(k, phones[i % 3] as string) : p));
      else pages = [...pages, page(step, phones[i % 3] as string)];
      const input: CompareInput = { pages, offsite: [], touchpoints: [], country: 'ES' };
      expect(await run(input), `step ${step}`).toEqual(compare(input));
    }
    // A page added sends that page only, not the audit's pages again.
    const added = log.filter((d, k) => k > 0 && d.order.length === (log[k - 1] as CompareDelta).order.length + 1);
    expect(added.length).toBeGreaterThan(10);
    for (const d of added) expect(d.put).toHaveLength(1);
  });

  it('answers queued requests with the newest comparison, computed once', async () => {
    const log: CompareDelta[] = [];
    const run = createOffThreadCompare(() => fakeWorker(log));
    const a = [page(1, '+34911111111')];
    const b = [...a, page(2, '+34922222222')];
    const first = run({ pages: a, offsite: [], touchpoints: [], country: 'ES' });
    const second = run({ pages: b, offsite: [], touchpoints: [], country: 'ES' });
    const newest = compare({ pages: b, offsite: [], touchpoints: [], country: 'ES' });
    expect(await first).toEqual(newest);
    expect(await second).toEqual(newest);
  });

  it('compares here when the worker fails', async () => {
    let worker: CompareWorkerLike | null = null;
    const run = createOffThreadCompare(() => {
      worker = { onmessage: null, onerror: null, terminate: () => undefined, postMessage: () => undefined };
      return worker;
    });
    const input: CompareInput = {
      pages: [page(1, '+34911111111'), page(2, '+34922222222')],
      offsite: [],
      touchpoints: [],
      country: 'ES',
    };
    const answer = run(input);
    (worker as unknown as CompareWorkerLike).onerror?.({} as ErrorEvent);
    expect(await answer).toEqual(compare(input));
    expect(await run(input)).toEqual(compare(input));
  });
});
