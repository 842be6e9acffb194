import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import { countryOf, DEFAULT_COUNTRY } from '@/lib/facts/country';
import type { PageFacts } from '@/lib/model/fact';
import type { AuditData } from '@/lib/read/audit-data';
import { getChunks } from '@/lib/read/recording';
import { type ChunkMeta, createLoadIndex, type PageLoad } from '@/components/panel/model/facts-loads';
import type { PanelEnv } from '@/components/panel/model/panel-env';

/** A page load is read once no new chunk of it has arrived for this long (a page still loading). */
export const QUIET_MS = 2000;
/** Per-page timings kept for the bench and the tests (the newest last). */
const KEEP_TIMINGS = 50;

export type { ChunkMeta, PageLoad };

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
  /** True while the auditor waits on the panel (Export audit): no new page is read until it is over. */
  paused?: ReadonlySignal<boolean>;
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

  /** Which page loads exist, which are read, which are quiet yet (components/panel/model/facts-loads.ts). */
  const index = createLoadIndex();
  let busy = false;
  let again = false;
  let timer: unknown = null;
  const stopped = () => deps.signal?.aborted === true;

  /** Learns the chunks the read model names that the runner has not seen yet (their metadata only). */
  async function learnChunks(d: AuditData): Promise<void> {
    const fresh = index.scan(d);
    if (fresh.length === 0) return;
    const now = env.now();
    index.learn(await readChunks(fresh), now);
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
          // The auditor's action first: the page loads wait, the effect below wakes the loop again.
          if (deps.paused?.peek()) break;
          const d = data.value;
          if (!d) {
            pending.value = 0;
            break;
          }
          await learnChunks(d);
          const { todo, ready, waitMs } = index.todo(d, env.now(), quietMs);
          pending.value = todo.length;
          if (!ready || !extract) {
            if (extract && waitMs !== null) wakeIn(waitMs);
            break;
          }
          // As it stands now: chunks learned while it is read make it due again.
          const next = { ...ready, chunkIds: [...ready.chunkIds] };
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
    index.started(load);
    try {
      const facts = await (extract as ExtractPageLoad)(load, d);
      timings.value = [...timings.value, { id: load.id, ms: performance.now() - started }].slice(-KEEP_TIMINGS);
      if (facts && !stopped()) await env.send('facts/put', facts);
      lastError.value = null;
    } catch (e) {
      // Not tried again until its recording grows (or a recompute): a page that fails fails again.
      lastError.value = e;
    } finally {
      index.sent(load);
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
    if (deps.paused?.value) return;
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
      index.force(d);
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
