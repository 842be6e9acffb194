// What a tag reads from the page when the element is picked and when it is saved: the screenshot's
// rect and masks, and the draft (anchor, target, URL, replay time), each with the audit's privacy
// options applied. Only `win` and the element are read.
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { maskBoxes } from '@/lib/capture/mask-boxes';
import { type PrivacyOptions, textPolicy } from '@/lib/record/privacy';
import type { TagFields } from '@/lib/model';
import type { RequestOf, ResponseOf } from '@/lib/messaging/types';
import { describeElement } from '@/lib/record/describe';

type Capture = ResponseOf<'tag/capture'>;

const frame = (win: Window) => new Promise<void>((r) => win.requestAnimationFrame(() => r()));

/** What the page's privacy reads need: the audit's options, and the way into closed shadow roots. */
export interface PagePrivacy {
  options: PrivacyOptions;
  shadowRootOf?: (el: Element) => ShadowRoot | null;
}

/**
 * Asks the worker for a screenshot of `el` with every Touchpoint layer hidden for the frames it
 * takes (`hide(true)`, two frames so the hidden state is painted, then `hide(false)`). The boxes
 * the worker paints over (typing fields anywhere on the page, blocked elements, all text under
 * "Mask all page text") are read in the same frame as the element's.
 */
export async function captureHidden(
  win: Window,
  el: Element,
  hide: (hidden: boolean) => void,
  capture: (req: RequestOf<'tag/capture'>) => Promise<Capture>,
  privacy: PagePrivacy,
): Promise<Capture> {
  hide(true);
  try {
    await frame(win);
    await frame(win);
    const r = el.getBoundingClientRect();
    const policy = textPolicy(privacy.options, win.document);
    return await capture({
      rect: { x: r.left, y: r.top, width: r.width, height: r.height },
      viewport: { width: win.innerWidth, height: win.innerHeight },
      masks: maskBoxes(win, { policy, shadowRootOf: privacy.shadowRootOf }),
      pixelRatio: win.devicePixelRatio || 1,
    });
  } catch {
    return { screenshotId: null, problem: 'failed' };
  } finally {
    hide(false);
  }
}

/**
 * A new tag on `el`, as `tag/save` takes it; `at` is now, on the recording's (the replay's) clock.
 * Under "Mask all page text" the page title is left out, and the anchor and target hold no text.
 */
export function tagDraft(
  win: Window,
  el: Element,
  extra: { recorderId: string; screenshotId: string | null; fields: TagFields; privacy: PrivacyOptions; url?: string },
): RequestOf<'tag/save'> {
  const doc = win.document;
  const policy = textPolicy(extra.privacy, doc);
  const r = el.getBoundingClientRect();
  return {
    recorderId: extra.recorderId,
    url: (extra.url ?? win.location.href).slice(0, 4096),
    pageTitle: policy.maskAll ? '' : doc.title.slice(0, 500),
    at: Date.now(),
    anchor: buildAnchor(
      el,
      doc,
      {
        rect: { x: r.left, y: r.top, width: r.width, height: r.height },
        viewport: { width: win.innerWidth, height: win.innerHeight },
        scroll: { x: win.scrollX, y: win.scrollY },
      },
      policy,
    ),
    target: describeElement(el, policy),
    screenshotId: extra.screenshotId,
    fields: extra.fields,
  };
}
