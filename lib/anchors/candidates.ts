// The elements a find weighs, each compared with the anchor: shared by the find and by the build,
// which compares the page with its own anchor to learn which features the element shares.
import type { Anchor, AnchorRect } from '@/lib/model/anchor';
import { type AnchorRoot, MAX_ANCESTORS, type Profile, profileOf } from '@/lib/anchors/profile';
import type { LabelIndex } from '@/lib/anchors/read-name';
import { compare, type Features, WEIGHTS } from '@/lib/anchors/score';
import { idfOver, positionSimilarity } from '@/lib/anchors/similarity';
import { isNaming, queryAll } from '@/lib/anchors/selector';

/** Where an element is drawn now, relative to the document (`getBoundingClientRect()` plus scroll). */
export type GeometryOf = (el: Element) => AnchorRect | null;

/** Ancestors are read two deeper than stored, so a wrapper added around the element is seen past. */
const CANDIDATE_ANCESTORS = MAX_ANCESTORS + 2;
const TAG = /^[a-z][a-z0-9-]*$/i;

export interface Candidate {
  element: Element;
  features: Features;
}

export interface CandidateOptions {
  /** The element the anchor's selector names, if exactly one; it earns the selector feature. */
  hit: Element | null;
  geometryOf?: GeometryOf;
  labels: LabelIndex;
}

/** The selector's one element, if it has the anchor's tag. */
export function selectorHit(anchor: Pick<Anchor, 'selector' | 'tag'>, root: AnchorRoot): Element | null {
  const hits = queryAll(root, anchor.selector);
  return hits.length === 1 && hits[0]?.localName === anchor.tag ? hits[0] : null;
}

function withPlace(anchor: Anchor, f: Features, el: Element, o: CandidateOptions): Features {
  const place = [...f.place];
  if (o.hit) {
    const weight = isNaming(anchor.selector) ? WEIGHTS.place.namingSelector : WEIGHTS.place.countingSelector;
    place.push({ key: 'selector', weight, similarity: el === o.hit ? 1 : 0 });
  }
  const rect = anchor.position && o.geometryOf ? o.geometryOf(el) : null;
  if (anchor.position && rect) {
    place.push({
      key: 'position',
      weight: WEIGHTS.place.position,
      similarity: positionSimilarity(anchor.position, rect),
    });
  }
  return { ...f, place };
}

/** Features of the given elements, word statistics taken over the same elements. */
export function compareAll(anchor: Anchor, root: AnchorRoot, elements: Element[], o: CandidateOptions): Candidate[] {
  const profiles: Profile[] = elements.map((el) => profileOf(el, root, o.labels, CANDIDATE_ANCESTORS));
  const stats = {
    text: idfOver(profiles.map((p) => p.text.text)),
    context: idfOver(profiles.map((p) => p.context.text)),
  };
  return elements.map((element, i) => ({
    element,
    features: withPlace(anchor, compare(anchor, profiles[i] as Profile, stats), element, o),
  }));
}

/**
 * What building many anchors on one page that does not change can share (the facts runner anchors
 * up to 150 elements of a rebuilt page): per tag, its elements, their profiles and word statistics,
 * read once instead of once per anchor; and the page's accessible-name index. Only for a page that
 * does not change while it is used.
 */
export interface PageCandidates {
  labels: LabelIndex;
  byTag: Map<string, { elements: Element[]; profiles: Profile[]; stats: Parameters<typeof compare>[2] }>;
}

export const pageCandidates = (): PageCandidates => ({ labels: new WeakMap(), byTag: new Map() });

/** Every element of the anchor's tag in the root, in document order: tags are never guessed across. */
export function candidatesOf(
  anchor: Anchor,
  root: AnchorRoot,
  o: CandidateOptions,
  page?: PageCandidates,
): Candidate[] {
  if (!TAG.test(anchor.tag)) return [];
  if (!page) return compareAll(anchor, root, queryAll(root, anchor.tag), o);
  let known = page.byTag.get(anchor.tag);
  if (!known) {
    const elements = queryAll(root, anchor.tag);
    const profiles = elements.map((el) => profileOf(el, root, o.labels, CANDIDATE_ANCESTORS));
    const stats = {
      text: idfOver(profiles.map((p) => p.text.text)),
      context: idfOver(profiles.map((p) => p.context.text)),
    };
    known = { elements, profiles, stats };
    page.byTag.set(anchor.tag, known);
  }
  const { profiles, stats } = known;
  return known.elements.map((element, i) => ({
    element,
    features: withPlace(anchor, compare(anchor, profiles[i] as Profile, stats), element, o),
  }));
}
