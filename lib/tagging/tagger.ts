import { buildAnchor } from '../anchors/build-anchor';
import { findAnchor } from '../anchors/find-anchor';
import { t } from '../i18n';
import type { Tag, TagFields } from '../model';
import type { TagDraft } from '../messaging/protocol';
import type { MessageName, RequestOf, ResponseOf } from '../messaging/types';
import { describeElement } from '../record/describe';
import { draftOf, fieldsOf, scoreDraftOf, scoreFieldsOf, type TaggerModel } from '../state/tagger-model';
import type { RecorderBridge, Tagger } from './bridge';
import { boxOf, elementAt, pickables, stepPickable } from './pick';
import type { z } from 'zod';

/** The custom rrweb event a tag is recorded as, so the replay shows where it was pinned. */
export const TAG_EVENT = 'touchpoint-tag';

type Send = <K extends MessageName>(name: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

export interface TaggerDeps {
  win: Window;
  model: TaggerModel;
  bridge: RecorderBridge;
  send: Send;
}

const frame = (win: Window) => new Promise<void>((r) => win.requestAnimationFrame(() => r()));

/**
 * The tagging tools' behaviour: pick mode, the tag and score forms' actions, markers. The page is
 * read through `win`; everything else comes in through `deps`, so components only render.
 */
export function createTagger({ win, model, bridge, send }: TaggerDeps) {
  const doc = win.document;
  let chosen: Element | null = null;
  let picked: Element | null = null;
  let list: Element[] = [];
  /** The screenshot taken when the element was picked, stored with the tag when it is saved. */
  let pendingShot: string | null = null;
  const elements = new Map<string, Element | null>();

  const mode = (m: 'idle' | 'picking' | 'tagging' | 'scoring') => bridge.setMode(m);

  function choose(el: Element | null): void {
    chosen = el;
    model.hover.value = el ? boxOf(el) : null;
    model.hoverLabel.value = el ? describeElement(el) : '';
  }

  function close(): void {
    model.view.value = 'none';
    model.editing.value = null;
    model.errors.value = {};
    model.problem.value = null;
    model.busy.value = false;
    choose(null);
    picked = null;
    mode('idle');
  }

  /** Hides every Touchpoint layer for the frames a screenshot takes. */
  async function capture(el: Element) {
    model.hidden.value = true;
    bridge.hideOverlay(true);
    try {
      await frame(win);
      await frame(win);
      const r = el.getBoundingClientRect();
      return await send('tag/capture', {
        rect: { x: r.left, y: r.top, width: r.width, height: r.height },
        viewport: { width: win.innerWidth, height: win.innerHeight },
      });
    } catch {
      return { screenshotId: null, problem: 'failed' as const };
    } finally {
      model.hidden.value = false;
      bridge.hideOverlay(false);
    }
  }

  async function refreshMarkers(): Promise<void> {
    if (!model.markersOn.value) {
      model.markers.value = [];
      return;
    }
    const tags = await send('tag/list-page', { url: win.location.href });
    model.markers.value = tags
      .map((tag, i) => ({ tag, n: i + 1, el: findAnchor(tag.anchor, doc)?.element ?? null }))
      .map(({ tag, n, el }) => {
        elements.set(tag.id, el);
        return { tag, n, box: el ? boxOf(el) : null };
      });
    const missing = model.markers.value.filter((m) => !m.box).length;
    bridge.notice(missing > 0 ? t('markersMissing', String(missing)) : null);
  }

  /** Markers follow their elements as the page scrolls, resizes or changes. */
  function relayout(): void {
    if (model.markers.value.length === 0) return;
    model.markers.value = model.markers.value.map((m) => {
      const el = elements.get(m.tag.id);
      return { ...m, box: el?.isConnected ? boxOf(el) : null };
    });
  }

  const tagger: Tagger = {
    pick() {
      close();
      list = pickables(doc);
      model.view.value = 'picking';
      mode('picking');
    },
    score() {
      close();
      model.view.value = 'score';
      model.scoreDraft.value = scoreDraftOf();
      model.touchpointName.value = '';
      mode('scoring');
      const url = win.location.href;
      void send('touchpoint/resolve', { url, title: doc.title })
        .then((tp) => {
          model.touchpointName.value = tp?.name ?? doc.title;
          return send('score/get', { url });
        })
        .then((s) => {
          if (s && model.view.value === 'score') model.scoreDraft.value = scoreDraftOf(s);
        })
        .catch((e: unknown) => {
          model.problem.value = t('saveFailed', e instanceof Error ? e.message : String(e));
        });
    },
    markers(on) {
      model.markersOn.value = on;
      void refreshMarkers().catch(() => undefined);
    },
    cancel: close,
  };

  return {
    tagger,
    relayout,
    close,
    /** Pick mode: the pointer moved to (x, y). */
    hoverAt(x: number, y: number): void {
      choose(elementAt(doc, x, y));
    },
    /** Pick mode: keyboard moves among the page's elements. */
    step(dir: 1 | -1): void {
      const next = stepPickable(list, chosen, dir);
      next?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      choose(next);
    },
    /** Pick mode: the element at (x, y), or the one chosen by keyboard, is picked. */
    async pickAt(x?: number, y?: number): Promise<void> {
      const el = x !== undefined && y !== undefined ? elementAt(doc, x, y) : chosen;
      if (!el) return;
      picked = el;
      choose(null);
      model.view.value = 'tag';
      mode('tagging');
      model.busy.value = true;
      const shot = await capture(el);
      model.busy.value = false;
      model.problem.value =
        shot.problem === 'no-permission'
          ? t('screenshotNoPermission')
          : shot.problem === 'failed'
            ? t('screenshotFailed')
            : null;
      pendingShot = shot.screenshotId;
      model.editing.value = { id: null, target: describeElement(el), draft: draftOf(bridge.categories) };
    },
    /** A marker was clicked: edit its tag. */
    edit(tag: Tag): void {
      close();
      model.view.value = 'tag';
      mode('tagging');
      model.editing.value = { id: tag.id, target: tag.target, draft: draftOf(bridge.categories, tag) };
    },
    async saveTag(): Promise<boolean> {
      const editing = model.editing.value;
      if (!editing) return false;
      const result = fieldsOf(editing.draft);
      if (!result.ok) {
        model.errors.value = result.errors;
        return false;
      }
      model.busy.value = true;
      try {
        if (editing.id) await send('tag/update', { id: editing.id, fields: result.fields });
        else await saveNew(result.fields);
      } catch (e) {
        model.busy.value = false;
        model.problem.value = t('saveFailed', e instanceof Error ? e.message : String(e));
        return false;
      }
      close();
      bridge.notice(t('tagSaved'));
      await refreshMarkers().catch(() => undefined);
      return true;
    },
    async deleteTag(): Promise<void> {
      const id = model.editing.value?.id;
      if (!id) return;
      await send('tag/delete', { id });
      close();
      bridge.notice(t('tagDeleted'));
      await refreshMarkers().catch(() => undefined);
    },
    async saveScore(): Promise<boolean> {
      model.busy.value = true;
      try {
        await send('score/save', {
          url: win.location.href,
          title: doc.title,
          fields: scoreFieldsOf(model.scoreDraft.value),
        });
      } catch (e) {
        model.busy.value = false;
        model.problem.value = t('saveFailed', e instanceof Error ? e.message : String(e));
        return false;
      }
      close();
      bridge.notice(t('scoreSaved'));
      return true;
    },
  };

  async function saveNew(fields: TagFields): Promise<void> {
    const el = picked;
    if (!el) throw new Error('the element is gone');
    const r = el.getBoundingClientRect();
    const anchor = buildAnchor(el, doc, {
      rect: { x: r.left, y: r.top, width: r.width, height: r.height },
      viewport: { width: win.innerWidth, height: win.innerHeight },
      scroll: { x: win.scrollX, y: win.scrollY },
    });
    const draft: z.input<typeof TagDraft> = {
      recorderId: bridge.recorderId,
      url: win.location.href.slice(0, 4096),
      pageTitle: doc.title.slice(0, 500),
      at: Date.now(),
      anchor,
      target: describeElement(el),
      screenshotId: pendingShot,
      fields,
    };
    const tag = await send('tag/save', draft);
    bridge.addCustomEvent(TAG_EVENT, {
      tagId: tag.id,
      categoryId: tag.categoryId,
      severity: tag.severity,
      target: tag.target,
    });
  }
}

export type TaggerController = ReturnType<typeof createTagger>;
