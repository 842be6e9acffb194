import {
  type Change,
  Chunk,
  type FlushBatch,
  RecordedEvents,
  RecorderMark,
  PageSignal,
  Step,
  type Walk,
} from '@/lib/model';
import { assignTouchpoint } from '@/lib/touchpoints/group';
import { indexByPattern } from '@/lib/touchpoints/pattern-index';
import type { Db } from '@/lib/db/open-db';
import { endWalk } from '@/lib/db/walks';
import { abort, alreadyStored, type Stored } from '@/lib/db/flush-guards';
import { type Compress, prepare, putNewAssets } from '@/lib/db/flush-assets';
import { redactFlush } from '@/lib/privacy/flush-urls';
import type { UrlPolicy } from '@/lib/privacy/url-policy';

export type { Compress } from '@/lib/db/flush-assets';

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'QuotaExceededError';
}

const FLUSH_STORES = ['walks', 'chunks', 'recorders', 'steps', 'signals', 'touchpoints', 'assets'] as const;

/**
 * Stores one flush in one transaction: the compressed chunk, the stylesheet texts the walk does not
 * hold yet (lib/db/flush-assets.ts), the steps and signals, the touchpoints
 * of newly reached pages, the recorder's mark and the walk's totals; answers with the walk as
 * it now is. Events at or below the recorder's mark were stored by an earlier try whose
 * acknowledgement was lost, so they are dropped here: a retry never duplicates. Compression runs
 * before the transaction opens (a transaction commits as soon as it waits on anything else), so
 * one read-and-write transaction is all a flush costs the worker as the next page loads.
 * `changes` lists what it committed, built from the records it wrote (no read again): the
 * walk's new totals, the new steps, signals and touchpoints, and the new chunk's id. Every URL
 * in the flush goes through `policy` (the walk's URL policy) before anything is stored.
 */
export async function storeFlushed(
  db: Db,
  sent: FlushBatch,
  tabId: number,
  compress: Compress,
  now = Date.now(),
  policy: UrlPolicy = {},
): Promise<Stored> {
  // A retry of what is stored already is acknowledged before anything is parsed or compressed:
  // a page that makes its recorder resend (pagehide after pagehide) costs the worker one read.
  const known = await alreadyStored(db, sent, tabId);
  if (known) return known;
  const all = RecordedEvents.parse(JSON.parse(sent.events));
  if (all.length !== sent.count) {
    throw new Error(`Bad recorder/flush: count: says ${sent.count} events, events holds ${all.length}.`);
  }
  // The recorder applied the URL policy; the worker applies it again (lib/privacy/flush-urls.ts).
  const { batch, learned } = redactFlush(sent, all, policy);
  // Nearly always nothing is stored yet; when a retry overlaps an earlier try, compress again.
  let prepared = await prepare(db, batch.walkId, all, batch.events, 0, compress);
  for (let attempt = 0; ; attempt++) {
    const tx = db.transaction([...FLUSH_STORES], 'readwrite');
    const walk = await tx.objectStore('walks').get(batch.walkId);
    if (!walk || walk.status === 'ended') {
      return { result: { ok: false, reason: 'walk-ended' }, walk: walk ?? null, changes: [] };
    }
    if (!walk.tabIds.includes(tabId)) return { result: { ok: false, reason: 'not-a-walk-tab' }, walk, changes: [] };
    const mark = await tx.objectStore('recorders').get(batch.recorderId);
    const storedThrough = mark?.storedThrough ?? -1;
    const skip = Math.max(0, storedThrough + 1 - batch.seqFrom);
    // Stored already; or it starts past a gap (an earlier batch has not landed yet), or it kept
    // racing another try: the answer says what is stored, and the recorder sends the rest again.
    if (skip >= all.length || batch.seqFrom > storedThrough + 1 || (skip !== prepared.skip && attempt >= 5)) {
      return { result: { ok: true, storedThrough }, walk, changes: [] };
    }
    if (skip !== prepared.skip) {
      // Another try of this recorder committed since: store only what it did not.
      await tx.done;
      prepared = await prepare(db, batch.walkId, all, batch.events, skip, compress);
      continue;
    }
    const { events, data, rawBytes } = prepared;
    // The flush's stylesheet texts the walk does not hold yet go in with it, or none of it does.
    const assetBytes = await putNewAssets(tx, prepared.assets);
    if (assetBytes === null) {
      await tx.done;
      prepared = await prepare(db, batch.walkId, all, batch.events, skip, compress);
      continue;
    }
    const seqFrom = batch.seqFrom + skip;
    const seqTo = seqFrom + events.length - 1;
    const chunkId = `${batch.recorderId}:${String(seqFrom).padStart(9, '0')}`;
    const steps: Change[] = [];
    const later: Change[] = [];
    try {
      await tx.objectStore('chunks').put(
        Chunk.parse({
          id: chunkId,
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
        const stored = Step.parse(step);
        await tx.objectStore('steps').put(stored);
        steps.push({ store: 'steps', op: 'put', value: stored });
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
        const stored = PageSignal.parse(signal);
        await tx.objectStore('signals').put(stored);
        later.push({ store: 'signals', op: 'put', value: stored });
      }
      // Each page the walk reaches joins a web touchpoint, or starts one (lib/touchpoints/group.ts).
      const visits = batch.steps.filter((s) => s.kind === 'visit' && s.seq >= seqFrom && s.seq <= seqTo);
      if (visits.length > 0) {
        // Indexed once per flush: each visit is then a look-up, not a scan of every pattern.
        const touchpoints = indexByPattern(await tx.objectStore('touchpoints').index('byAudit').getAll(walk.auditId));
        for (const v of visits) {
          const a = assignTouchpoint(v.url, v.title, touchpoints, () => crypto.randomUUID(), now, walk.auditId);
          if (!a?.created) continue;
          await tx.objectStore('touchpoints').put(a.touchpoint);
          later.push({ store: 'touchpoints', op: 'put', value: a.touchpoint });
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
          // The page load's JSON-LD, stored beside its first flush (lib/walk/structured-data.ts).
          ...(mark?.structuredData ? { structuredData: mark.structuredData } : {}),
        }),
      );
      const updated: Walk = {
        ...walk,
        eventCount: walk.eventCount + events.length,
        storedBytes: walk.storedBytes + data.byteLength + assetBytes,
        rawBytes: walk.rawBytes + rawBytes,
      };
      // Parameters that carried typed text stay redacted for the rest of the walk (names only).
      const typed = [...new Set([...(walk.typedParams ?? []), ...learned])];
      if (typed.length > (walk.typedParams?.length ?? 0)) updated.typedParams = typed.slice(0, 100);
      await tx.objectStore('walks').put(updated);
      await tx.done;
      // The walk first: a view that did not hold it yet (it opened as the walk started) takes it
      // before the records that belong to it.
      const changes: Change[] = [
        { store: 'walks', op: 'put', value: updated },
        ...later,
        ...steps,
        { store: 'chunks', op: 'put', walkId: batch.walkId, ids: [chunkId] },
      ];
      return { result: { ok: true, storedThrough: seqTo }, walk: updated, changes };
    } catch (e) {
      // Whatever failed after the first put (a record that does not parse, a bug), nothing of the
      // flush may commit: a transaction left alone commits what it holds, a chunk without its mark.
      abort(tx);
      if (!isQuotaError(e)) throw e;
      // The disk is full: what is stored stays; the walk ends so nothing half-records.
      const ended = await endWalk(db, batch.walkId, 'storage-full', now).catch(() => undefined);
      const changes: Change[] = ended ? [{ store: 'walks', op: 'put', value: ended }] : [];
      return { result: { ok: false, reason: 'storage-full' }, walk: ended ?? null, changes };
    }
  }
}
