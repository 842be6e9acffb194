import { clip, collapse } from '@/lib/consistency/contact-text';
import type { FactDraft, FactKind, FactSource } from '@/lib/model/fact';

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

/**
 * An extractor's findings as it collects them: at most `max`, each once by `keyOf` (by default
 * source, value, label and context: one value said twice in one place is one fact), every string
 * collapsed and clipped to the schema's bounds, so a hostile page's text cannot break a fact.
 */
export function factList(
  kind: FactKind,
  max: number,
  keyOf: (fact: FactDraft, element: Element | null) => string = (f) => `${f.source}|${f.value}|${f.label}|${f.context}`,
) {
  const out: Extracted[] = [];
  const seen = new Set<string>();
  return {
    out,
    full: (): boolean => out.length >= max,
    add(value: string, raw: string, source: FactSource, element: Element | null, context: string, label: string): void {
      if (out.length >= max || value === '' || value.length > 500) return;
      const fact: FactDraft = {
        kind,
        value,
        raw: clip(collapse(raw), 500),
        source,
        context: clip(context, 300),
        label: clip(label, 120),
      };
      const key = keyOf(fact, element);
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ fact, element });
    },
  };
}
