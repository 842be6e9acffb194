import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type CompareInput, compare as realCompare } from '@/lib/consistency/compare';
import type { Comparison, Divergence, PagePlace, Place } from '@/lib/consistency/divergence';
import type { Db } from '@/lib/db/open-db';
import type { DataChanged } from '@/lib/model';
import type { Decision, FactKind } from '@/lib/model/fact';
import type { AuditData } from '@/lib/read/audit-data';
import { createConsistencyCommands } from '@/components/panel/model/consistency-commands';
import { createPlaceShots, placeReplayPath, tagOnPlace } from '@/components/panel/model/consistency-places';
import type { Message, PanelEnv } from '@/components/panel/model/panel-env';
import { sameItems } from '@/components/panel/model/same';
import type { CompareAsync } from '@/components/panel/model/compare-offthread';

export { placeReplayPath, tagOnPlace };

export type DecisionStatus = 'open' | Decision['status'];

/** A divergence as the view shows it: with the auditor's decision on it, when there is one. */
export interface ShownDivergence {
  divergence: Divergence;
  status: DecisionStatus;
  decision: Decision | null;
}

export interface KindGroup {
  kind: FactKind;
  items: ShownDivergence[];
}

/** What the view needs of the facts runner (components/panel/model/facts-runner.ts). */
export interface FactsRunnerView {
  /** Recorded pages whose facts are still to be read (new, or read by older extractors). */
  pending: ReadonlySignal<number>;
  running: ReadonlySignal<boolean>;
  lastError: ReadonlySignal<unknown>;
  recompute(): unknown;
}

export interface ConsistencyDeps {
  db: Db;
  env: Pick<PanelEnv, 'send' | 'openTab' | 'objectUrl' | 'revokeUrl'>;
  data: ReadonlySignal<AuditData | null>;
  runner: FactsRunnerView;
  /** The country off-site values are read in, as the runner reads pages (lib/facts/country.ts). */
  country: ReadonlySignal<string>;
  applyLocal: (notice: DataChanged) => void;
  /** lib/consistency/compare.ts; a test may pass another. */
  compare?: typeof realCompare;
  /**
   * The comparison away from the panel's main thread (components/panel/model/compare-offthread.ts):
   * the panel's; without it (tests) `compare` runs here, at once.
   */
  compareAsync?: CompareAsync;
}

const ORDER: Record<DecisionStatus, number> = { open: 0, confirmed: 1, dismissed: 2 };

/**
 * The Consistency view's state: the comparison of every fact the audit's walks hold (pages and
 * off-site events), with the auditor's decisions merged in by key, so a decision holds when the
 * facts are read again. Pure derivation of the read model; every change is a command to the worker.
 */
export function createConsistency(deps: ConsistencyDeps) {
  const { db, env, data, runner } = deps;
  const compare = deps.compare ?? realCompare;
  // The same arrays while no page's facts, no event and no touchpoint changed: a flush of the
  // walk under way (steps, chunks) does not compare everything again.
  const pages = sameItems(() => data.value?.walks.flatMap((w) => w.facts) ?? []);
  const offsite = sameItems(() => data.value?.walks.flatMap((w) => w.offsite) ?? []);
  const touchpoints = computed(() => data.value?.touchpoints ?? []);
  const hasData = computed(() => data.value !== null);
  /** The newest comparison the worker answered, and the inputs it is of. */
  const answered = signal<{ input: CompareInput; comparison: Comparison } | null>(null);
  let asked: CompareInput | null = null;
  const sameInput = (a: CompareInput | null, b: CompareInput) =>
    a !== null &&
    a.pages === b.pages &&
    a.offsite === b.offsite &&
    a.touchpoints === b.touchpoints &&
    a.country === b.country;
  /** Asks the worker, once per new input; only the answer to the newest question is kept. */
  function ask(input: CompareInput, run: CompareAsync): void {
    if (sameInput(asked, input)) return;
    asked = input;
    run(input).then(
      (comparison) => {
        if (asked === input) answered.value = { input, comparison };
      },
      () => {
        // The worker failed: the comparison is made here, as without one.
        if (asked === input) answered.value = { input, comparison: compare(input) };
      },
    );
  }
  // Computed only while a view reads it. With a worker, the last comparison shows until the new
  // one is answered (a page read during a walk changes a few values, not the whole view).
  const comparison = computed<Comparison | null>(() => {
    if (!hasData.value) return null;
    const input: CompareInput = {
      pages: pages.value,
      offsite: offsite.value,
      touchpoints: touchpoints.value,
      country: deps.country.value,
    };
    if (!deps.compareAsync) return compare(input);
    const held = answered.value;
    if (!held || !sameInput(held.input, input)) ask(input, deps.compareAsync);
    return held?.comparison ?? null;
  });
  const decisions = computed(() => new Map((data.value?.decisions ?? []).map((d) => [d.key, d])));
  const items = computed<ShownDivergence[]>(() =>
    (comparison.value?.divergences ?? []).map((divergence) => {
      const decision = decisions.value.get(divergence.key) ?? null;
      return { divergence, decision, status: decision?.status ?? 'open' };
    }),
  );
  /** By kind, in the order the comparison gives them; open ones first within a kind. */
  const byKind = computed<KindGroup[]>(() => {
    const groups = new Map<FactKind, ShownDivergence[]>();
    for (const item of items.value) {
      const list = groups.get(item.divergence.kind) ?? [];
      list.push(item);
      groups.set(item.divergence.kind, list);
    }
    return [...groups].map(([kind, list]) => ({
      kind,
      items: [...list].sort((a, b) => ORDER[a.status] - ORDER[b.status]),
    }));
  });
  const counts = computed(() => {
    const c = { open: 0, confirmed: 0, dismissed: 0, total: items.value.length };
    for (const i of items.value) c[i.status]++;
    return c;
  });
  /** Whether any page or event holds a fact at all: "no divergence" means something only then. */
  const hasFacts = computed(
    () => pages.value.some((p) => p.facts.length > 0) || offsite.value.some((e) => e.facts.length > 0),
  );

  const openKey = signal<string | null>(null);
  // Nothing open reads no comparison: the place shots' effect follows `opened` all the time, and
  // must not compare every page of the audit again on each page the facts runner reads.
  const opened = computed(() => {
    const key = openKey.value;
    return key === null ? null : (items.value.find((i) => i.divergence.key === key) ?? null);
  });
  const error = signal<Message | null>(null);
  const status = signal<Message | null>(null);
  const busy = signal(false);

  const shots = createPlaceShots({ db, env, data, opened: computed(() => opened.value?.divergence ?? null) });

  const commands = createConsistencyCommands({ env, data, error, status, busy, applyLocal: deps.applyLocal });

  return {
    comparison,
    items,
    byKind,
    counts,
    hasFacts,
    openKey,
    opened,
    shots: shots.urls,
    error,
    status,
    busy,
    pending: runner.pending,
    running: runner.running,
    lastError: runner.lastError,
    ...commands,
    /** An off-site place's touchpoint, by name ("Support line"). */
    touchpointName: (id: string) => touchpoints.value.find((tp) => tp.id === id)?.name ?? '',
    /** The tag on a place's element (its screenshot shows beside the value). */
    tagOn: (p: Place) => tagOnPlace(data.value, p),
    open(key: string): void {
      openKey.value = key;
    },
    close(): void {
      openKey.value = null;
    },
    recompute(): void {
      error.value = null;
      void Promise.resolve(runner.recompute()).catch(() => undefined);
    },
    /** Opens the replay where the value was read. */
    openPlace(p: PagePlace): void {
      env.openTab(placeReplayPath(p));
    },
    dispose: shots.dispose,
  };
}

export type ConsistencyModel = ReturnType<typeof createConsistency>;
