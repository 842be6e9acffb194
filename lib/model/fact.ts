import { z } from 'zod';
import { Anchor } from '@/lib/model/anchor';
import { Id, Timestamp } from '@/lib/model/common';

/**
 * What a page or a channel states that customers expect to be the same everywhere (issue 12):
 * information, brand and design, voice and tone, structure. Each kind has one extractor file in
 * lib/consistency/extractors/ named after it. `value` is normalised so that two ways of writing
 * the same thing compare equal; the format of each kind's value is part of the model (below),
 * since the labelled corpus, the comparison and off-site facts all rely on it:
 *
 * Information
 * - phone: E.164 (`+34912345678`); label: what the page names the line for ("Ventas"), if it does.
 * - email: the address in lower case.
 * - postal-address: `<postcode> <street and number>` in lower case, street words expanded
 *   ("c/" → "calle", "avda." → "avenida", "st" → "street"), no commas (`28013 calle mayor 12`).
 * - opening-hours: lib/consistency/weekly-hours.ts formatWeek (`mo 09:00-14:00,16:00-19:00; sa 10:00-14:00`).
 * - price: `<ISO 4217> <amount with 2 decimals>` (`EUR 1234.56`); label: the product or plan.
 * - promise: a delivery or response time promised, `<what> <min>-<max> <unit>` with what one of
 *   delivery | response | refund | return, unit h | d (working days as `wd`) (`delivery 2-3 wd`,
 *   `response 0-24 h`); label: what it is about when the page says so.
 * - legal-name: the company's legal name in lower case, legal form normalised (`ventura viajes sl`).
 * - social: `<network>:<handle>` in lower case (`instagram:venturaviajes`).
 * Brand and design (read from computed styles, so only in a real layout engine)
 * - logo: the logo image's source URL without query (`https://ventura.example/img/logo.svg`); raw: its alt text.
 * - colour: `#rrggbb` in lower case; label: the role, primary-button | link | heading.
 * - font: the first family of the stack in lower case (`inter`); label: body | heading.
 * - button-shape: `radius <px>px height <px>px` rounded to whole pixels; label: primary-button.
 * - favicon: the icon's URL without query.
 * - title-pattern: the title with the page's own part replaced by `{page}` (`{page} | Ventura Viajes`).
 * Voice and tone
 * - language: the language the text is written in (`es`, `en`); raw: the declared `lang`.
 * - formality: `usted` | `tu` | `vosotros` for Spanish, `formal` | `informal` for English.
 * - readability: the band of the language's index, very-easy | easy | fairly-easy | normal |
 *   fairly-difficult | difficult | very-difficult; raw: the index and its score (`INFLESZ 62.4`).
 * - sentence-length: the mean words per sentence, rounded to whole words.
 * - exclamation: exclamation marks per 100 sentences, rounded.
 * - cta: the call to action's label in lower case (`añadir a la cesta`); label: the action it
 *   does, one of lib/consistency's action groups (`add-to-cart`, `buy`, `contact`, `book`, …).
 * Structure
 * - navigation: the main navigation's labels in order, lower case, joined by ` | `.
 * - footer-links: the footer's link labels in order, lower case, joined by ` | `.
 * - breadcrumbs: the trail's labels in order, lower case, joined by ` > `.
 * - language-switcher: the languages offered, ISO 639-1, sorted, joined by `,` (`ca,en,es`).
 */
export const FactKind = z.enum([
  'phone',
  'email',
  'postal-address',
  'opening-hours',
  'price',
  'promise',
  'legal-name',
  'social',
  'logo',
  'colour',
  'font',
  'button-shape',
  'favicon',
  'title-pattern',
  'language',
  'formality',
  'readability',
  'sentence-length',
  'exclamation',
  'cta',
  'navigation',
  'footer-links',
  'breadcrumbs',
  'language-switcher',
]);
export type FactKind = z.infer<typeof FactKind>;

/** The four aspects of consistency the report scores (DOMAIN.md: design, information and tone). */
export const FactGroup = z.enum(['information', 'brand', 'voice', 'structure']);
export type FactGroup = z.infer<typeof FactGroup>;

export const FACT_GROUP: Readonly<Record<FactKind, FactGroup>> = {
  phone: 'information',
  email: 'information',
  'postal-address': 'information',
  'opening-hours': 'information',
  price: 'information',
  promise: 'information',
  'legal-name': 'information',
  social: 'information',
  logo: 'brand',
  colour: 'brand',
  font: 'brand',
  'button-shape': 'brand',
  favicon: 'brand',
  'title-pattern': 'brand',
  language: 'voice',
  formality: 'voice',
  readability: 'voice',
  'sentence-length': 'voice',
  exclamation: 'voice',
  cta: 'voice',
  navigation: 'structure',
  'footer-links': 'structure',
  breadcrumbs: 'structure',
  'language-switcher': 'structure',
};

/**
 * Where a fact was read, strongest first: a link meant for machines (`tel:`, `mailto:`), the
 * page's structured data (JSON-LD, microdata), then what a reader sees, and for brand kinds the
 * computed style. When structured data and the visible text of one page disagree, that is itself
 * a divergence.
 */
export const FactSource = z.enum(['link', 'json-ld', 'microdata', 'text', 'style']);
export type FactSource = z.infer<typeof FactSource>;

/**
 * One fact as an extractor returns it. `value` is normalised (formats above); `raw` is the text
 * as the page wrote it; `context` is the text around it (bounded), which the comparison and the
 * auditor read.
 */
export const FactDraft = z.object({
  kind: FactKind,
  value: z.string().min(1).max(500),
  raw: z.string().max(500),
  source: FactSource,
  context: z.string().max(300),
  /** What the page says the fact is for, when it says so ("Atención al cliente", "Ventas"). */
  label: z.string().max(120).default(''),
});
export type FactDraft = z.infer<typeof FactDraft>;

/** A fact as stored: the draft and the element it was read from (null for structured data). */
export const PageFact = FactDraft.extend({ anchor: Anchor.nullable() });
export type PageFact = z.infer<typeof PageFact>;

/**
 * The facts of one recorded page load (one recorder), extracted from its recording rebuilt off
 * the page. Recomputed when `version` is older than the extractors' (lib/consistency/version.ts),
 * so an improved extractor improves old audits.
 */
export const PageFacts = z.object({
  /** `${walkId}:${recorderId}`: one record per page load, replaced when recomputed. */
  id: z.string().min(1).max(200),
  auditId: Id,
  walkId: Id,
  recorderId: Id,
  tabId: z.number().int(),
  touchpointId: Id.nullable(),
  url: z.string().max(4096),
  title: z.string().max(500),
  /** The recording time (epoch ms) of the state the facts were read from: the replay links there. */
  at: Timestamp,
  version: z.number().int().nonnegative(),
  facts: z.array(PageFact).max(5000),
  /** Kinds whose extractor failed on this page, and why. */
  failed: z.array(z.object({ kind: FactKind, error: z.string().max(500) })).max(100),
  /** Kinds that could not be read because the audit masks page text (or blocks the elements). */
  unreadable: z.array(FactKind).max(100),
  extractedAt: Timestamp,
});
export type PageFacts = z.infer<typeof PageFacts>;

/** What the auditor decided on a divergence; kept by its key, so it survives a recomputation. */
export const Decision = z.object({
  /** `${auditId}:${key}`. */
  id: z.string().min(1).max(1200),
  auditId: Id,
  /** The divergence's key (lib/consistency/compare.ts): kind, subject and the values seen. */
  key: z.string().min(1).max(1000),
  kind: FactKind,
  status: z.enum(['confirmed', 'dismissed']),
  /** The friction tag a confirmation created (category "inconsistency"); null for a dismissal. */
  tagId: Id.nullable(),
  decidedAt: Timestamp,
});
export type Decision = z.infer<typeof Decision>;
