// Over 200 lines: the replay page's one state (the address, the open walk, the step or tag chosen,
// seeking, problems); the audit list, the open walk and the page view are already split out.
import { batch, computed, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import type { DataChanged } from '@/lib/model';
import { createAssetReader } from '@/lib/read/assets';
import { parseReplayHash, replayHash } from '@/lib/replay/hash';
import { playerOffset, segmentIndexOfStep, stepAtTime } from '@/lib/replay/timeline';
import { createOpenWalk } from '@/components/replay/model/open-walk';
import { createReplayList } from '@/components/replay/model/replay-list';
import { createSegmentView } from '@/components/replay/model/segment-view';

export type { ShownSegment } from '@/components/replay/model/segment-view';

export interface ReplayDeps {
  db: () => Promise<Db>;
  gunzip: (bytes: Uint8Array) => Promise<string>;
}

/** A request to move the player; `n` makes a second click on the same step seek again. */
export interface SeekRequest {
  offset: number;
  n: number;
}

export type ReplayProblem =
  | { kind: 'walk-not-found' }
  | { kind: 'walk-deleted' }
  | { kind: 'load-failed'; message: string };

/** After a step is clicked, playback clock updates this close to it leave the highlight alone. */
const PIN_MS = 300;

/** The replay page's state and actions: the address drives it, the worker's notices keep it current. */
export function createReplayModel(deps: ReplayDeps) {
  const list = createReplayList(deps.db);
  const { audits, auditId, walks, selectAudit } = list;
  const loadingWalk = signal(false);
  const pages = createSegmentView(deps.gunzip, createAssetReader(deps.db, deps.gunzip));
  const openWalk = createOpenWalk(
    deps.db,
    list,
    (w) => pages.update(w.segments),
    () => {
      // Deleted in a panel while open here: the list of what is left, under the news.
      closeWalk();
      problem.value = { kind: 'walk-deleted' };
      void selectAudit(auditId.value).catch(() => undefined);
    },
  );
  const { open } = openWalk;
  const { segmentIndex, shown, damaged, show: showSegment } = pages;
  const seek = signal<SeekRequest | null>(null);
  /** The step the auditor chose (it goes in the address); `currentStepId` follows playback. */
  const selectedStepId = signal<string | null>(null);
  const currentStepId = signal<string | null>(null);
  /** The tag the auditor chose (from the panel's link or the list); it goes in the address. */
  const selectedTagId = signal<string | null>(null);
  /** A moment the address asked for (the consistency view's evidence); it stays in the address. */
  const selectedMoment = signal<{ at: number; recorderId?: string } | null>(null);
  const problem = signal<ReplayProblem | null>(null);

  // Bumped when the open walk changes: late answers for the old one are dropped.
  let walkGen = 0;
  let seekN = 0;
  let pinnedOffset: number | null = null;

  const hash = computed(() =>
    open.value
      ? replayHash({
          walkId: open.value.walk.id,
          stepId: selectedStepId.value,
          tagId: selectedTagId.value,
          ...selectedMoment.value,
        })
      : replayHash({ auditId: auditId.value }),
  );

  /** `loading`: a walk is about to be read, so the page never looks like the list in between. */
  function closeWalk(loading = false) {
    walkGen++;
    pinnedOffset = null;
    batch(() => {
      openWalk.close();
      pages.load(null);
      seek.value = null;
      selectedStepId.value = null;
      selectedTagId.value = null;
      selectedMoment.value = null;
      currentStepId.value = null;
      loadingWalk.value = loading;
    });
  }

  async function showWalk(id: string): Promise<boolean> {
    closeWalk(true);
    const gen = walkGen;
    const w = await openWalk.load(id, () => gen === walkGen);
    if (gen !== walkGen) return false;
    batch(() => {
      pages.load(w?.segments ?? null);
      loadingWalk.value = false;
      open.value = w;
      if (!w) problem.value = { kind: 'walk-not-found' };
    });
    return w !== null;
  }

  async function selectStep(id: string) {
    const w = open.value;
    const step = w?.steps.find((s) => s.id === id);
    if (!w || !step) return;
    batch(() => {
      selectedStepId.value = id;
      selectedTagId.value = null;
      selectedMoment.value = null;
      currentStepId.value = id;
    });
    const target = await showSegment(segmentIndexOfStep(w.segments, step));
    if (!target || target.events.length === 0 || selectedStepId.value !== id) return;
    pinnedOffset = playerOffset(step.at, target.firstTs, target.lastTs);
    seek.value = { offset: pinnedOffset, n: ++seekN };
  }

  /** Plays the page a tag was pinned on, from the moment it was pinned. */
  async function selectTag(id: string) {
    const w = open.value;
    const tag = w?.tags.find((x) => x.id === id);
    if (!w || !tag) return;
    batch(() => {
      selectedTagId.value = id;
      selectedStepId.value = null;
      selectedMoment.value = null;
    });
    const i = segmentIndexOfStep(w.segments, { ...tag, kind: 'click', title: tag.pageTitle });
    const target = await showSegment(i);
    if (!target || target.events.length === 0 || selectedTagId.value !== id) return;
    const segment = w.segments[i];
    currentStepId.value = segment ? (stepAtTime(segment.steps, tag.at)?.id ?? null) : null;
    pinnedOffset = playerOffset(tag.at, target.firstTs, target.lastTs);
    seek.value = { offset: pinnedOffset, n: ++seekN };
  }

  /** Plays the page load a moment is in (its recorder, else the page loaded last before it), from then. */
  async function selectMoment(at: number, recorderId?: string) {
    const w = open.value;
    if (!w) return;
    const moment = recorderId ? { at, recorderId } : { at };
    batch(() => {
      selectedMoment.value = moment;
      selectedStepId.value = null;
      selectedTagId.value = null;
    });
    let i = recorderId ? w.segments.findIndex((s) => s.recorderId === recorderId) : -1;
    if (i < 0)
      i = Math.max(
        0,
        w.segments.findLastIndex((s) => s.startedAt <= at),
      );
    const target = await showSegment(i);
    if (!target || target.events.length === 0 || selectedMoment.value !== moment) return;
    const segment = w.segments[i];
    currentStepId.value = segment ? (stepAtTime(segment.steps, at)?.id ?? null) : null;
    pinnedOffset = playerOffset(at, target.firstTs, target.lastTs);
    seek.value = { offset: pinnedOffset, n: ++seekN };
  }

  async function applyHash(h: string) {
    const route = parseReplayHash(h);
    problem.value = null;
    if (!route.walkId) {
      closeWalk();
      await selectAudit(route.auditId ?? auditId.value);
      return;
    }
    if (open.value?.walk.id !== route.walkId && !(await showWalk(route.walkId))) {
      // A stale link (the walk was deleted): show the list under the problem.
      if (problem.value) await selectAudit(auditId.value);
      return;
    }
    if (route.stepId && route.stepId !== selectedStepId.value) await selectStep(route.stepId);
    else if (route.tagId && route.tagId !== selectedTagId.value) await selectTag(route.tagId);
    else if (route.at !== undefined && route.at !== selectedMoment.value?.at)
      await selectMoment(route.at, route.recorderId);
    if (segmentIndex.value < 0) await showSegment(0);
  }

  /** Every action reports a failed read (a broken database, a record that does not parse) as a problem. */
  const run =
    <A extends unknown[]>(work: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      try {
        await work(...args);
      } catch (e) {
        problem.value = { kind: 'load-failed', message: e instanceof Error ? e.message : String(e) };
      }
    };

  return {
    audits,
    auditId,
    walks,
    loadingWalk,
    open,
    segmentIndex,
    shown,
    damaged,
    seek,
    selectedStepId,
    selectedTagId,
    currentStepId,
    problem,
    hash,
    /** Loads the audits, then shows what the address asks for. */
    start: run(async (initialHash: string) => {
      await list.loadAudits();
      await applyHash(initialHash);
    }),
    applyHash: run(applyHash),
    /** The worker's notice of what a command or a flush changed: applied to what the page holds. */
    dataChanged(notice: DataChanged): void {
      list.apply(notice);
      openWalk.follow();
    },
    /** Previous / next page: plays it from its start. */
    goToSegment: run(async (i: number) => {
      pinnedOffset = null;
      batch(() => {
        seek.value = null;
        selectedStepId.value = null;
        selectedMoment.value = null;
        currentStepId.value = null;
      });
      const page = await showSegment(i);
      // The player starts at the page's beginning: mark the step it shows there (its visit).
      const segment = open.value?.segments[i];
      if (page && segment) currentStepId.value = stepAtTime(segment.steps, page.firstTs)?.id ?? null;
    }),
    selectStep: run(selectStep),
    selectTag: run(selectTag),
    /** The player's clock moved: highlight the step it is at, unless it sits where a click put it. */
    playerTime(offset: number) {
      const s = shown.value;
      const segment = s ? open.value?.segments[s.index] : undefined;
      if (!s || !segment) return;
      if (pinnedOffset !== null && Math.abs(offset - pinnedOffset) < PIN_MS) return;
      pinnedOffset = null;
      currentStepId.value = stepAtTime(segment.steps, s.firstTs + offset)?.id ?? null;
    },
  };
}

export type ReplayModel = ReturnType<typeof createReplayModel>;
