import type { Change, FlushBatch, FlushResult, Walk } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

// What keeps a flush's cost and its transaction bounded (lib/db/recording.ts storeFlushed).

/** What storeFlushed answers: the page's result, the walk as it now is, and what it committed. */
export type Stored = { result: FlushResult; walk: Walk | null; changes: Change[] };

/** The answer to a batch whose every event is stored already (or to a walk that takes no more), else null. */
export async function alreadyStored(db: Db, batch: FlushBatch, tabId: number): Promise<Stored | null> {
  const tx = db.transaction(['walks', 'recorders'], 'readonly');
  const [walk, mark] = await Promise.all([
    tx.objectStore('walks').get(batch.walkId),
    tx.objectStore('recorders').get(batch.recorderId),
  ]);
  if (!walk || walk.status === 'ended')
    return { result: { ok: false, reason: 'walk-ended' }, walk: walk ?? null, changes: [] };
  if (!walk.tabIds.includes(tabId)) return { result: { ok: false, reason: 'not-a-walk-tab' }, walk, changes: [] };
  const storedThrough = mark?.storedThrough ?? -1;
  if (storedThrough >= batch.seqFrom + batch.count - 1)
    return { result: { ok: true, storedThrough }, walk, changes: [] };
  return null;
}

/** Aborts a transaction unless it already finished (an abort after a failed commit throws). */
export function abort(tx: { abort(): void; done: Promise<unknown> }): void {
  try {
    tx.done.catch(() => undefined);
    tx.abort();
  } catch {
    // already committed or aborted: nothing of it is pending
  }
}
