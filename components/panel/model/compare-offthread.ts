import { type CompareInput, compare } from '@/lib/consistency/compare';
import { type CompareAnswer, createCompareSender } from '@/lib/consistency/compare-feed';
import type { Comparison } from '@/lib/consistency/divergence';

/** What the panel needs of a Worker (a fake in tests). */
export interface CompareWorkerLike {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The comparison, answered later (by the comparison worker). */
export type CompareAsync = (input: CompareInput) => Promise<Comparison>;

interface Waiting {
  seq: number;
  input: CompareInput;
  resolve: (c: Comparison) => void;
  reject: (e: unknown) => void;
}

/**
 * `compare` in a dedicated worker (entrypoints/compare-worker.ts), fed only what changed since the
 * last request (lib/consistency/compare-feed.ts). A request may be answered with a newer one's
 * comparison (the worker compares only the newest of those queued): callers keep the newest answer.
 * A worker that cannot start or fails leaves the comparison to this thread, as before.
 */
export function createOffThreadCompare(start: () => CompareWorkerLike): CompareAsync {
  const sender = createCompareSender();
  let worker: CompareWorkerLike | null = null;
  let failed = false;
  const waiting: Waiting[] = [];
  const here = (input: CompareInput) => Promise.resolve().then(() => compare(input));

  function open(): CompareWorkerLike {
    const w = start();
    w.onmessage = (e) => {
      const a = e.data as CompareAnswer | { seq: number; error: string };
      const done = waiting.filter((x) => x.seq <= a.seq);
      waiting.splice(0, done.length);
      for (const x of done) {
        if ('comparison' in a) x.resolve(a.comparison);
        else x.reject(new Error(a.error));
      }
    };
    w.onerror = () => {
      failed = true;
      w.terminate();
      worker = null;
      for (const x of waiting.splice(0)) here(x.input).then(x.resolve, x.reject);
    };
    return w;
  }

  return (input) => {
    if (failed) return here(input);
    try {
      worker ??= open();
    } catch {
      failed = true;
      return here(input);
    }
    const w = worker;
    const delta = sender.delta(input);
    return new Promise<Comparison>((resolve, reject) => {
      waiting.push({ seq: delta.seq, input, resolve, reject });
      w.postMessage(delta);
    });
  };
}
