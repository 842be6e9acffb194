// Over 200 lines: the runner's bookkeeping (which page loads exist, which are read, which are
// quiet yet) and its one-at-a-time loop share their state; split, each half would expose it.
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import type { Db } from '@/lib/db/open-db';
import { countryOf, DEFAULT_COUNTRY } from '@/lib/facts/country';
import type { PageFacts } from '@/lib/model/fact';
import type { AuditData } from '@/lib/read/audit-data';
import { factsId } from '@/lib/read/facts';
import { getChunks } from '@/lib/read/recording';
import type { PanelEnv } from '@/components/panel/model/panel-env';

/** A page load is read once no new chunk of it has arrived for this long (a page still loading). */
export const QUIET_MS = 2000;
/** Per-page timings kept for the bench and the tests (the newest last). */
const KEEP_TIMINGS = 50;

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

/** Reads one page load's facts (lib/facts/extract-load.ts in the panel; a fake in tests). */
export type ExtractPageLoad = (load: PageLoad, data: AuditData) => Promise<PageFacts | null>;

export interface FactsRunnerDeps {
  db: Db;
  data: ReadonlySignal<AuditData | null>;
  env: Pick<PanelEnv, 'send' | 'now' | 'setTimer' | 'clearTimer'>;
  /** Null: nothing is extracted (a test of another model, a browser without the engine). */
  extract: ExtractPageLoad | null;
  /** The panel's life: the runner stops, and lets its timers go, when it aborts. */
  signal?: AbortSignal;
  quietMs?: number;
  /** Chunk metadata by id (default: read from the database, bytes dropped at once). */
  readChunks?: (ids: readonly string[]) => Promise<ChunkMeta[]>;
  /** Gives the page back to the panel between two page loads (default: the next timer turn). */
  yieldTurn?: () => Promise<void>;
}

/**
 * Keeps the shown audit's facts current, off the walked page: every page load with no facts at
 * the current EXTRACTION_VERSION, or whose recording grew since its facts were read, is read
 * again, one at a time, yielding to the panel between pages; a page load of a walk under way only
 * once it has been quiet for `quietMs` (it is still loading). Results go to the worker
 * (`facts/put`), whose notice brings them back into the read model.
 */
export function createFactsRunner(deps: FactsRunnerDeps) {
  const { db, data, env, extract } = deps;
  const quietMs = deps.quietMs ?? QUIET_MS;
  const readChunks =
    deps.readChunks ??
    (async (ids: readonly string[]) =>
      (await getChunks(db, ids)).map(({ id, walkId, recorderId, tabId, lastTs }) => ({
        id,
        walkId,
        recorderId,
        tabId,
        lastTs,
      })));
  const yieldTurn = deps.yieldTurn ?? (() => new Promise<void>((r) => env.setTimer(r, 0)));

  const pending = signal(0);
  const running = signal(false);
  const lastError = signal<unknown>(null);
  /** Milliseconds each page load took to read (decode, rebuild, extract), newest last. */
  const timings = signal<{ id: string; ms: number }[]>([]);
  const country = computed(() => {
    const d = data.value;
    if (!d) return DEFAULT_COUNTRY;
    const walk = d.walks.at(-1)?.walk;
    const persona = d.personas.find((p) => p.id === walk?.personaId);
    return countryOf(persona?.context.locale, d.audit.startUrl);
  });

  const meta = new Map<string, ChunkMeta>();
  /** When the runner learned of each page load's newest chunk (its clock). */
  const seenAt = new Map<string, number>();
  /** What this runner read and sent, until the worker's notice brings the record back. */
  const sent = new Map<string, { lastTs: number; version: number }>();
  /** Page loads the auditor asked to read again (`recompute`). */
  const forced = new Set<string>();
  let busy = false;
  let again = false;
  let timer: unknown = null;
  const stopped = () => deps.signal?.aborted === true;

  /** The shown audit's page loads from the chunks known, in recording order. */
  function loadsOf(d: AuditData): PageLoad[] {
    const out = new Map<string, PageLoad>();
    for (const w of d.walks) {
      for (const chunkId of w.chunkIds) {
        const c = meta.get(chunkId);
        if (!c) continue;
        const id = factsId(c.walkId, c.recorderId);
        const load = out.get(id) ?? {
          id,
          walkId: c.walkId,
          recorderId: c.recorderId,
          tabId: c.tabId,
          lastTs: 0,
          chunkIds: [],
        };
        load.chunkIds.push(c.id);
        load.lastTs = Math.max(load.lastTs, c.lastTs);
        out.set(id, load);
      }
    }
    return [...out.values()];
  }

  function needsReading(d: AuditData, load: PageLoad): boolean {
    if (forced.has(load.id)) return true;
    const mine = sent.get(load.id);
    if (mine && mine.version >= EXTRACTION_VERSION && mine.lastTs >= load.lastTs) return false;
    const record = d.walks.find((w) => w.walk.id === load.walkId)?.facts.find((f) => f.id === load.id);
    return !record || record.version < EXTRACTION_VERSION || record.at < load.lastTs;
  }

  const isLive = (d: AuditData, walkId: string) => d.walks.find((w) => w.walk.id === walkId)?.walk.status !== 'ended';

  /**
   * Learns the chunks the read model names that the runner has not seen yet. A chunk's id names
   * its recorder (lib/db/recording.ts); a page load of an ended walk whose facts are current and
   * were read after the walk ended is complete (no chunk is stored after a walk ends), so its
   * chunks are not read at all: opening the panel on a long audit reads only what it must.
   */
  async function learnChunks(d: AuditData): Promise<void> {
    const fresh: string[] = [];
    for (const w of d.walks) {
      const ended = w.walk.status === 'ended' ? (w.walk.endedAt ?? Number.POSITIVE_INFINITY) : null;
      for (const id of w.chunkIds) {
        if (meta.has(id)) continue;
        const recorderId = id.slice(0, id.lastIndexOf(':'));
        const done = w.facts.find((f) => f.recorderId === recorderId);
        const complete = ended !== null && done && done.version >= EXTRACTION_VERSION && done.extractedAt >= ended;
        if (complete) meta.set(id, { id, walkId: w.walk.id, recorderId, tabId: done.tabId, lastTs: done.at });
        else fresh.push(id);
      }
    }
    if (fresh.length === 0) return;
    const now = env.now();
    for (const c of await readChunks(fresh)) {
      meta.set(c.id, c);
      seenAt.set(factsId(c.walkId, c.recorderId), now);
    }
  }

  function wakeIn(ms: number): void {
    if (timer !== null || stopped()) return;
    timer = env.setTimer(() => {
      timer = null;
      schedule();
    }, ms);
  }

  /** Reads what needs reading, one page load at a time; one loop runs at once. */
  async function pump(): Promise<void> {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        while (!stopped()) {
          const d = data.value;
          if (!d) {
            pending.value = 0;
            break;
          }
          await learnChunks(d);
          const todo = loadsOf(d).filter((l) => needsReading(d, l));
          pending.value = todo.length;
          const now = env.now();
          const ready = todo.filter((l) => !isLive(d, l.walkId) || now - (seenAt.get(l.id) ?? 0) >= quietMs);
          const next = ready[0];
          if (!next || !extract) {
            const waits = todo.map((l) => (seenAt.get(l.id) ?? 0) + quietMs - now).filter((ms) => ms > 0);
            if (extract && waits.length > 0) wakeIn(Math.min(...waits));
            break;
          }
          await readOne(next, d);
          await yieldTurn();
        }
      } while (again && !stopped());
    } finally {
      busy = false;
    }
  }

  async function readOne(load: PageLoad, d: AuditData): Promise<void> {
    running.value = true;
    const started = performance.now();
    forced.delete(load.id);
    try {
      const facts = await (extract as ExtractPageLoad)(load, d);
      timings.value = [...timings.value, { id: load.id, ms: performance.now() - started }].slice(-KEEP_TIMINGS);
      if (facts && !stopped()) await env.send('facts/put', facts);
      lastError.value = null;
    } catch (e) {
      // Not tried again until its recording grows (or a recompute): a page that fails fails again.
      lastError.value = e;
    } finally {
      sent.set(load.id, { lastTs: load.lastTs, version: EXTRACTION_VERSION });
      running.value = false;
    }
  }

  function schedule(): void {
    if (stopped()) return;
    void pump().catch((e: unknown) => {
      lastError.value = e;
    });
  }

  const stopWatching = effect(() => {
    // Any change of the read model may name new chunks or bring a record back.
    if (data.value) schedule();
    else pending.value = 0;
  });
  deps.signal?.addEventListener(
    'abort',
    () => {
      stopWatching();
      if (timer !== null) env.clearTimer(timer);
      timer = null;
    },
    { once: true },
  );

  return {
    pending: pending as ReadonlySignal<number>,
    running: running as ReadonlySignal<boolean>,
    lastError: lastError as ReadonlySignal<unknown>,
    timings: timings as ReadonlySignal<{ id: string; ms: number }[]>,
    country,
    /** Reads every page load of the shown audit again (an extractor improved, or to check). */
    recompute(): void {
      const d = data.value;
      if (!d) return;
      for (const l of loadsOf(d)) forced.add(l.id);
      // Those not learned yet are read anyway: none has a record at this version to keep.
      schedule();
    },
    /** Resolves once nothing is being read (for tests and the bench). */
    async settled(): Promise<void> {
      while (busy) await new Promise<void>((r) => env.setTimer(r, 10));
    },
  };
}

export type FactsRunner = ReturnType<typeof createFactsRunner>;
