// Over 200 lines: every request of a walk tab's tagging tools (tags, screenshots, scores, failed
// requests) shares the same checks (the sender's walk, the audit's privacy options and origins);
// split by message, each part would repeat them.
import type { Db } from '@/lib/db/open-db';
import { getScore } from '@/lib/read/scores';
import { saveScore } from '@/lib/db/scores';
import { deleteTag, putScreenshot, putTag, updateTagFields } from '@/lib/db/tags';
import { discardScreenshot } from '@/lib/db/delete';
import { getScreenshot, getTag, listTags, pageKey } from '@/lib/read/tags';
import { findTouchpoint, resolveTouchpoint } from '@/lib/db/touchpoints';
import { putSignal } from '@/lib/db/signals';
import { activeWalk } from '@/lib/read/walks';
import { getAudit } from '@/lib/read/audits';
import { onAuditedSite } from '@/lib/walk/site';
import type { AnchorRect, AnchorSize, Score, ScoreFields, Tag, TagFields, Touchpoint, Walk } from '@/lib/model';
import { pathOnly } from '@/lib/record/page-signals';
import { textlessAnchor, textlessTarget } from '@/lib/record/privacy';
import type { TagDraft } from '@/lib/messaging/protocol';
import type { Announce } from '@/lib/worker/announce';
import { redactUrl } from '@/lib/privacy/url-policy';
import { createUrlPolicies } from '@/lib/walk/url-policies';
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

/** The browser as the page service sees it: passed in, so the service unit-tests in Node. */
export interface PageEnv {
  db: Db;
  now: () => number;
  ids: () => string;
  /**
   * Captures the tab's visible area, crops it around `rect` and paints `masks` (viewport boxes)
   * over, at the page's `pixelRatio` when given; throws when the browser refuses.
   */
  capture: (
    tabId: number,
    rect: AnchorRect,
    viewport: AnchorSize,
    masks: AnchorRect[],
    pixelRatio?: number,
  ) => Promise<CroppedImage>;
  /** Tells the open views what was committed (`data/changed`). */
  announce: Announce;
}

/** Chrome's words when an extension may not capture a tab (it needs activeTab or <all_urls>). */
const NO_PERMISSION = /activeTab|all_urls|permission/i;

/**
 * Tags, screenshots and scores sent by a walk tab's overlay. Only an open tab of the active walk
 * is heard: a page outside the walk (or a forged sender) gets an error, and nothing is stored.
 */
export function createPageService(env: PageEnv) {
  const { db } = env;
  // A tag's and a score's URL is stored as the walk's URL policy says (lib/privacy/url-policy.ts).
  const policies = createUrlPolicies(db);
  const urlOf = async (walk: Walk, url: string) => redactUrl(url, await policies.forWalk(walk));

  async function walkOf(tabId: number | undefined): Promise<Walk> {
    const walk = await activeWalk(db);
    if (!walk || tabId === undefined || !walk.openTabIds.includes(tabId)) {
      throw new Error('This tab is not part of the walk being recorded.');
    }
    return walk;
  }

  /**
   * Whether the walk's audit hides all page text. The tagger leaves the text out already; the
   * worker applies it again where records arrive, so no page can send text back in.
   */
  async function masksText(walk: Walk): Promise<boolean> {
    return (await getAudit(db, walk.auditId))?.privacy.maskAllText ?? false;
  }

  async function tagOfWalk(id: string, tabId: number | undefined): Promise<Tag> {
    const walk = await walkOf(tabId);
    const tag = await getTag(db, id);
    if (!tag || tag.walkId !== walk.id) throw new Error('That tag is not in the walk being recorded.');
    return tag;
  }

  /**
   * A tag may name only a screenshot its walk took and no other tag holds: a page must not pin
   * another walk's picture (or one a tag already has, which deleting either tag would take away).
   */
  async function checkScreenshot(walk: Walk, id: string | null): Promise<void> {
    if (id === null) return;
    const shot = await getScreenshot(db, id);
    if (shot?.walkId !== walk.id || (await listTags(db, walk.id)).some((t) => t.screenshotId === id)) {
      throw new Error('That screenshot is not one this walk took for a new tag.');
    }
  }

  return {
    async resolve(tabId: number | undefined, url: string, title: string): Promise<Touchpoint | null> {
      const walk = await walkOf(tabId);
      const named = (await masksText(walk)) ? '' : title;
      const { touchpoint, changes } = await resolveTouchpoint(db, walk.auditId, url, named, env.now());
      env.announce(walk.auditId, changes);
      return touchpoint;
    },

    async capture(
      tabId: number | undefined,
      rect: AnchorRect,
      viewport: AnchorSize,
      masks: AnchorRect[] = [],
      pixelRatio?: number,
    ): Promise<CaptureResult> {
      const walk = await walkOf(tabId);
      let image: CroppedImage;
      try {
        image = await env.capture(tabId as number, rect, viewport, masks, pixelRatio);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return { screenshotId: null, problem: NO_PERMISSION.test(message) ? 'no-permission' : 'failed' };
      }
      const shot = await putScreenshot(db, { id: env.ids(), walkId: walk.id, createdAt: env.now(), ...image });
      return { screenshotId: shot.id, problem: null };
    },

    /** The tag form was cancelled: its screenshot is deleted, when it is this walk's and untagged. */
    async discardCapture(tabId: number | undefined, screenshotId: string): Promise<null> {
      const walk = await walkOf(tabId);
      await discardScreenshot(db, walk.id, screenshotId);
      return null;
    },

    async saveTag(tabId: number | undefined, sent: z.infer<typeof TagDraft>): Promise<Tag> {
      const walk = await walkOf(tabId);
      await checkScreenshot(walk, sent.screenshotId);
      // Under "Mask all page text" a touchpoint is named from its URL pattern (lib/touchpoints/group.ts).
      const placed = { ...sent, url: await urlOf(walk, sent.url) };
      const draft = (await masksText(walk))
        ? { ...placed, pageTitle: '', target: textlessTarget(sent.target), anchor: textlessAnchor(sent.anchor) }
        : placed;
      const { touchpoint, changes } = await resolveTouchpoint(db, walk.auditId, draft.url, draft.pageTitle, env.now());
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
      env.announce(walk.auditId, [...changes, { store: 'tags', op: 'put', value: tag }]);
      return tag;
    },

    async updateTag(tabId: number | undefined, id: string, fields: TagFields): Promise<Tag> {
      const tag = await tagOfWalk(id, tabId);
      const next = await updateTagFields(db, tag.id, fields, env.now());
      env.announce(next.auditId, [{ store: 'tags', op: 'put', value: next }]);
      return next;
    },

    async deleteTag(tabId: number | undefined, id: string): Promise<null> {
      const tag = await tagOfWalk(id, tabId);
      // Its screenshot goes in the same commit: views forget the tag, and with it its picture.
      if (await deleteTag(db, tag.id)) env.announce(tag.auditId, [{ store: 'tags', op: 'delete', id: tag.id }]);
      return null;
    },

    /** The walk's tags on this page (same URL, fragment aside), to draw their markers. */
    async pageTags(tabId: number | undefined, url: string): Promise<Tag[]> {
      const walk = await walkOf(tabId);
      // Compared as stored: redacted (idempotent, so tags stored before the policy compare too).
      const policy = await policies.forWalk(walk);
      const key = pageKey(redactUrl(url, policy));
      return (await listTags(db, walk.id)).filter((t) => pageKey(redactUrl(t.url, policy)) === key);
    },

    async saveScore(tabId: number | undefined, sentUrl: string, title: string, fields: ScoreFields): Promise<Score> {
      const walk = await walkOf(tabId);
      const url = await urlOf(walk, sentUrl);
      const named = (await masksText(walk)) ? '' : title;
      const { touchpoint, changes } = await resolveTouchpoint(db, walk.auditId, url, named, env.now());
      if (!touchpoint) throw new Error('This page belongs to no touchpoint.');
      const score = await saveScore(
        db,
        { auditId: walk.auditId, walkId: walk.id, touchpointId: touchpoint.id, url, fields },
        env.now(),
      );
      env.announce(walk.auditId, [...changes, { store: 'scores', op: 'put', value: score }]);
      return score;
    },

    async getScore(tabId: number | undefined, url: string): Promise<Score | null> {
      const walk = await walkOf(tabId);
      // A read: a page that belongs to no touchpoint yet has no score, and none is made for it.
      const touchpoint = await findTouchpoint(db, walk.auditId, url);
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
      // A walk tab on another site (or a page Touchpoint may not read: no URL) is not recorded.
      const audit = await getAudit(db, walk.auditId);
      if (!onAuditedSite(audit?.origins ?? [], r.pageUrl || r.url)) return;
      const target = pathOnly(r.url);
      const detail = r.status !== null ? `${r.status} ${target}` : `${r.error ?? 'failed'} ${target}`;
      const signal = await putSignal(db, {
        id: `req:${walk.id}:${r.requestId}`,
        walkId: walk.id,
        tabId,
        recorderId: null,
        at: r.at,
        kind: 'request-failed',
        url: pathOnly(r.pageUrl || r.url),
        detail: detail.slice(0, 500),
        durationMs: null,
      });
      env.announce(walk.auditId, [{ store: 'signals', op: 'put', value: signal }]);
    },

    /** The tab a keyboard shortcut should reach: the active tab, when it is an open walk tab. */
    async commandTab(tabId: number | undefined): Promise<number | null> {
      const walk = await activeWalk(db);
      return walk && tabId !== undefined && walk.openTabIds.includes(tabId) ? tabId : null;
    },
  };
}

export type PageService = ReturnType<typeof createPageService>;
