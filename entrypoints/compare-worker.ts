// The side panel's comparison worker (lib/consistency/compare-feed.ts): a dedicated worker the
// panel starts with `new Worker('/compare-worker.js')`, so comparing every page of a long audit
// never holds the panel's main thread. Built by WXT as an unlisted script (no manifest entry).
import { type CompareDelta, createCompareReceiver } from '@/lib/consistency/compare-feed';

interface WorkerScope {
  onmessage: ((e: MessageEvent<CompareDelta>) => void) | null;
  postMessage(message: unknown): void;
}

export default defineUnlistedScript(() => {
  const scope = self as unknown as WorkerScope;
  const receiver = createCompareReceiver();
  /** The newest request not answered yet: deltas queued behind it are applied, only it is compared. */
  let latest: CompareDelta | null = null;
  scope.onmessage = (e) => {
    receiver.apply(e.data);
    const waiting = latest !== null;
    latest = e.data;
    if (waiting) return;
    setTimeout(() => {
      const d = latest as CompareDelta;
      latest = null;
      try {
        scope.postMessage({ seq: d.seq, comparison: receiver.compare(d) });
      } catch (err) {
        scope.postMessage({ seq: d.seq, error: err instanceof Error ? err.message : String(err) });
      }
    }, 0);
  };
});
