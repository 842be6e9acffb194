import { Chunk, type FlushBatch, type FlushResult, RecordedEvents, RecorderMark, Signal, Step } from '../model';
import { assignTouchpoint } from '../touchpoints/group';
import type { Db } from './open-db';
import { endWalk } from './walks';

export type Compress = (text: string) => Promise<Uint8Array>;

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'QuotaExceededError';
}

/**
 * Stores one flush in one transaction: the compressed chunk, the steps and signals, the touchpoints
 * of newly reached pages, the recorder's mark and the walk's totals. Events at or below the recorder's mark were stored by an earlier try whose
 * acknowledgement was lost, so they are dropped here: a retry never duplicates.
 */
export async function storeFlush(
  db: Db,
  batch: FlushBatch,
  tabId: number,
  compress: Compress,
  now = Date.now(),
): Promise<FlushResult> {
  const walk = await db.get('walks', batch.walkId);
  if (!walk || walk.status === 'ended') return { ok: false, reason: 'walk-ended' };
  if (!walk.tabIds.includes(tabId)) return { ok: false, reason: 'not-a-walk-tab' };
  const all = RecordedEvents.parse(JSON.parse(batch.events));
  // Two tries of one recorder can overlap (the page's last flush on pagehide races a retry):
  // whichever commits second re-reads the mark and stores only what is still missing.
  for (let attempt = 0; ; attempt++) {
    const mark = await db.get('recorders', batch.recorderId);
    const storedThrough = mark?.storedThrough ?? -1;
    const skip = Math.max(0, storedThrough + 1 - batch.seqFrom);
    if (skip >= all.length) return { ok: true, storedThrough };
    const events = skip === 0 ? all : all.slice(skip);
    const seqFrom = batch.seqFrom + skip;
    const seqTo = seqFrom + events.length - 1;
    const json = skip === 0 ? batch.events : JSON.stringify(events);
    const data = await compress(json);
    const rawBytes = new TextEncoder().encode(json).length;
    try {
      const tx = db.transaction(['walks', 'chunks', 'recorders', 'steps', 'signals', 'touchpoints'], 'readwrite');
      const current = await tx.objectStore('recorders').get(batch.recorderId);
      if ((current?.storedThrough ?? -1) !== storedThrough && attempt < 5) {
        await tx.done;
        continue;
      }
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
        await tx.objectStore('signals').put(Signal.parse(signal));
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
      const w = await tx.objectStore('walks').get(batch.walkId);
      if (w) {
        const totals = {
          eventCount: w.eventCount + events.length,
          storedBytes: w.storedBytes + data.byteLength,
          rawBytes: w.rawBytes + rawBytes,
        };
        await tx.objectStore('walks').put({ ...w, ...totals });
      }
      await tx.done;
      return { ok: true, storedThrough: seqTo };
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      // The disk is full: what is stored stays; the walk ends so nothing half-records.
      await endWalk(db, batch.walkId, 'storage-full', now).catch(() => undefined);
      return { ok: false, reason: 'storage-full' };
    }
  }
}

export async function listChunks(db: Db, walkId: string): Promise<Chunk[]> {
  const rows = await db.getAllFromIndex('chunks', 'byWalk', walkId);
  return rows.map((r) => Chunk.parse(r)).sort((a, b) => a.firstTs - b.firstTs || a.id.localeCompare(b.id));
}

export async function listRecorders(db: Db, walkId: string): Promise<RecorderMark[]> {
  const rows = await db.getAllFromIndex('recorders', 'byWalk', walkId);
  return rows.map((r) => RecorderMark.parse(r)).sort((a, b) => a.startedAt - b.startedAt);
}
