import type { Anchor, AnchorRect, AnchorSize } from '@/lib/model/anchor';
import { ANCHOR_VERSION } from '@/lib/model/anchor-constants';
import { candidatesOf } from '@/lib/anchors/candidates';
import { type AnchorRoot, profileOf } from '@/lib/anchors/profile';
import type { LabelIndex } from '@/lib/anchors/read-name';
import { sharedCounts } from '@/lib/anchors/score';
import { uniqueSelector } from '@/lib/anchors/selector';

/**
 * Where the element is drawn, as the page measured it when the tag was pinned: layout exists only
 * in a real browser, so the caller passes it in (happy-dom has none).
 */
export interface AnchorGeometry {
  /** `getBoundingClientRect()`: relative to the viewport. */
  rect: AnchorRect;
  viewport: AnchorSize;
  /** `scrollX`/`scrollY` when measured, to make the rect relative to the document. */
  scroll: { x: number; y: number };
}

/**
 * An anchor for `el`, read within `root` (its document, a shadow root, or a subtree). Reads only
 * what the site authored: never a field's value, never the text of a contenteditable region.
 */
export function buildAnchor(el: Element, root: AnchorRoot, geometry?: AnchorGeometry): Anchor {
  const labels: LabelIndex = new WeakMap();
  const position = geometry
    ? {
        rect: {
          x: geometry.rect.x + geometry.scroll.x,
          y: geometry.rect.y + geometry.scroll.y,
          width: geometry.rect.width,
          height: geometry.rect.height,
        },
        viewport: geometry.viewport,
      }
    : null;
  const draft: Anchor = {
    v: ANCHOR_VERSION,
    selector: uniqueSelector(el, root),
    ...profileOf(el, root, labels),
    shared: {},
    position,
  };
  // The page compared with its own anchor: what the element shares with others now, a later find
  // cannot rely on, even if the others are gone by then.
  const counts = sharedCounts(candidatesOf(draft, root, { hit: null, labels }).map((c) => c.features));
  const shared = Object.fromEntries([...counts].filter(([, n]) => n >= 2));
  // Not parsed here: this runs in a content script, which has no zod. The worker parses every anchor
  // it receives (TagDraft), and the unit tests parse what this builds.
  return { ...draft, shared };
}
