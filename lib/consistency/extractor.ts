import type { FactDraft, FactKind } from '@/lib/model/fact';

/** What every extractor is given besides the page: the audit's defaults for reading it. */
export interface ExtractContext {
  /** ISO 3166-1 alpha-2 country for numbers written without a prefix ("ES" reads 912 345 678). */
  country: string;
  /**
   * The window whose layout the root is in, for the kinds read from computed styles (brand and
   * design); null where there is no layout engine (a unit test's parsed HTML): those kinds are
   * then not read, never guessed.
   */
  view?: Pick<Window, 'getComputedStyle'> | null;
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
  /**
   * The normalised value (the kind's format, lib/model/fact.ts) of a value a person wrote down:
   * what an auditor noted from a call or an email ("91 234 56 78", "L-V 9 a 14 h", "en 48 horas").
   * Null when the text holds no such value. Kinds read from a page's layout have none.
   */
  readValue?(text: string, ctx: ExtractContext): string | null;
}
