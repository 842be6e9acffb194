import { computed, signal } from '@preact/signals';
import { deleteOffsite, saveOffsite } from '@/lib/db/offsite';
import { setWalkOutcome } from '@/lib/db/walks';
import type { Db } from '@/lib/db/open-db';
import { deleteTag, updateTagFields } from '@/lib/db/tags';
import { editTouchpoint, mergeTouchpointsInDb, splitTouchpointInDb, type TouchpointEdit } from '@/lib/db/touchpoints';
import { listOffsite } from '@/lib/read/offsite';
import { listScores } from '@/lib/read/scores';
import { listSignals } from '@/lib/read/signals';
import { getScreenshot, listTags } from '@/lib/read/tags';
import { listTouchpoints } from '@/lib/read/touchpoints';
import { getWalk, listSteps } from '@/lib/read/walks';
import { walkKpis } from '@/lib/kpi';
import {
  type OffsiteEvent,
  type OffsiteFields,
  phaseOf,
  type Score,
  Stage,
  type Tag,
  type TagFields,
  type Touchpoint,
  type TouchpointKpis,
  type Walk,
  type WalkOutcome,
} from '@/lib/model';
import { replayHash } from '@/lib/replay/hash';
import { createOffsiteForm, validateOffsite } from '@/components/panel/model/offsite-form';
import { assignIfChanged } from '@/components/panel/model/same';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';

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

/**
 * One walk's journey in the panel: touchpoints by stage with their KPIs, scores, tags (with their
 * screenshots) and off-site events, and the auditor's edits to them. Reads IndexedDB directly.
 */
export function createJourney(db: Db, env: PanelEnv) {
  const walkId = signal<string | null>(null);
  const walk = signal<Walk | null>(null);
  const touchpoints = signal<Touchpoint[]>([]);
  const items = signal<JourneyItem[]>([]);
  /** Screenshot URLs by tag id; revoked when the tag or the walk is no longer shown. */
  const shots = signal<Map<string, string>>(new Map());
  const error = signal<Message | null>(null);
  const status = signal<Message | null>(null);
  const groups = computed(() => groupByStage(items.value));
  /** The walk shown, by id: the journey's frame redraws when another walk is shown, not on every flush. */
  const shownId = computed(() => walk.value?.id ?? null);
  const offsiteForm = createOffsiteForm(env.now);

  let seq = 0;
  async function load(): Promise<void> {
    const id = walkId.value;
    const mine = ++seq;
    if (!id) {
      walk.value = null;
      items.value = [];
      setShots(new Map());
      return;
    }
    const w = await getWalk(db, id);
    if (!w) return;
    const [tps, steps, signals, tags, scores, offsite] = await Promise.all([
      listTouchpoints(db, w.auditId),
      listSteps(db, id),
      listSignals(db, id),
      listTags(db, id),
      listScores(db, id),
      listOffsite(db, id),
    ]);
    const urls = new Map<string, string>();
    for (const tag of tags) {
      const old = shots.value.get(tag.id);
      if (old) urls.set(tag.id, old);
      else if (tag.screenshotId) {
        const shot = await getScreenshot(db, tag.screenshotId);
        if (shot) urls.set(tag.id, env.objectUrl(shot.blob));
      }
    }
    if (mine !== seq) {
      for (const [k, u] of urls) if (shots.value.get(k) !== u) env.revokeUrl(u);
      return;
    }
    const kpis = walkKpis({ walk: w, now: env.now(), touchpoints: tps, steps, signals, tags, scores, offsite });
    const byId = new Map(tps.map((t) => [t.id, t]));
    assignIfChanged(walk, w);
    assignIfChanged(touchpoints, tps);
    setShots(urls);
    const next = kpis.flatMap((k) => {
      const touchpoint = byId.get(k.touchpointId);
      if (!touchpoint) return [];
      const mineTags = tags.filter((t) => t.touchpointId === k.touchpointId);
      return [
        {
          touchpoint,
          kpis: k,
          score: scores.find((s) => s.touchpointId === k.touchpointId) ?? null,
          tags: mineTags,
          offsite: offsite.filter((e) => e.touchpointId === k.touchpointId),
        },
      ];
    });
    assignIfChanged(items, next);
  }

  function setShots(next: Map<string, string>): void {
    const old = shots.value;
    for (const [k, u] of old) if (next.get(k) !== u) env.revokeUrl(u);
    // A Map is no JSON data: the same tags with the same URLs are the same shots.
    if (old.size !== next.size || [...next].some(([k, u]) => old.get(k) !== u)) shots.value = next;
  }

  async function act(done: Message, fn: () => Promise<unknown>): Promise<boolean> {
    error.value = null;
    status.value = null;
    try {
      await fn();
      status.value = done;
      await load();
      return true;
    } catch (e) {
      error.value = msg('panelActionFailed', errorText(e));
      return false;
    }
  }

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
    load,
    /** Shows another walk's journey (or none). */
    async show(id: string | null): Promise<void> {
      walkId.value = id;
      await load();
    },
    editTouchpoint: (id: string, edit: TouchpointEdit) =>
      act(msg('journeyTouchpointSaved'), () => editTouchpoint(db, id, edit)),
    merge: (keepId: string, goneId: string) =>
      act(msg('journeyMerged'), () => mergeTouchpointsInDb(db, keepId, goneId)),
    split: (id: string, pattern: string) =>
      act(msg('journeySplit'), () => splitTouchpointInDb(db, id, pattern, env.now())),
    updateTag: (id: string, fields: TagFields) =>
      act(msg('tagSaved'), () => updateTagFields(db, id, fields, env.now())),
    deleteTag: (id: string) => act(msg('tagDeleted'), () => deleteTag(db, id)),
    /** Saves the off-site form: a new event, or the one being edited. */
    async submitOffsite(): Promise<boolean> {
      const w = walk.value;
      if (!w) return false;
      const result = validateOffsite(offsiteForm.values.value);
      offsiteForm.errors.value = result.ok ? {} : result.errors;
      if (!result.ok) return false;
      const id = offsiteForm.editingId.value ?? undefined;
      const fields: OffsiteFields = result.fields;
      const saved = await act(msg('journeyEventSaved'), () => saveOffsite(db, w, fields, id, env.now()));
      if (saved) offsiteForm.reset();
      return saved;
    },
    async deleteOffsite(id: string): Promise<boolean> {
      const done = await act(msg('journeyEventDeleted'), () => deleteOffsite(db, id));
      if (done && offsiteForm.editingId.value === id) offsiteForm.reset();
      return done;
    },
    saveOutcome(outcome: WalkOutcome): Promise<boolean> {
      const w = walk.value;
      if (!w) return Promise.resolve(false);
      return act(msg('journeyOutcomeSaved'), () => setWalkOutcome(db, w.id, outcome));
    },
    /** Opens the replay of the walk at the moment a tag was pinned. */
    openTag(tag: Tag): void {
      env.openTab(`/replay.html${replayHash({ walkId: tag.walkId, tagId: tag.id })}`);
    },
    dispose(): void {
      setShots(new Map());
    },
  };
}

export type JourneyModel = ReturnType<typeof createJourney>;
