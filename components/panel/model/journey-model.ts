import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import {
  type DataChanged,
  type OffsiteEvent,
  phaseOf,
  type Score,
  Stage,
  type Tag,
  type Touchpoint,
  type TouchpointKpis,
} from '@/lib/model';
import type { Db } from '@/lib/db/open-db';
import { type AuditData, findWalk, kpisOf } from '@/lib/read/audit-data';
import { getScreenshot } from '@/lib/read/tags';
import { replayHash } from '@/lib/replay/hash';
import { createJourneyCommands } from '@/components/panel/model/journey-commands';
import { createOffsiteForm } from '@/components/panel/model/offsite-form';
import { stableComputed } from '@/components/panel/model/same';
import type { Message, PanelEnv } from '@/components/panel/model/panel-env';

/** One touchpoint of the journey with everything the walk gathered on it. */
export interface JourneyItem {
  touchpoint: Touchpoint;
  kpis: TouchpointKpis;
  score: Score | null;
  tags: Tag[];
  offsite: OffsiteEvent[];
}

export interface StageGroup {
  stage: Stage;
  phase: ReturnType<typeof phaseOf>;
  items: JourneyItem[];
}

/** The journey's touchpoints by stage, in journey order (stages in theirs, touchpoints as met). */
export function groupByStage(items: readonly JourneyItem[]): StageGroup[] {
  return Stage.options
    .map((stage) => ({ stage, phase: phaseOf(stage), items: items.filter((i) => i.touchpoint.stage === stage) }))
    .filter((g) => g.items.length > 0);
}

export interface JourneyDeps {
  db: Db;
  env: PanelEnv;
  /** The current audit's read model. */
  data: ReadonlySignal<AuditData | null>;
  /** The walk to show: the one under way, the past one chosen, or the latest. */
  walkId: ReadonlySignal<string | null>;
  /** A command's answer, applied at once to what the panel holds (the worker's notice follows). */
  applyLocal: (notice: DataChanged) => void;
}

const NO_TOUCHPOINTS: Touchpoint[] = [];

/**
 * One walk's journey in the panel, derived from the audit's read model: touchpoints by stage
 * with their KPIs (computed again only when that walk or the touchpoints changed), scores, tags
 * (with their screenshots, read by id) and off-site events; and the auditor's edits to them, each
 * a command to the worker.
 */
export function createJourney({ db, env, data, walkId, applyLocal }: JourneyDeps) {
  const shownWalk = computed(() => findWalk(data.value, walkId.value));
  const walk = computed(() => shownWalk.value?.walk ?? null);
  const touchpoints = computed(() => data.value?.touchpoints ?? NO_TOUCHPOINTS);
  const items = stableComputed<JourneyItem[]>(() => {
    const w = shownWalk.value;
    if (!w) return [];
    const byId = new Map(touchpoints.value.map((t) => [t.id, t]));
    return kpisOf(w, touchpoints.value, env.now()).flatMap((k) => {
      const touchpoint = byId.get(k.touchpointId);
      if (!touchpoint) return [];
      return [
        {
          touchpoint,
          kpis: k,
          score: w.scores.find((s) => s.touchpointId === k.touchpointId) ?? null,
          tags: w.tags.filter((t) => t.touchpointId === k.touchpointId),
          offsite: w.offsite.filter((e) => e.touchpointId === k.touchpointId),
        },
      ];
    });
  });
  /** Screenshot URLs by tag id; revoked when the tag or the walk is no longer shown. */
  const shots = signal<Map<string, string>>(new Map());
  const error = signal<Message | null>(null);
  const status = signal<Message | null>(null);
  const groups = computed(() => groupByStage(items.value));
  /** The walk shown, by id: the journey's frame redraws when another walk is shown, not on every flush. */
  const shownId = computed(() => walk.value?.id ?? null);
  const offsiteForm = createOffsiteForm(env.now);

  // A tag's screenshot is read once, when the tag first shows; its URL lives while the tag does.
  let shotSeq = 0;
  async function syncShots(tags: readonly Tag[]): Promise<void> {
    const mine = ++shotSeq;
    const urls = new Map<string, string>();
    for (const tag of tags) {
      // peek: the effect that calls this follows the tags shown, not the URLs it makes.
      const old = shots.peek().get(tag.id);
      if (old) urls.set(tag.id, old);
      else if (tag.screenshotId) {
        const shot = await getScreenshot(db, tag.screenshotId).catch(() => undefined);
        if (shot) urls.set(tag.id, env.objectUrl(shot.blob));
      }
    }
    if (mine !== shotSeq) {
      for (const [k, u] of urls) if (shots.peek().get(k) !== u) env.revokeUrl(u);
      return;
    }
    setShots(urls);
  }
  const stopShots = effect(() => {
    void syncShots(shownWalk.value?.tags ?? []);
  });

  function setShots(next: Map<string, string>): void {
    const old = shots.peek();
    for (const [k, u] of old) if (next.get(k) !== u) env.revokeUrl(u);
    // A Map is no JSON data: the same tags with the same URLs are the same shots.
    if (old.size !== next.size || [...next].some(([k, u]) => old.get(k) !== u)) shots.value = next;
  }

  const commands = createJourneyCommands({ env, data, walk, offsiteForm, error, status, applyLocal });

  return {
    now: env.now,
    offsiteForm,
    walkId,
    walk,
    shownId,
    touchpoints,
    items,
    groups,
    shots,
    error,
    status,
    // biome-ignore lint/nursery/noMisusedPromises: an object of command functions, no Promise (the nursery rule misreads its async methods)
    ...commands,
    /** Opens the replay of the walk at the moment a tag was pinned. */
    openTag(tag: Tag): void {
      env.openTab(`/replay.html${replayHash({ walkId: tag.walkId, tagId: tag.id })}`);
    },
    dispose(): void {
      stopShots();
      setShots(new Map());
    },
  };
}

export type JourneyModel = ReturnType<typeof createJourney>;
