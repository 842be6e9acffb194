import { buttonShapeExtractor } from '@/lib/consistency/extractors/button-shape';
import { colourExtractor } from '@/lib/consistency/extractors/colour';
import { faviconExtractor } from '@/lib/consistency/extractors/favicon';
import { fontExtractor } from '@/lib/consistency/extractors/font';
import { logoExtractor } from '@/lib/consistency/extractors/logo';
import { titlePatternExtractor } from '@/lib/consistency/extractors/title-pattern';
import { emailExtractor } from '@/lib/consistency/extractors/email';
import { legalNameExtractor } from '@/lib/consistency/extractors/legal-name';
import { openingHoursExtractor } from '@/lib/consistency/extractors/opening-hours';
import { phoneExtractor } from '@/lib/consistency/extractors/phone';
import { priceExtractor } from '@/lib/consistency/extractors/price';
import { postalAddressExtractor } from '@/lib/consistency/extractors/postal-address';
import { promiseExtractor } from '@/lib/consistency/extractors/promise';
import { socialExtractor } from '@/lib/consistency/extractors/social';
import { languageExtractor } from '@/lib/consistency/extractors/language';
import { formalityExtractor } from '@/lib/consistency/extractors/formality';
import { readabilityExtractor } from '@/lib/consistency/extractors/readability';
import { sentenceLengthExtractor } from '@/lib/consistency/extractors/sentence-length';
import { exclamationExtractor } from '@/lib/consistency/extractors/exclamation';
import { ctaExtractor } from '@/lib/consistency/extractors/cta';
import { navigationExtractor } from '@/lib/consistency/extractors/navigation';
import { footerLinksExtractor } from '@/lib/consistency/extractors/footer-links';
import { breadcrumbsExtractor } from '@/lib/consistency/extractors/breadcrumbs';
import { languageSwitcherExtractor } from '@/lib/consistency/extractors/language-switcher';
import type { ExtractContext, Extracted, Extractor } from '@/lib/consistency/extractor';
import { FactDraft, type FactKind } from '@/lib/model/fact';

/** Every extractor, one per kind (refined-github's one feature per file): a new kind is one line here. */
export const EXTRACTORS: readonly Extractor[] = [
  phoneExtractor,
  emailExtractor,
  openingHoursExtractor,
  priceExtractor,
  postalAddressExtractor,
  promiseExtractor,
  legalNameExtractor,
  socialExtractor,
  logoExtractor,
  colourExtractor,
  fontExtractor,
  buttonShapeExtractor,
  faviconExtractor,
  titlePatternExtractor,
  languageExtractor,
  formalityExtractor,
  readabilityExtractor,
  sentenceLengthExtractor,
  exclamationExtractor,
  ctaExtractor,
  navigationExtractor,
  footerLinksExtractor,
  breadcrumbsExtractor,
  languageSwitcherExtractor,
];

export interface ExtractionReport {
  found: Extracted[];
  /** Kinds whose extractor failed on this page (a bug or a page it could not read), with why. */
  failed: { kind: FactKind; error: string }[];
  /** Facts dropped because they did not fit the schema (page-derived data is parsed like any input). */
  rejected: number;
}

/**
 * Runs every extractor on one page. One extractor failing loses its kind on this page only, and
 * says so; every fact is parsed against the schema before anyone stores or compares it.
 */
export function extractAll(root: Document | Element, ctx: ExtractContext, extractors = EXTRACTORS): ExtractionReport {
  return drain(extractAllSteps(root, ctx, extractors));
}

/**
 * `extractAll` one extractor at a time: it yields after each, so a caller on a page's main thread
 * (the side panel) can give the thread back between two (lib/facts/extract-page.ts), and returns
 * the report. The document must not change until it is done.
 */
export function* extractAllSteps(
  root: Document | Element,
  ctx: ExtractContext,
  extractors = EXTRACTORS,
): Generator<void, ExtractionReport> {
  const report: ExtractionReport = { found: [], failed: [], rejected: 0 };
  for (const extractor of extractors) {
    let found: Extracted[];
    try {
      found = extractor.extract(root, ctx);
    } catch (e) {
      report.failed.push({ kind: extractor.kind, error: e instanceof Error ? e.message : String(e) });
      yield;
      continue;
    }
    for (const x of found) {
      const parsed = FactDraft.safeParse(x.fact);
      if (parsed.success && parsed.data.kind === extractor.kind) report.found.push({ ...x, fact: parsed.data });
      else report.rejected++;
    }
    yield;
  }
  return report;
}

/** Runs a step generator to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
