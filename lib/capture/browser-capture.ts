import { browser } from 'wxt/browser';
import type { CroppedImage } from '@/lib/worker/page-service';
import type { AnchorRect, AnchorSize } from '@/lib/model';
import { masksInOutput, planCrop } from '@/lib/capture/crop';

/** Chrome allows two captures a second; a quick second tag waits for the next slot. */
async function captureWithQuota(windowId: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
    } catch (e) {
      if (attempt >= 3 || !/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 600));
    }
  }
}

/** The colour masks are painted in: one flat colour, so a test can tell a mask from a page. */
export const MASK_COLOUR = '#5b6470';

/**
 * The browser edge of tag screenshots: captures the tab's visible area, crops it and paints the
 * page's masks (typing fields, blocked elements, text under "Mask all page text") over the pixels
 * in the worker (OffscreenCanvas), so what they cover is never in the stored image and the page's
 * main thread never decodes the picture. Chrome allows
 * the capture only after the auditor invoked Touchpoint on that tab (activeTab); the error then
 * says so, and the journey service tells the overlay.
 */
export async function captureAndCrop(
  tabId: number,
  rect: AnchorRect,
  viewport: AnchorSize,
  masks: readonly AnchorRect[] = [],
  pixelRatio?: number,
): Promise<CroppedImage> {
  const tab = await browser.tabs.get(tabId);
  // captureVisibleTab takes what is shown in the window: a tab in the background would give
  // another page's picture.
  if (!tab.active) throw new Error('The tab is not the one shown in its window.');
  const dataUrl = await captureWithQuota(tab.windowId);
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  try {
    const image = { width: bitmap.width, height: bitmap.height };
    const plan = planCrop(rect, viewport, image, undefined, undefined, pixelRatio);
    if (!plan) throw new Error('The element is not on screen.');
    const canvas = new OffscreenCanvas(plan.output.width, plan.output.height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('No 2D canvas in this browser.');
    const { source: s, output: o } = plan;
    g.drawImage(bitmap, s.x, s.y, s.width, s.height, 0, 0, o.width, o.height);
    g.fillStyle = MASK_COLOUR;
    for (const m of masksInOutput(plan, masks)) g.fillRect(m.x, m.y, m.width, m.height);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return { blob, mime: 'image/png', width: o.width, height: o.height, focus: plan.focus };
  } finally {
    bitmap.close();
  }
}
