import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import type { PageFacts } from '@/lib/model/fact';
import type { AuditData, WalkData } from '@/lib/read/audit-data';
import { factsId } from '@/lib/read/facts';

/** What the runner knows of one stored chunk: enough to group it by page load, never its bytes. */
export interface ChunkMeta {
  id: string;
  walkId: string;
  recorderId: string;
  tabId: number;
  lastTs: number;
}

/** One recorded page load (one recorder of one walk) as the runner schedules it. */
export interface PageLoad {
  /** Its PageFacts id. */
  id: string;
  walkId: string;
  recorderId: string;
  tabId: number;
  /** Its newest recorded event: the facts read are current when their `at` reaches it. */
  lastTs: number;
  chunkIds: string[];
}

/**
 * The facts runner's bookkeeping, kept current by what changed rather than derived again from the
 * whole audit on every notice: every flush of a walk is a notice, and going over every chunk and
 * every page load of a long walk each time made the panel's cost per page grow with the walk
 * (issue 15). `scan` looks only at chunk ids a walk gained since the last scan and at the facts
 * lists that changed; `todo` looks only at the page loads something happened to since they were
 * last found current ("dirty"). The answers are those of reading the whole audit again
 * (test/unit/panel/facts-loads.test.ts checks it against that).
 */
export function createLoadIndex() {
  const meta = new Map<string, ChunkMeta>();
  const loads = new Map<string, PageLoad>();
  /** When the runner learned of each page load's newest chunk (its clock). */
  const seenAt = new Map<string, number>();
  /** Per walk: the chunk id list last scanned and how much of it. */
  const scanned = new Map<string, { list: readonly string[]; n: number }>();
  /** Per walk: the facts list last indexed, by page load id. */
  const factsOf = new Map<string, { list: readonly PageFacts[]; byId: Map<string, PageFacts> }>();
  /** What this runner read and sent, until the worker's notice brings the record back. */
  const sent = new Map<string, { lastTs: number; version: number }>();
  /** Page loads the auditor asked to read again. */
  const forced = new Set<string>();
  /** Page loads that may need reading: something happened to them since they were last current. */
  const dirty = new Set<string>();

  function addMeta(c: ChunkMeta, now: number | null): void {
    meta.set(c.id, c);
    const id = factsId(c.walkId, c.recorderId);
    let load = loads.get(id);
    if (!load) {
      load = { id, walkId: c.walkId, recorderId: c.recorderId, tabId: c.tabId, lastTs: 0, chunkIds: [] };
      loads.set(id, load);
    }
    load.chunkIds.push(c.id);
    load.lastTs = Math.max(load.lastTs, c.lastTs);
    if (now !== null) seenAt.set(id, now);
    dirty.add(id);
  }

  /** The walk's facts by page load id; a record that came, went or changed makes its load dirty. */
  function factsIndex(w: WalkData): Map<string, PageFacts> {
    const known = factsOf.get(w.walk.id);
    if (known?.list === w.facts) return known.byId;
    const byId = new Map(w.facts.map((f) => [f.id, f]));
    for (const [id, f] of byId) if (known?.byId.get(id) !== f) dirty.add(id);
    for (const id of known?.byId.keys() ?? []) if (!byId.has(id)) dirty.add(id);
    factsOf.set(w.walk.id, { list: w.facts, byId });
    return byId;
  }

  /** Where to resume scanning a walk's chunk ids: lists only grow, unless the audit was read again. */
  function resumeAt(w: WalkData): number {
    const s = scanned.get(w.walk.id);
    if (!s) return 0;
    if (s.list === w.chunkIds) return s.n;
    const n = s.n;
    return n <= w.chunkIds.length && (n === 0 || w.chunkIds[n - 1] === s.list[n - 1]) ? n : 0;
  }

  function needsReading(w: WalkData, load: PageLoad): boolean {
    if (forced.has(load.id)) return true;
    const mine = sent.get(load.id);
    if (mine && mine.version >= EXTRACTION_VERSION && mine.lastTs >= load.lastTs) return false;
    const record = factsIndex(w).get(load.id);
    return !record || record.version < EXTRACTION_VERSION || record.at < load.lastTs;
  }

  return {
    /**
     * Takes in what `d` holds that was not seen yet, and answers the chunk ids whose metadata must
     * be read (`learn`). A page load of an ended walk whose facts are current and were read after
     * the walk ended is complete (no chunk is stored after a walk ends): its chunks are not read.
     */
    scan(d: AuditData): string[] {
      const fresh: string[] = [];
      for (const w of d.walks) {
        const facts = factsIndex(w);
        const from = resumeAt(w);
        if (from === w.chunkIds.length && scanned.get(w.walk.id)?.list === w.chunkIds) continue;
        const ended = w.walk.status === 'ended' ? (w.walk.endedAt ?? Number.POSITIVE_INFINITY) : null;
        for (let i = from; i < w.chunkIds.length; i++) {
          const id = w.chunkIds[i] as string;
          if (meta.has(id)) continue;
          const recorderId = id.slice(0, id.lastIndexOf(':'));
          const done = facts.get(factsId(w.walk.id, recorderId));
          const complete = ended !== null && done && done.version >= EXTRACTION_VERSION && done.extractedAt >= ended;
          if (complete) addMeta({ id, walkId: w.walk.id, recorderId, tabId: done.tabId, lastTs: done.at }, null);
          else fresh.push(id);
        }
        scanned.set(w.walk.id, { list: w.chunkIds, n: w.chunkIds.length });
      }
      return fresh;
    },
    /** Chunk metadata read for `scan`'s ids, learned at `now`. */
    learn(chunks: readonly ChunkMeta[], now: number): void {
      for (const c of chunks) if (!meta.has(c.id)) addMeta(c, now);
    },
    /**
     * The page loads of `d` that need reading, in the order they were learned, and how long until
     * the first one still loading (learned less than `quietMs` ago, of a walk under way) is quiet.
     */
    todo(
      d: AuditData,
      now: number,
      quietMs: number,
    ): { todo: PageLoad[]; ready: PageLoad | null; waitMs: number | null } {
      const walks = new Map(d.walks.map((w) => [w.walk.id, w]));
      const todo: PageLoad[] = [];
      let ready: PageLoad | null = null;
      let waitMs: number | null = null;
      for (const id of dirty) {
        const load = loads.get(id);
        const w = load && walks.get(load.walkId);
        // A load of another audit's walk, or of one deleted, waits here until its walk is shown again.
        if (!load || !w) {
          if (!load) dirty.delete(id);
          continue;
        }
        if (!needsReading(w, load)) {
          dirty.delete(id);
          continue;
        }
        todo.push(load);
        const wait = w.walk.status === 'ended' ? 0 : (seenAt.get(id) ?? 0) + quietMs - now;
        if (wait <= 0) ready ??= load;
        else waitMs = Math.min(waitMs ?? wait, wait);
      }
      return { todo, ready, waitMs };
    },
    /** A page load is being read: a recompute asked from now on reads it once more. */
    started(load: PageLoad): void {
      forced.delete(load.id);
    },
    /** A page load was read (or failed) as it stood in `load`: it waits for its recording to grow. */
    sent(load: PageLoad): void {
      sent.set(load.id, { lastTs: load.lastTs, version: EXTRACTION_VERSION });
      dirty.add(load.id);
    },
    /** Every known page load of `d` is read again. */
    force(d: AuditData): void {
      const shown = new Set(d.walks.map((w) => w.walk.id));
      for (const load of loads.values()) {
        if (!shown.has(load.walkId)) continue;
        forced.add(load.id);
        dirty.add(load.id);
      }
    },
  };
}

export type LoadIndex = ReturnType<typeof createLoadIndex>;
