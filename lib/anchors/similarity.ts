// Similarities between what an anchor recorded and what a candidate shows, each 0..1.
import type { Anchor, AnchorAncestor, AnchorRect, TextFingerprint } from '@/lib/model/anchor';

/** A string's bigrams, kept like `tokens` below (read-only maps, bounded). */
const bigramMemo = new Map<string, ReadonlyMap<string, number>>();

function bigrams(s: string): ReadonlyMap<string, number> {
  const known = bigramMemo.get(s);
  if (known) return known;
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  if (bigramMemo.size >= TOKEN_MEMO_MAX) bigramMemo.clear();
  bigramMemo.set(s, out);
  return out;
}

/** Sørensen–Dice over character bigrams, case-insensitive: "Add to cart" ~ "Add to basket" 0.55. */
export function dice(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  let common = 0;
  for (const [g, n] of bigrams(y)) {
    const m = gx.get(g);
    if (m) common += Math.min(m, n);
  }
  return (2 * common) / (x.length - 1 + y.length - 1);
}

/**
 * A text's words, kept: anchoring one page compares each element's text with every other of its
 * tag, once per anchor built (the facts runner builds up to 150 a page). Read-only sets; the
 * memory is bounded by emptying it when full.
 */
const tokenMemo = new Map<string, ReadonlySet<string>>();
const TOKEN_MEMO_MAX = 20_000;

function tokens(text: string): ReadonlySet<string> {
  let set = tokenMemo.get(text);
  if (set) return set;
  set = new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  if (tokenMemo.size >= TOKEN_MEMO_MAX) tokenMemo.clear();
  tokenMemo.set(text, set);
  return set;
}

/**
 * Inverse document frequency of the words of one text feature over the candidates: words every
 * card repeats ("from", "per night") weigh little, the ones that tell cards apart ("Lisbon") a lot.
 */
export type Idf = (token: string) => number;

export function idfOver(texts: readonly string[]): Idf {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of tokens(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  return (w) => Math.log(1 + n / (1 + (df.get(w) ?? 0)));
}

/** Jaccard over words, each weighted by its idf: shared boilerplate barely counts. */
export function weightedJaccard(a: string, b: string, idf: Idf): number {
  const x = tokens(a);
  const y = tokens(b);
  let common = 0;
  let union = 0;
  for (const w of x) {
    const v = idf(w);
    union += v;
    if (y.has(w)) common += v;
  }
  for (const w of y) if (!x.has(w)) union += idf(w);
  return union > 0 ? common / union : 1;
}

export function fingerprintSimilarity(a: TextFingerprint, b: TextFingerprint, idf: Idf): number {
  if (a.hash === b.hash) return 1;
  // Same first characters, different whole: a change past the clip.
  if (a.text === b.text) return 0.9;
  return weightedJaccard(a.text, b.text, idf);
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  const set = new Set(a);
  const common = b.filter((x) => set.has(x)).length;
  return common / (a.length + b.length - common);
}

function ancestorSimilarity(a: AnchorAncestor, b: AnchorAncestor): number {
  if (a.tag !== b.tag) return 0;
  const id = a.id === b.id ? 1 : a.id && b.id ? 0 : 0.5;
  return 0.4 + 0.3 * id + 0.3 * jaccard(a.classes, b.classes);
}

/**
 * How well the anchor's ancestors line up with the candidate's, in order, skipping extra ones on
 * either side (a wrapper added around the element costs nothing): an alignment, as in a diff.
 */
export function pathSimilarity(a: readonly AnchorAncestor[], b: readonly AnchorAncestor[]): number {
  if (!a.length) return 1;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      const y = b[j - 1] as AnchorAncestor;
      row.push(Math.max(prev[j] ?? 0, row[j - 1] ?? 0, (prev[j - 1] ?? 0) + ancestorSimilarity(x, y)));
    }
    prev = row;
  }
  return (prev[b.length] ?? 0) / a.length;
}

/**
 * Drawn where it was, at about the same size. Distance counts in units of the element's own size
 * (at least 2% of the viewport's diagonal): one button-width off is half as similar, so two
 * identical buttons side by side are told apart; a page that shifted as a whole counts for little.
 */
export function positionSimilarity(position: NonNullable<Anchor['position']>, r: AnchorRect): number {
  const a = position.rect;
  const scale = Math.max(
    Math.hypot(a.width, a.height),
    0.02 * Math.hypot(position.viewport.width, position.viewport.height),
    1,
  );
  const distance = Math.hypot(a.x + a.width / 2 - (r.x + r.width / 2), a.y + a.height / 2 - (r.y + r.height / 2));
  const near = 1 / (1 + (distance / scale) ** 2);
  const areas = [a.width * a.height, r.width * r.height];
  const size = Math.max(...areas) > 0 ? Math.min(...areas) / Math.max(...areas) : 1;
  return 0.7 * near + 0.3 * size;
}

/** Same place among its same-tag siblings, or one off (a sibling added or removed before it). */
export function siblingSimilarity(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d === 0 ? 1 : d === 1 ? 0.5 : 0;
}
