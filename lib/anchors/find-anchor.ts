import type { Anchor, IdentityFeature } from '@/lib/model/anchor';
import { IDENTITY_FEATURES } from '@/lib/model/anchor-constants';
import { type Candidate, candidatesOf, compareAll, type GeometryOf, selectorHit } from '@/lib/anchors/candidates';
import type { AnchorRoot } from '@/lib/anchors/profile';
import type { LabelIndex } from '@/lib/anchors/read-name';
import { score, sharedCounts } from '@/lib/anchors/score';
import { isNaming } from '@/lib/anchors/selector';

export type { GeometryOf } from '@/lib/anchors/candidates';

/**
 * Below this, no element is returned. Chosen on the fixtures in test/fixtures/dom (see
 * test/unit/anchors/find-anchor.test.ts): after each small change, or all of them at once, the
 * element is found at 0.61 or more; once it is removed, its best look-alike scores 0.38 at most.
 */
export const MIN_CONFIDENCE = 0.5;

/** The selector's element is taken at once when it agrees this well with the anchor. */
const SELECTOR_TRUST = 0.95;

/**
 * A runner-up closer than this to the best lowers the confidence, down to half the score on a tie:
 * the page no longer tells the two apart.
 */
const CLEAR_MARGIN = 0.15;

export interface AnchorMatch {
  element: Element;
  /** 0..1; at least MIN_CONFIDENCE. */
  confidence: number;
  /** `selector`: the stored selector's element, checked against the anchor; `score`: another one, by score. */
  strategy: 'selector' | 'score';
}

export interface RankedCandidate {
  element: Element;
  score: number;
}

/** Counts at find time, or at build time when more elements shared a feature then. */
function sharedWith(anchor: Anchor, candidates: readonly Candidate[]): Map<IdentityFeature, number> {
  const counts = sharedCounts(candidates.map((c) => c.features));
  for (const key of IDENTITY_FEATURES) {
    const then = anchor.shared[key];
    if (then) counts.set(key, Math.max(then, counts.get(key) ?? 1));
  }
  return counts;
}

function rank(anchor: Anchor, root: AnchorRoot, hit: Element | null, labels: LabelIndex, geometryOf?: GeometryOf) {
  const candidates = candidatesOf(anchor, root, { hit, labels, geometryOf });
  const shared = sharedWith(anchor, candidates);
  return candidates
    .map((c, i) => ({ element: c.element, score: score(c.features, shared), i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ element, score }): RankedCandidate => ({ element, score }));
}

/**
 * Every element of the anchor's tag with its score, best first (document order on a tie): what
 * `findAnchor` decides from, for tests and for explaining a match.
 */
export function rankCandidates(anchor: Anchor, root: AnchorRoot, geometryOf?: GeometryOf): RankedCandidate[] {
  return rank(anchor, root, selectorHit(anchor, root), new WeakMap(), geometryOf);
}

/**
 * The element `anchor` was built on, in `root` as it is now, or null when none is close enough.
 * A naming selector's element is returned at once if it agrees with the anchor; otherwise every
 * element of the anchor's tag is scored (see score.ts) and the best wins, earlier in document order
 * on a tie. Deterministic; reads no layout: positions come from `geometryOf`, when given.
 */
export function findAnchor(anchor: Anchor, root: AnchorRoot, geometryOf?: GeometryOf): AnchorMatch | null {
  const labels: LabelIndex = new WeakMap();
  const hit = selectorHit(anchor, root);
  // A counting selector's element is never taken on trust: a twin added before it takes its place.
  if (hit && isNaming(anchor.selector)) {
    const [checked] = compareAll(anchor, root, [hit], { hit, labels, geometryOf });
    const s = checked ? score(checked.features, sharedWith(anchor, [])) : 0;
    if (s >= SELECTOR_TRUST) return { element: hit, confidence: s, strategy: 'selector' };
  }
  const [best, second] = rank(anchor, root, hit, labels, geometryOf);
  if (!best) return null;
  const margin = best.score - (second?.score ?? 0);
  const confidence = best.score * (0.5 + 0.5 * Math.min(1, margin / CLEAR_MARGIN));
  if (confidence < MIN_CONFIDENCE) return null;
  return { element: best.element, confidence, strategy: best.element === hit ? 'selector' : 'score' };
}
