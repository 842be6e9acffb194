// Over 200 lines: pick mode, the tag form and the markers share one state (the mode, the picked
// element, focus to return, the pending capture); pick keys, page reads, focus return and the score
// form are already split out, and what is left is the one state machine that moves between them.
import { present, t } from '@/lib/i18n';
import type { Tag, TagFields } from '@/lib/model';
import { describeElement } from '@/lib/record/describe';
import { textPolicy } from '@/lib/record/privacy';
import { draftOf, fieldsOf, type TaggerModel } from '@/components/tagger/model/tagger-model';
import type { RecorderBridge, Tagger, TaggerMode } from '@/components/tagger/bridge';
import { type FocusReturn, focusNow, returnFocus } from '@/components/tagger/model/focus-return';
import { createMarkers } from '@/components/tagger/model/markers';
import { boxOf, elementAt, pickables, stepPickable } from '@/components/tagger/model/pick';
import { captureHidden, tagDraft } from '@/components/tagger/model/page-reads';
import { createPickKeys } from '@/components/tagger/model/pick-keys';
import { createScoreForm, type Send } from '@/components/tagger/model/score-form';

/** The custom rrweb event a tag is recorded as, so the replay shows where it was pinned. */
export const TAG_EVENT = 'touchpoint-tag';

export interface TaggerDeps {
  win: Window;
  model: TaggerModel;
  bridge: RecorderBridge;
  send: Send;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The tagging tools' behaviour: pick mode, the tag and score forms' actions, markers. The page is
 * read through `win`; everything else comes in through `deps`, so components only render.
 */
export function createTagger({ win, model, bridge, send }: TaggerDeps) {
  const doc = win.document;
  const pageUrl = () => bridge.pageUrl?.() ?? win.location.href;
  let chosen: Element | null = null;
  let picked: Element | null = null;
  let list: Element[] = [];
  let focusReturn: FocusReturn | null = null;
  /** The screenshot taken when the element was picked, stored with the tag when it is saved. */
  let pendingShot: string | null = null;
  /** Whether the overlay's notice is ours about markers not placed (only that one is cleared). */
  let missingShown = false;
  const markers = createMarkers({
    doc,
    model,
    list: () => send('tag/list-page', { url: pageUrl() }),
    missing: (n) => {
      if (n === 0 && !missingShown) return;
      missingShown = n > 0;
      bridge.notice(n > 0 ? present.plural('markersMissing', n) : null);
    },
  });
  const refreshMarkers = () => markers.refresh().catch(() => undefined);

  function choose(el: Element | null): void {
    chosen = el;
    model.hover.value = el ? boxOf(el) : null;
    model.hoverLabel.value = el ? present.target(describeElement(el)) : '';
  }

  const scoreForm = createScoreForm({ win, model, send, pageUrl });
  /** A screenshot whose tag was never saved (the form was cancelled) is deleted, not kept unseen. */
  const discard = (screenshotId: string | null) => {
    if (screenshotId) send('tag/discard-capture', { screenshotId }).catch(() => undefined);
  };

  const keys = createPickKeys(win, {
    cancel: () => {
      close();
      bridge.notice(t('pickCancelled'));
    },
    pick: () => void api.pickAt(),
    step: (dir) => api.step(dir),
  });

  function reset(): void {
    keys.off();
    model.view.value = 'none';
    model.editing.value = null;
    model.errors.value = {};
    model.scoreErrors.value = {};
    model.problem.value = null;
    model.busy.value = false;
    choose(null);
    picked = null;
    discard(pendingShot);
    pendingShot = null;
  }

  /** Opens a mode, remembering where focus was when nothing else was open. */
  function open(view: TaggerModel['view']['value'], mode: TaggerMode, from: FocusReturn | null): void {
    if (model.view.value === 'none') focusReturn = from;
    reset();
    // The last "Tag saved." is old news once the auditor starts something new.
    bridge.notice(null);
    missingShown = false;
    model.view.value = view;
    bridge.setMode(mode);
  }

  function close(): void {
    reset();
    bridge.setMode('idle');
    const back = focusReturn;
    focusReturn = null;
    returnFocus(back, {
      overlay: (button) => bridge.focusOverlay(button),
      marker: (id) => {
        model.focusMarker.value = id;
      },
    });
  }

  /** Hides every Touchpoint layer (the overlay's and these) for the screenshot. */
  const capture = (el: Element) =>
    captureHidden(
      win,
      el,
      (hidden) => {
        model.hidden.value = hidden;
        bridge.hideOverlay(hidden);
      },
      (req) => send('tag/capture', req),
      // Privacy by default: what anyone typed on the page, and what the audit hides, is painted
      // over in the picture by the worker, as the recording masks it.
      { options: bridge.privacy, shadowRootOf: (el) => bridge.shadowRootOf(el) },
    );

  const tagger: Tagger = {
    pick() {
      open('picking', 'picking', focusNow(doc, 'tag'));
      list = pickables(doc);
      keys.on();
    },
    score() {
      open('score', 'scoring', focusNow(doc, 'score'));
      scoreForm.load();
    },
    markers(on) {
      model.markersOn.value = on;
      void refreshMarkers();
    },
    cancel: close,
  };

  async function saveNew(fields: TagFields): Promise<void> {
    if (!picked) throw new Error('the element is gone');
    const draft = tagDraft(win, picked, {
      recorderId: bridge.recorderId,
      screenshotId: pendingShot,
      fields,
      privacy: bridge.privacy,
      url: pageUrl(),
    });
    const tag = await send('tag/save', draft);
    pendingShot = null; // the tag holds it now
    bridge.addCustomEvent(TAG_EVENT, {
      tagId: tag.id,
      categoryId: tag.categoryId,
      severity: tag.severity,
      target: tag.target,
    });
  }

  /** Runs a save; a failure stays in the open form. */
  async function saving(run: () => Promise<unknown>, done: string): Promise<boolean> {
    model.busy.value = true;
    try {
      await run();
    } catch (e) {
      model.busy.value = false;
      model.problem.value = t('saveFailed', message(e));
      return false;
    }
    close();
    bridge.notice(done);
    return true;
  }

  const api = {
    tagger,
    relayout: markers.relayout,
    close,
    /** Pick mode: the pointer moved to (x, y). */
    hoverAt(x: number, y: number): void {
      choose(elementAt(doc, x, y));
    },
    /** Pick mode: keyboard moves among the page's elements. */
    step(dir: 1 | -1): void {
      const next = stepPickable(list, chosen, dir);
      next?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      choose(next);
    },
    /** Pick mode: the element at (x, y), or the one chosen by keyboard, is picked. */
    async pickAt(x?: number, y?: number): Promise<void> {
      const el = x !== undefined && y !== undefined ? elementAt(doc, x, y) : chosen;
      if (!el || model.view.value !== 'picking') return;
      keys.off();
      choose(null);
      picked = el;
      model.view.value = 'tag';
      bridge.setMode('tagging');
      model.busy.value = true;
      const shot = await capture(el);
      if (picked !== el) return discard(shot.screenshotId); // closed (Esc) while the screenshot was taken
      model.busy.value = false;
      pendingShot = shot.screenshotId;
      model.problem.value =
        shot.problem === 'no-permission'
          ? t('screenshotNoPermission')
          : shot.problem === 'failed'
            ? t('screenshotFailed')
            : null;
      // The form names the element as the tag will store it: without text the audit hides.
      const target = describeElement(el, textPolicy(bridge.privacy, doc));
      model.editing.value = { id: null, target, draft: draftOf(bridge.categories) };
    },
    /** A marker was clicked: edit its tag. */
    edit(tag: Tag): void {
      open('tag', 'tagging', { to: 'marker', id: tag.id });
      model.editing.value = { id: tag.id, target: tag.target, draft: draftOf(bridge.categories, tag) };
    },
    async saveTag(): Promise<boolean> {
      const editing = model.editing.value;
      if (!editing || model.busy.value) return false;
      const result = fieldsOf(editing.draft);
      if (!result.ok) {
        model.errors.value = result.errors;
        return false;
      }
      const id = editing.id;
      const ok = await saving(
        () => (id ? send('tag/update', { id, fields: result.fields }) : saveNew(result.fields)),
        t('tagSaved'),
      );
      if (ok) await refreshMarkers();
      return ok;
    },
    async deleteTag(): Promise<boolean> {
      const id = model.editing.value?.id;
      if (!id || model.busy.value) return false;
      const ok = await saving(() => send('tag/delete', { id }), t('tagDeleted'));
      if (ok) await refreshMarkers();
      return ok;
    },
    saveScore: () => (model.busy.value ? Promise.resolve(false) : scoreForm.save(saving)),
  };
  return api;
}

export type TaggerController = ReturnType<typeof createTagger>;
