import type { AnchorRect, AnchorSize } from '@/lib/model';

/** Surroundings kept around the element, in CSS pixels: enough to see where on the page it is. */
export const CROP_MARGIN = 160;
/** The widest or tallest screenshot stored, in image pixels: bigger ones are scaled down. */
export const MAX_SIDE = 1600;

export interface CropPlan {
  /** The part of the captured image to keep, in image pixels. */
  source: { x: number; y: number; width: number; height: number };
  /** The stored image's size after scaling down. */
  output: { width: number; height: number };
  /** Where the element is in the stored image. */
  focus: AnchorRect;
  /** Image pixels per CSS pixel of the capture, before scaling down. */
  scale: { x: number; y: number };
}

/**
 * Where to cut a captured viewport: the element's box (viewport CSS pixels) plus a margin,
 * clamped to the image, scaled from CSS to image pixels (the capture is at device pixel ratio),
 * then down to at most MAX_SIDE. Null when nothing of the element is on screen.
 *
 * With the page's `pixelRatio` the scale is that ratio, and the viewport is what the image holds
 * of it: an emulated viewport (automated runs) can be larger than the window the capture shows,
 * whose top-left part it then is, unscaled. Without it the scale is the image's size over the
 * viewport's, which is the same on a real window.
 */
export function planCrop(
  rect: AnchorRect,
  shown: AnchorSize,
  image: { width: number; height: number },
  margin = CROP_MARGIN,
  maxSide = MAX_SIDE,
  pixelRatio?: number,
): CropPlan | null {
  if (shown.width <= 0 || shown.height <= 0 || image.width <= 0 || image.height <= 0) return null;
  const ratio = pixelRatio && Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : null;
  const viewport = ratio
    ? { width: Math.min(shown.width, image.width / ratio), height: Math.min(shown.height, image.height / ratio) }
    : shown;
  const sx = ratio ?? image.width / viewport.width;
  const sy = ratio ?? image.height / viewport.height;
  // The element's box, clipped to the viewport (a tall element may overflow it).
  const left = Math.max(0, rect.x);
  const top = Math.max(0, rect.y);
  const right = Math.min(viewport.width, rect.x + rect.width);
  const bottom = Math.min(viewport.height, rect.y + rect.height);
  if (right < left || bottom < top) return null;
  const x0 = Math.floor(Math.max(0, left - margin) * sx);
  const y0 = Math.floor(Math.max(0, top - margin) * sy);
  const x1 = Math.ceil(Math.min(viewport.width, right + margin) * sx);
  const y1 = Math.ceil(Math.min(viewport.height, bottom + margin) * sy);
  const source = { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
  const scale = Math.min(1, maxSide / Math.max(source.width, source.height));
  const output = {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
  const focus = {
    x: (left * sx - x0) * scale,
    y: (top * sy - y0) * scale,
    width: (right - left) * sx * scale,
    height: (bottom - top) * sy * scale,
  };
  return { source, output, focus, scale: { x: sx, y: sy } };
}

/**
 * Boxes in viewport CSS pixels (the masks read in the page) as boxes of the stored image, rounded
 * outwards so no edge of a masked field shows; those wholly outside the crop are dropped.
 */
export function masksInOutput(plan: CropPlan, masks: readonly AnchorRect[]): AnchorRect[] {
  const { x: sx, y: sy } = plan.scale;
  const scale = plan.output.width / plan.source.width;
  const out: AnchorRect[] = [];
  for (const m of masks) {
    const x0 = Math.max(0, Math.floor((m.x * sx - plan.source.x) * scale));
    const y0 = Math.max(0, Math.floor((m.y * sy - plan.source.y) * scale));
    const x1 = Math.min(plan.output.width, Math.ceil(((m.x + m.width) * sx - plan.source.x) * scale));
    const y1 = Math.min(plan.output.height, Math.ceil(((m.y + m.height) * sy - plan.source.y) * scale));
    if (x1 > x0 && y1 > y0) out.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return out;
}
