import { z } from 'zod';
import { Anchor } from '@/lib/model/anchor';
import { Id, Timestamp } from '@/lib/model/common';
import { FactGroup, FactKind, FactSource } from '@/lib/model/fact';
import { Channel } from '@/lib/model/touchpoint';

/**
 * What lib/consistency/compare.ts finds, as a schema: the export carries the comparison made when
 * it was written, so a reader needs no extractor to see the divergences. lib/consistency/divergence.ts
 * re-exports the inferred types: the model stays their one source.
 */

/** A page load where a value was read (a PageFacts record) and the element it came from. */
export const PagePlace = z.object({
  type: z.literal('page'),
  /** The PageFacts record's id. */
  factsId: z.string().min(1).max(200),
  walkId: Id,
  recorderId: Id,
  touchpointId: Id.nullable(),
  url: z.string().max(4096),
  title: z.string().max(500),
  /** Recording time of the state read: the replay opens there. */
  at: Timestamp,
  anchor: Anchor.nullable(),
  source: FactSource,
  raw: z.string().max(500),
  context: z.string().max(300),
  label: z.string().max(120),
});
export type PagePlace = z.infer<typeof PagePlace>;

/** An off-site event (a call, an email, a chat, a visit) where the auditor noted the value. */
export const OffsitePlace = z.object({
  type: z.literal('offsite'),
  walkId: Id,
  eventId: Id,
  touchpointId: Id,
  channel: Channel,
  /** What the auditor wrote, as written. */
  raw: z.string().max(500),
  /** What it is about, as the auditor wrote it ("support line"). */
  label: z.string().max(200),
});
export type OffsitePlace = z.infer<typeof OffsitePlace>;

export const Place = z.discriminatedUnion('type', [PagePlace, OffsitePlace]);
export type Place = z.infer<typeof Place>;

/** One of the values seen for a subject, and every place holding it. */
export const SeenValue = z.object({
  /** Normalised (lib/model/fact.ts formats); colours within tolerance share the most common one. */
  value: z.string().min(1).max(500),
  places: z.array(Place).max(5000),
});
export type SeenValue = z.infer<typeof SeenValue>;

/**
 * A subject seen with more than one value across pages and channels. `key` is stable across
 * recomputations (kind, subject and the sorted values), so the auditor's decision on it holds.
 */
export const Divergence = z.object({
  key: z.string().min(1).max(1000),
  kind: FactKind,
  group: FactGroup,
  /** What the values are of: "" for the site as a whole, a product, a line, an action. */
  subject: z.string().max(200),
  /** Most places first; the first is the baseline. */
  values: z.array(SeenValue).min(2).max(500),
  baseline: z.string().min(1).max(500),
  /** Nielsen 0–4, suggested: a wrong phone on the contact page above a footer colour. */
  severity: z.number().int().min(0).max(4),
  /** `structured-vs-text`: a page's structured data contradicts its own visible text. */
  reason: z.enum(['across-places', 'structured-vs-text']),
  /**
   * The pages' language for kinds worded in it (calls to action, navigation, footer links,
   * breadcrumbs, title pattern, the writing measures): a bilingual site is compared within each
   * language, so "Comprar" on the Spanish pages and "Buy" on the English ones is no divergence.
   * '' for kinds compared across languages. Absent before it existed: read as ''.
   */
  lang: z.string().max(16).default(''),
});
export type Divergence = z.infer<typeof Divergence>;

/** Share of places agreeing with the baseline, per kind or per channel (1 when all agree). */
export const AgreementScore = z.object({
  agreeing: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type AgreementScore = z.infer<typeof AgreementScore>;

export const Comparison = z.object({
  divergences: z.array(Divergence).max(5000),
  byKind: z.partialRecord(FactKind, AgreementScore),
  byChannel: z.partialRecord(Channel, AgreementScore),
  byGroup: z.partialRecord(FactGroup, AgreementScore),
  /** Kinds that some pages could not read (masked text), with how many pages. */
  unreadable: z.array(z.object({ kind: FactKind, pages: z.number().int().nonnegative() })).max(100),
  /**
   * Off-site facts left out (lib/consistency/offsite-facts.ts): values no extractor could read
   * (never guessed), and kinds the comparison has no counterpart for (policy, other).
   */
  offsiteSkipped: z.object({ unreadable: z.number().int().nonnegative(), otherKinds: z.number().int().nonnegative() }),
  /** The languages the pages are written in, most pages first (a view names a divergence's language when there are two or more). */
  languages: z.array(z.string().max(16)).max(50).default([]),
});
export type Comparison = z.infer<typeof Comparison>;
