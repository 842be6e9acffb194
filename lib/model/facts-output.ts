import { z } from 'zod';
import { FactDraft, FactKind } from '@/lib/model/fact';

/**
 * What `npm run facts` prints (scripts/facts/cli.ts): the same extractors as the extension, run in
 * headless Chromium on saved pages or URLs, so a content team can check pages in CI. Its JSON
 * Schema is docs/facts.schema.json (`npm run schema`).
 */
export const CliFact = FactDraft.extend({
  /** A short CSS selector of the element the fact was read from; null for structured data. */
  selector: z.string().max(1000).nullable(),
});
export type CliFact = z.infer<typeof CliFact>;

/** One input's facts, or why it could not be read (`error`; then `facts` is empty). */
export const PageFactsOut = z.object({
  /** The argument as given: a file path or a URL. */
  input: z.string(),
  /** Where the browser ended up (after redirects); the file:// URL of a saved page. */
  url: z.string(),
  title: z.string(),
  facts: z.array(CliFact),
  /** Kinds whose extractor failed on this page, and why. */
  failed: z.array(z.object({ kind: FactKind, error: z.string() })),
  /** Facts an extractor returned that did not fit the schema, dropped. */
  rejected: z.number().int().nonnegative(),
  /** Why the input could not be opened (missing file, unreachable URL); null when it was read. */
  error: z.string().nullable(),
});
export type PageFactsOut = z.infer<typeof PageFactsOut>;

export const FactsOutput = z.object({
  tool: z.literal('touchpoint-facts'),
  /** lib/consistency/version.ts: facts from different versions may be read differently. */
  extractionVersion: z.number().int().nonnegative(),
  /** The default country for numbers written without a prefix (ISO 3166-1 alpha-2). */
  country: z.string(),
  /** ISO 8601. */
  extractedAt: z.string(),
  pages: z.array(PageFactsOut),
});
export type FactsOutput = z.infer<typeof FactsOutput>;
