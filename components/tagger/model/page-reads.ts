// What a tag reads from the page when the element is picked and when it is saved: the screenshot's
// rect, and the draft (anchor, target, URL, replay time). Only `win` and the element are read.
import { buildAnchor } from '@/lib/anchors/build-anchor';
import type { TagFields } from '@/lib/model';
import type { RequestOf, ResponseOf } from '@/lib/messaging/types';
import { describeElement } from '@/lib/record/describe';

type Capture = ResponseOf<'tag/capture'>;

const frame = (win: Window) => new Promise<void>((r) => win.requestAnimationFrame(() => r()));

/** Where people type: a screenshot shows what they typed, so these are covered before it is taken. */
const TYPED =
  'input:not([type=button]):not([type=submit]):not([type=reset]):not([type=checkbox]):not([type=radio]):not([type=range]):not([type=color]):not([type=image]):not([type=hidden]),textarea,select,[contenteditable]:not([contenteditable="false"])';

/** The boxes of the page's typing fields that are on screen, in viewport pixels. */
export function typedBoxes(win: Window): { x: number; y: number; width: number; height: number }[] {
  const out = [];
  for (const el of win.document.querySelectorAll(TYPED)) {
    const r = el.getBoundingClientRect();
    if (
      r.width <= 0 ||
      r.height <= 0 ||
      r.bottom < 0 ||
      r.right < 0 ||
      r.top > win.innerHeight ||
      r.left > win.innerWidth
    ) {
      continue;
    }
    out.push({ x: r.left, y: r.top, width: r.width, height: r.height });
  }
  return out;
}

/**
 * Asks the worker for a screenshot of `el` with every Touchpoint layer hidden for the frames it
 * takes (`hide(true)`, two frames so the hidden state is painted, then `hide(false)`).
 */
export async function captureHidden(
  win: Window,
  el: Element,
  hide: (hidden: boolean) => void,
  capture: (req: RequestOf<'tag/capture'>) => Promise<Capture>,
): Promise<Capture> {
  hide(true);
  try {
    await frame(win);
    await frame(win);
    const r = el.getBoundingClientRect();
    return await capture({
      rect: { x: r.left, y: r.top, width: r.width, height: r.height },
      viewport: { width: win.innerWidth, height: win.innerHeight },
    });
  } catch {
    return { screenshotId: null, problem: 'failed' };
  } finally {
    hide(false);
  }
}

/** A new tag on `el`, as `tag/save` takes it; `at` is now, on the recording's (the replay's) clock. */
export function tagDraft(
  win: Window,
  el: Element,
  extra: { recorderId: string; screenshotId: string | null; fields: TagFields },
): RequestOf<'tag/save'> {
  const doc = win.document;
  const r = el.getBoundingClientRect();
  return {
    recorderId: extra.recorderId,
    url: win.location.href.slice(0, 4096),
    pageTitle: doc.title.slice(0, 500),
    at: Date.now(),
    anchor: buildAnchor(el, doc, {
      rect: { x: r.left, y: r.top, width: r.width, height: r.height },
      viewport: { width: win.innerWidth, height: win.innerHeight },
      scroll: { x: win.scrollX, y: win.scrollY },
    }),
    target: describeElement(el),
    screenshotId: extra.screenshotId,
    fields: extra.fields,
  };
}
