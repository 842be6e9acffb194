// How much a candidate element looks like the one an anchor was built on. Pure: profiles in,
// numbers out.
import type { Anchor, IdentityFeature } from '@/lib/model/anchor';
import type { Profile } from '@/lib/anchors/profile';
import {
  dice,
  fingerprintSimilarity,
  type Idf,
  jaccard,
  pathSimilarity,
  siblingSimilarity,
} from '@/lib/anchors/similarity';

/**
 * Identity says which element it is (what a person reads, what the author named it); place says
 * where it is. Weights are relative within each group; an identity feature that look-alikes share
 * weighs less when it matches (see `sharedWeight`).
 */
export const WEIGHTS = {
  identity: { name: 3, text: 2, textSameAsName: 1, context: 2, testId: 3, id: 2, nameAttr: 2, href: 2, src: 2 },
  /**
   * An element with words of its own (a card, a paragraph) is told apart by them; its context is
   * then the list around it, the same for every item, so it weighs little.
   */
  contextOfWordy: 0.5,
  /** A radio's or checkbox's name is its group's, shared by design; the type rarely tells much. */
  identityMinor: { groupName: 0.5, placeholder: 1, type: 0.5 },
  /** A counting selector (`li:nth-of-type(3) > a`) repeats the sibling index: half a naming one. */
  place: { ancestors: 2, classes: 1, siblingIndex: 0.5, namingSelector: 1, countingSelector: 0.5, position: 2 },
} as const;

/**
 * A candidate shares a feature when it matches it at least this well: "Helpful (3)" shares the
 * name of "Helpful (12)", so among review buttons the name says little and the review text decides.
 */
const SHARED = 0.7;
/** A role that disagrees (a link that became a button) halves the score. */
const ROLE_MISMATCH = 0.5;

export interface Feature<K extends string = string> {
  key: K;
  weight: number;
  similarity: number;
}

export interface Features {
  identity: Feature<IdentityFeature>[];
  place: Feature[];
  roleAgrees: boolean;
}

const GROUPED = new Set(['radio', 'checkbox']);

function same(a: string | undefined, b: string | undefined): number {
  return a === b ? 1 : 0;
}
/** Characters of its own text from which an element counts as wordy (see `contextOfWordy`). */
const WORDY = 40;

/** The context says least when the element is wordy, or when it only repeats the name (a label). */
function contextWeight(anchor: Anchor): number {
  if (anchor.text.text.length >= WORDY) return WEIGHTS.contextOfWordy;
  return anchor.context.text === anchor.name ? WEIGHTS.identity.textSameAsName : WEIGHTS.identity.context;
}

/** A feature, or none when the anchor recorded nothing for it (no evidence either way). */
function feature<K extends string>(key: K, recorded: unknown, weight: number, similarity: () => number): Feature<K>[] {
  return recorded ? [{ key, weight, similarity: similarity() }] : [];
}

/** Word statistics of the candidates' texts and contexts, for `weightedJaccard`. */
export interface PoolStats {
  text: Idf;
  context: Idf;
}

/** Features of the anchor's own data; the find adds the selector and the position. */
export function compare(anchor: Anchor, p: Profile, stats: PoolStats): Features {
  const w = WEIGHTS.identity;
  const minor = WEIGHTS.identityMinor;
  const at = anchor.attributes;
  const identity = [
    ...feature('name', anchor.name, w.name, () => dice(anchor.name, p.name)),
    ...feature('text', anchor.text.text, anchor.text.text === anchor.name ? w.textSameAsName : w.text, () =>
      fingerprintSimilarity(anchor.text, p.text, stats.text),
    ),
    ...feature('context', anchor.context.text, contextWeight(anchor), () =>
      fingerprintSimilarity(anchor.context, p.context, stats.context),
    ),
    ...feature('testId', at.testId, w.testId, () => same(at.testId, p.attributes.testId)),
    ...feature('id', at.id, w.id, () => same(at.id, p.attributes.id)),
    ...feature('nameAttr', at.name, GROUPED.has(anchor.role ?? '') ? minor.groupName : w.nameAttr, () =>
      same(at.name, p.attributes.name),
    ),
    ...feature('href', at.href, w.href, () => same(at.href, p.attributes.href)),
    ...feature('src', at.src, w.src, () => same(at.src, p.attributes.src)),
    ...feature('type', at.type, minor.type, () => same(at.type, p.attributes.type)),
    ...feature('placeholder', at.placeholder, minor.placeholder, () =>
      dice(at.placeholder ?? '', p.attributes.placeholder ?? ''),
    ),
  ];
  const pw = WEIGHTS.place;
  const place = [
    ...feature('ancestors', true, pw.ancestors, () => pathSimilarity(anchor.ancestors, p.ancestors)),
    ...feature('siblingIndex', true, pw.siblingIndex, () => siblingSimilarity(anchor.siblingIndex, p.siblingIndex)),
    ...feature('classes', anchor.classes.length || p.classes.length, pw.classes, () =>
      jaccard(anchor.classes, p.classes),
    ),
  ];
  return { identity, place, roleAgrees: anchor.role === p.role };
}

/** A candidate whose identity matches at least this well, before any sharing, is a look-alike. */
const LOOKALIKE = 0.5;

/**
 * How many look-alikes share each identity feature. Only look-alikes count: the other links of a
 * menu share the Help link's context but not its name, and do not make its context worthless
 * against the footer's Help link, which shares its name and href but not its context.
 */
export function sharedCounts(all: readonly Features[]): Map<IdentityFeature, number> {
  const counts = new Map<IdentityFeature, number>();
  for (const f of all) {
    if ((mean(f.identity, (x) => x.weight) ?? 0) < LOOKALIKE) continue;
    for (const x of f.identity) if (x.similarity >= SHARED) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
  }
  return counts;
}

function mean<K extends string>(features: readonly Feature<K>[], weightOf: (f: Feature<K>) => number): number | null {
  let total = 0;
  let sum = 0;
  for (const f of features) {
    const w = weightOf(f);
    total += w;
    sum += w * f.similarity;
  }
  return total > 0 ? sum / total : null;
}

/**
 * A feature k elements share is weak evidence when it matches, and as strong as ever when it does
 * not: its weight falls from w towards w / k² as its similarity rises. "View deal" says little
 * among five cards' "View deal" buttons, but still says the card's "Save" button is not the one.
 */
function sharedWeight(f: Feature, k: number): number {
  return f.weight / (1 + (k * k - 1) * f.similarity);
}

/**
 * 0..1: identity × (0.6 + 0.4 × place). Identity must carry a match, place only ranks look-alikes,
 * so an element that merely sits where the lost one sat stays low. `shared` counts, per identity
 * feature, the look-alikes that share it (see `sharedWeight`). Without identity features (an
 * empty, unnamed element) place alone counts, at 0.8 at most.
 */
export function score(f: Features, shared?: ReadonlyMap<IdentityFeature, number>): number {
  const identity = mean(f.identity, (x) => sharedWeight(x, Math.max(1, shared?.get(x.key) ?? 1)));
  const place = mean(f.place, (x) => x.weight) ?? 1;
  const s = identity === null ? 0.8 * place : identity * (0.6 + 0.4 * place);
  return f.roleAgrees ? s : s * ROLE_MISMATCH;
}
