import {
  Chunk,
  type FlushBatch,
  type FlushResult,
  type RecordedEvent,
  RecordedEvents,
  RecorderMark,
  PageSignal,
  Step,
  type Walk,
} from '@/lib/model';
import { assignTouchpoint } from '@/lib/touchpoints/group';
import type { Db } from '@/lib/db/open-db';
import { endWalk } from '@/lib/db/walks';

export type Compress = (text: string) => Promise<Uint8Array>;

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'QuotaExceededError';
}

/** The events of a flush from `skip` on, as stored: their JSON text, gzipped, and its raw size. */
async function prepare(all: RecordedEvent[], text: string, skip: number, compress: Compress) {
  const events = skip === 0 ? all : all.slice(skip);
  const json = skip === 0 ? text : JSON.stringify(events);
  return { skip, events, data: await compress(json), rawBytes: new TextEncoder().encode(json).length };
}

const FLUSH_STORES = ['walks', 'chunks', 'recorders', 'steps', 'signals', 'touchpoints'] as const;

/**
 * Stores one flush in one transaction: the compressed chunk, the steps and signals, the touchpoints
 * of newly reached pages, the recorder's mark and the walk's totals; answers with the walk as
 * it now is. Events at or below the recorder's mark were stored by an earlier try whose
 * acknowledgement was lost, so they are dropped here: a retry never duplicates. Compression runs
 * before the transaction opens (a transaction commits as soon as it waits on anything else), so
 * one read-and-write transaction is all a flush costs the worker as the next page loads.
 */
export async function storeFlushed(
  db: Db,
  batch: FlushBatch,
  tabId: number,
  compress: Compress,
  now = Date.now(),
): Promise<{ result: FlushResult; walk: Walk | null }> {
  const all = RecordedEvents.parse(JSON.parse(batch.events));
  // Nearly always nothing is stored yet; when a retry overlaps an earlier try, compress again.
  let prepared = await prepare(all, batch.events, 0, compress);
  for (let attempt = 0; ; attempt++) {
    const tx = db.transaction([...FLUSH_STORES], 'readwrite');
    const walk = await tx.objectStore('walks').get(batch.walkId);
    if (!walk || walk.status === 'ended') return { result: { ok: false, reason: 'walk-ended' }, walk: walk ?? null };
    if (!walk.tabIds.includes(tabId)) return { result: { ok: false, reason: 'not-a-walk-tab' }, walk };
    const mark = await tx.objectStore('recorders').get(batch.recorderId);
    const storedThrough = mark?.storedThrough ?? -1;
    const skip = Math.max(0, storedThrough + 1 - batch.seqFrom);
    if (skip >= all.length) return { result: { ok: true, storedThrough }, walk };
    if (skip !== prepared.skip) {
      // Another try of this recorder committed since: store only what it did not.
      if (attempt >= 5) throw new Error('A flush kept racing another one; the page will try again.');
      await tx.done;
      prepared = await prepare(all, batch.events, skip, compress);
      continue;
    }
    const { events, data, rawBytes } = prepared;
    const seqFrom = batch.seqFrom + skip;
    const seqTo = seqFrom + events.length - 1;
    try {
      await tx.objectStore('chunks').put(
        Chunk.parse({
          id: `${batch.recorderId}:${String(seqFrom).padStart(9, '0')}`,
          walkId: batch.walkId,
          tabId,
          recorderId: batch.recorderId,
          seqFrom,
          seqTo,
          firstTs: events[0]?.timestamp ?? now,
          lastTs: events[events.length - 1]?.timestamp ?? now,
          rawBytes,
          data,
        }),
      );
      for (const s of batch.steps) {
        if (s.seq < seqFrom || s.seq > seqTo) continue;
        const { seq, ...rest } = s;
        const step = {
          ...rest,
          id: `${batch.recorderId}:${seq}`,
          walkId: batch.walkId,
          tabId,
          recorderId: batch.recorderId,
        };
        await tx.objectStore('steps').put(Step.parse(step));
      }
      for (const [i, g] of batch.signals.entries()) {
        if (g.seq < seqFrom || g.seq > seqTo) continue;
        const { seq, ...rest } = g;
        const signal = {
          ...rest,
          id: `${batch.recorderId}:sig:${seq}:${i}`,
          walkId: batch.walkId,
          tabId,
          recorderId: batch.recorderId,
        };
        await tx.objectStore('signals').put(PageSignal.parse(signal));
      }
      // Each page the walk reaches joins a web touchpoint, or starts one (lib/touchpoints/group.ts).
      const visits = batch.steps.filter((s) => s.kind === 'visit' && s.seq >= seqFrom && s.seq <= seqTo);
      if (visits.length > 0) {
        const touchpoints = await tx.objectStore('touchpoints').index('byAudit').getAll(walk.auditId);
        for (const v of visits) {
          const a = assignTouchpoint(v.url, v.title, touchpoints, () => crypto.randomUUID(), now, walk.auditId);
          if (!a?.created) continue;
          touchpoints.push(a.touchpoint);
          await tx.objectStore('touchpoints').put(a.touchpoint);
        }
      }
      await tx.objectStore('recorders').put(
        RecorderMark.parse({
          recorderId: batch.recorderId,
          walkId: batch.walkId,
          tabId,
          url: batch.url,
          startedAt: mark?.startedAt ?? events[0]?.timestamp ?? now,
          storedThrough: seqTo,
        }),
      );
      const updated: Walk = {
        ...walk,
        eventCount: walk.eventCount + events.length,
        storedBytes: walk.storedBytes + data.byteLength,
        rawBytes: walk.rawBytes + rawBytes,
      };
      await tx.objectStore('walks').put(updated);
      await tx.done;
      return { result: { ok: true, storedThrough: seqTo }, walk: updated };
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      // The disk is full: what is stored stays; the walk ends so nothing half-records.
      const ended = await endWalk(db, batch.walkId, 'storage-full', now).catch(() => undefined);
      return { result: { ok: false, reason: 'storage-full' }, walk: ended ?? null };
    }
  }
}
