import type { FactDraft, FactKind } from '@/lib/model/fact';

/** What every extractor is given besides the page: the audit's defaults for reading it. */
export interface ExtractContext {
  /** ISO 3166-1 alpha-2 country for numbers written without a prefix ("ES" reads 912 345 678). */
  country: string;
}

/** A fact and the element it was read from (null for structured data): the caller anchors it. */
export interface Extracted {
  fact: FactDraft;
  element: Element | null;
}

/**
 * The one shape of every extractor (one kind, one file, lib/consistency/extractors/): pure, given
 * a document or a subtree and the context, returns what it found. It never touches the live page
 * beyond reading it, so it runs on a page rebuilt from a recording as well as on a loaded one.
 */
export interface Extractor {
  kind: FactKind;
  extract(root: Document | Element, ctx: ExtractContext): Extracted[];
}
