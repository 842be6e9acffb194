import { compare as compareAnchor, type PoolStats, score, WEIGHTS } from '@/lib/anchors/score';
import { isNaming } from '@/lib/anchors/selector';
import { idfOver, positionSimilarity } from '@/lib/anchors/similarity';
import { type Anchor, IDENTITY_FEATURES, type IdentityFeature } from '@/lib/model/anchor';
import type { TagEntry } from '@/lib/report/context';

/**
 * Two tags are on the same element when the second's anchor scores this well against the first's
 * (lib/anchors/score.ts, the score a find trusts: an element found again scores 0.61 or more, its
 * best look-alike 0.38 at most once it is gone).
 */
export const SAME_ELEMENT = 0.6;
/**
 * Past this many groups in one bucket, a tag is compared with the most recent ones only: the
 * grouping stays linear on a page tagged hundreds of times (exact matches are still found).
 */
const MAX_COMPARED = 64;

/**
 * How well `b` is the element `a` was built on, as a find would score it (lib/anchors/find-anchor.ts):
 * only an element of the same tag, its identity and place compared (score.ts), the selector and the
 * drawn position as place features, and each identity feature weighed by how many look-alikes
 * shared it when either anchor was built (a card's "View deal" says little among five).
 */
export function anchorMatch(a: Anchor, b: Anchor, stats: PoolStats): number {
  if (a.tag !== b.tag) return 0;
  const f = compareAnchor(a, b, stats);
  const place = [...f.place];
  const selectorWeight = isNaming(a.selector) ? WEIGHTS.place.namingSelector : WEIGHTS.place.countingSelector;
  place.push({ key: 'selector', weight: selectorWeight, similarity: a.selector === b.selector ? 1 : 0 });
  if (a.position && b.position)
    place.push({
      key: 'position',
      weight: WEIGHTS.place.position,
      similarity: positionSimilarity(a.position, b.position.rect),
    });
  const shared = new Map<IdentityFeature, number>();
  for (const key of IDENTITY_FEATURES) {
    const k = Math.max(a.shared[key] ?? 1, b.shared[key] ?? 1);
    if (k > 1) shared.set(key, k);
  }
  return score({ ...f, place }, shared);
}

/** Where the same element can be: the same touchpoint, else (no touchpoint) the same page. */
function bucketOf(e: TagEntry): string {
  return e.touchpointId ? `tp:${e.touchpointId}` : `url:${e.tag.url.split(/[?#]/)[0]}`;
}

/** What makes two anchors the same element for sure: same selector, tag, name and text. */
export function signature(a: Anchor): string {
  return [a.selector, a.tag, a.role ?? '', a.name, a.text.hash].join('\n');
}

/**
 * Groups tags that are on the same element of the same touchpoint, whatever walk or auditor made
 * them: bucketed by touchpoint first, then each tag joins the first group whose first tag's anchor
 * it matches (exactly, or by anchor score), in the order given, so the grouping is deterministic.
 */
export function groupByElement(entries: readonly TagEntry[]): TagEntry[][] {
  const buckets = new Map<string, TagEntry[]>();
  for (const e of entries) {
    const key = bucketOf(e);
    const list = buckets.get(key);
    if (list) list.push(e);
    else buckets.set(key, [e]);
  }
  const out: TagEntry[][] = [];
  for (const list of buckets.values()) {
    const stats = {
      text: idfOver(list.map((e) => e.tag.anchor.text.text)),
      context: idfOver(list.map((e) => e.tag.anchor.context.text)),
    };
    const groups: TagEntry[][] = [];
    const exact = new Map<string, TagEntry[]>();
    for (const e of list) {
      const sig = signature(e.tag.anchor);
      let group = exact.get(sig);
      if (!group) {
        let best = 0;
        for (const g of groups.slice(-MAX_COMPARED)) {
          const first = (g[0] as TagEntry).tag.anchor;
          const s = anchorMatch(first, e.tag.anchor, stats);
          // The best match; the earlier group on a tie.
          if (s >= SAME_ELEMENT && s > best) {
            best = s;
            group = g;
          }
        }
      }
      if (group) group.push(e);
      else {
        group = [e];
        groups.push(group);
      }
      if (!exact.has(sig)) exact.set(sig, group);
    }
    out.push(...groups);
  }
  return out;
}
