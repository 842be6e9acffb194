import { z } from 'zod';

/**
 * What a page or a channel states that customers expect to be the same everywhere (issue 12):
 * information, brand and design, voice and tone, structure. Kinds are added as their extractors
 * land; each kind has one extractor file in lib/consistency/extractors/.
 */
export const FactKind = z.enum(['phone', 'email', 'opening-hours', 'price', 'legal-name', 'social']);
export type FactKind = z.infer<typeof FactKind>;

/**
 * Where a fact was read, strongest first: a link meant for machines (`tel:`, `mailto:`), the
 * page's structured data (JSON-LD, microdata), then what a reader sees. When structured data and
 * the visible text of one page disagree, that is itself a divergence.
 */
export const FactSource = z.enum(['link', 'json-ld', 'microdata', 'text']);
export type FactSource = z.infer<typeof FactSource>;

/**
 * One fact as an extractor returns it. `value` is normalised so that two ways of writing the same
 * thing compare equal (`+34912345678` for "91 234 56 78"); `raw` is the text as the page wrote it;
 * `context` is the text around it (bounded), which the comparison and the auditor read.
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
