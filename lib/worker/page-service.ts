import type { Db } from '@/lib/db/open-db';
import { getScore } from '@/lib/read/scores';
import { saveScore } from '@/lib/db/scores';
import { deleteTag, putScreenshot, putTag, updateTagFields } from '@/lib/db/tags';
import { getTag, listTags, pageKey } from '@/lib/read/tags';
import { resolveTouchpoint } from '@/lib/db/touchpoints';
import { activeWalk } from '@/lib/read/walks';
import {
  type AnchorRect,
  type AnchorSize,
  type Score,
  type ScoreFields,
  PageSignal,
  type Tag,
  type TagFields,
  type Touchpoint,
  type Walk,
} from '@/lib/model';
import { pathOnly } from '@/lib/record/page-signals';
import type { TagDraft } from '@/lib/messaging/protocol';
import type { z } from 'zod';

/** What `tag/capture` answers: a stored screenshot's id, or why there is none. */
export interface CaptureResult {
  screenshotId: string | null;
  problem: 'no-permission' | 'failed' | null;
}

/** A captured and cropped picture, before it is stored. */
export interface CroppedImage {
  blob: Blob;
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  focus: AnchorRect;
}

/** The browser as the journey service sees it: passed in, so the service unit-tests in Node. */
export interface JourneyEnv {
  db: Db;
  now: () => number;
  ids: () => string;
  /** Captures the tab's visible area and crops it around `rect`; throws when the browser refuses. */
  capture: (tabId: number, rect: AnchorRect, viewport: AnchorSize) => Promise<CroppedImage>;
  /** Tells the panel that a walk's tags, scores or touchpoints changed. */
  changed: (walkId: string) => void;
}

/** Chrome's words when an extension may not capture a tab (it needs activeTab or <all_urls>). */
const NO_PERMISSION = /activeTab|all_urls|permission/i;

/**
 * Tags, screenshots and scores sent by a walk tab's overlay. Only an open tab of the active walk
 * is heard: a page outside the walk (or a forged sender) gets an error, and nothing is stored.
 */
export function createJourneyService(env: JourneyEnv) {
  const { db } = env;

  async function walkOf(tabId: number | undefined): Promise<Walk> {
    const walk = await activeWalk(db);
    if (!walk || tabId === undefined || !walk.openTabIds.includes(tabId)) {
      throw new Error('This tab is not part of the walk being recorded.');
    }
    return walk;
  }

  async function tagOfWalk(id: string, tabId: number | undefined): Promise<Tag> {
    const walk = await walkOf(tabId);
    const tag = await getTag(db, id);
    if (!tag || tag.walkId !== walk.id) throw new Error('That tag is not in the walk being recorded.');
    return tag;
  }

  return {
    async resolve(tabId: number | undefined, url: string, title: string): Promise<Touchpoint | null> {
      const walk = await walkOf(tabId);
      return resolveTouchpoint(db, walk.auditId, url, title, env.now());
    },

    async capture(tabId: number | undefined, rect: AnchorRect, viewport: AnchorSize): Promise<CaptureResult> {
      const walk = await walkOf(tabId);
      let image: CroppedImage;
      try {
        image = await env.capture(tabId as number, rect, viewport);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return { screenshotId: null, problem: NO_PERMISSION.test(message) ? 'no-permission' : 'failed' };
      }
      const shot = await putScreenshot(db, { id: env.ids(), walkId: walk.id, createdAt: env.now(), ...image });
      return { screenshotId: shot.id, problem: null };
    },

    async saveTag(tabId: number | undefined, draft: z.infer<typeof TagDraft>): Promise<Tag> {
      const walk = await walkOf(tabId);
      const touchpoint = await resolveTouchpoint(db, walk.auditId, draft.url, draft.pageTitle, env.now());
      const now = env.now();
      const { fields, ...where } = draft;
      const tag = await putTag(db, {
        ...where,
        ...fields,
        id: env.ids(),
        auditId: walk.auditId,
        walkId: walk.id,
        touchpointId: touchpoint?.id ?? null,
        tabId: tabId as number,
        createdAt: now,
        updatedAt: now,
      });
      env.changed(walk.id);
      return tag;
    },

    async updateTag(tabId: number | undefined, id: string, fields: TagFields): Promise<Tag> {
      const tag = await tagOfWalk(id, tabId);
      const next = await updateTagFields(db, tag.id, fields, env.now());
      env.changed(tag.walkId);
      return next;
    },

    async deleteTag(tabId: number | undefined, id: string): Promise<null> {
      const tag = await tagOfWalk(id, tabId);
      await deleteTag(db, tag.id);
      env.changed(tag.walkId);
      return null;
    },

    /** The walk's tags on this page (same URL, fragment aside), to draw their markers. */
    async pageTags(tabId: number | undefined, url: string): Promise<Tag[]> {
      const walk = await walkOf(tabId);
      const key = pageKey(url);
      return (await listTags(db, walk.id)).filter((t) => pageKey(t.url) === key);
    },

    async saveScore(tabId: number | undefined, url: string, title: string, fields: ScoreFields): Promise<Score> {
      const walk = await walkOf(tabId);
      const touchpoint = await resolveTouchpoint(db, walk.auditId, url, title, env.now());
      if (!touchpoint) throw new Error('This page belongs to no touchpoint.');
      const score = await saveScore(
        db,
        { auditId: walk.auditId, walkId: walk.id, touchpointId: touchpoint.id, url, fields },
        env.now(),
      );
      env.changed(walk.id);
      return score;
    },

    async getScore(tabId: number | undefined, url: string): Promise<Score | null> {
      const walk = await walkOf(tabId);
      const touchpoint = await resolveTouchpoint(db, walk.auditId, url, '', env.now());
      return touchpoint ? ((await getScore(db, walk.id, touchpoint.id)) ?? null) : null;
    },

    /**
     * A request of a walk tab failed (HTTP 400 or more, or no answer): a signal for the KPIs of
     * the page's touchpoint. Query strings never reach storage (they can carry tokens).
     */
    async requestFailed(
      tabId: number,
      r: { requestId: string; url: string; pageUrl: string; status: number | null; error: string | null; at: number },
    ): Promise<void> {
      const walk = await activeWalk(db);
      if (walk?.status !== 'recording' || !walk.openTabIds.includes(tabId)) return;
      const target = pathOnly(r.url);
      const detail = r.status !== null ? `${r.status} ${target}` : `${r.error ?? 'failed'} ${target}`;
      await db.put(
        'signals',
        PageSignal.parse({
          id: `req:${walk.id}:${r.requestId}`,
          walkId: walk.id,
          tabId,
          recorderId: null,
          at: r.at,
          kind: 'request-failed',
          url: pathOnly(r.pageUrl || r.url),
          detail: detail.slice(0, 500),
          durationMs: null,
        }),
      );
      env.changed(walk.id);
    },

    /** The tab a keyboard shortcut should reach: the active tab, when it is an open walk tab. */
    async commandTab(tabId: number | undefined): Promise<number | null> {
      const walk = await activeWalk(db);
      return walk && tabId !== undefined && walk.openTabIds.includes(tabId) ? tabId : null;
    },
  };
}

export type JourneyService = ReturnType<typeof createJourneyService>;
