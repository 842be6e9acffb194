import { OVERLAY_TAG } from '@/lib/overlay-tag';

/** Touchpoint's own elements (the overlay's and the tagger's shadow hosts): never picked. */
export function isOurs(el: Element): boolean {
  return el.localName === OVERLAY_TAG || el.closest(OVERLAY_TAG) !== null;
}

function area(r: DOMRect): number {
  return r.width * r.height;
}

function contains(r: DOMRect, x: number, y: number): boolean {
  return r.width > 0 && r.height > 0 && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}

/**
 * The page's element under a point. Hit-testing first (`elementsFromPoint`, which sees through
 * Touchpoint's own layers); when it finds nothing but the page's root — a page can make its
 * elements invisible to hit-testing with `pointer-events: none` — the smallest visible element
 * whose box holds the point; null when nothing drawn holds it.
 */
export function elementAt(doc: Document, x: number, y: number): Element | null {
  const hit = doc.elementsFromPoint(x, y).find((el) => !isOurs(el));
  if (hit && hit !== doc.documentElement && hit !== doc.body) return hit;
  let best: Element | null = null;
  let bestArea = Number.POSITIVE_INFINITY;
  const body = doc.body;
  for (const el of body ? [body, ...body.querySelectorAll('*')] : []) {
    if (isOurs(el) || el.localName === 'script' || el.localName === 'style') continue;
    const r = el.getBoundingClientRect();
    if (!contains(r, x, y)) continue;
    const a = area(r);
    if (a < bestArea) {
      best = el;
      bestArea = a;
    }
  }
  // The page's root is never a useful target: nothing drawn there means nothing to tag.
  return best;
}

const PICKABLE =
  'a[href],button,input,select,textarea,summary,label,img,video,[role],[tabindex],h1,h2,h3,h4,h5,h6,p,li,td,th,dt,dd,figcaption,legend';

/**
 * What keyboard pick mode moves through: the page's interactive and text elements that are
 * drawn, in document order, Touchpoint's own left out.
 */
export function pickables(doc: Document): Element[] {
  return [...doc.querySelectorAll(PICKABLE)].filter((el) => {
    if (isOurs(el)) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
}

/** The next (or previous) pickable after `current`, wrapping; the first when nothing is chosen. */
export function stepPickable(list: readonly Element[], current: Element | null, dir: 1 | -1): Element | null {
  if (list.length === 0) return null;
  const i = current ? list.indexOf(current) : -1;
  if (i === -1) return dir === 1 ? (list[0] ?? null) : (list[list.length - 1] ?? null);
  return list[(i + dir + list.length) % list.length] ?? null;
}

/** A box in viewport pixels, as drawn now. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}
