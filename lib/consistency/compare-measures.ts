/**
 * Kinds that are measures of a page's writing (readability, sentence length, exclamation density)
 * and the page's language. A measure is never equal from page to page, so a page diverges only
 * when it is far from the site's usual value:
 *
 * - readability: the band (very-easy … very-difficult) two or more steps from the site's most
 *   common band; one step is the ordinary spread between a product page and a legal page.
 * - sentence-length: the page's mean over 1.5 × the site's median.
 * - exclamation: over twice the site's median and over it by more than 10 per 100 sentences (a
 *   site that never exclaims is not broken by one "¡Gracias!").
 * - A measure is compared only across 3 pages or more: with two, either could be the odd one.
 *
 * Pages near the usual value share the baseline's SeenValue (like colours within tolerance), the
 * far ones keep their own values. The baseline of sentence length and exclamation is a median that
 * moves with every page walked, so their `keyValues` name the far values only: a decision holds
 * while the same pages stay far.
 *
 * Language: a page whose text is written in another language than its `lang` declares diverges
 * from itself (reason structured-vs-text: the markup contradicts the text); a page with no `lang`
 * declares nothing to contradict. Pages in two languages across a site are not a divergence.
 */
import type { PagePlace, SeenValue } from '@/lib/consistency/divergence';
import type { FactKind, PageFact } from '@/lib/model/fact';

export interface Grouped {
  kind: FactKind;
  subject: string;
  /** Baseline first. */
  values: SeenValue[];
  reason: 'across-places' | 'structured-vs-text';
  /** The values the key is made of, when not all of them (see above). */
  keyValues?: string[];
  /** False for a finding whose places are already counted in the scores by another group. */
  counted?: false;
  /** The pages' language, for kinds compared within one language (compare.ts LANGUAGE_BOUND). */
  lang?: string;
}

export interface Measured {
  fact: PageFact;
  place: PagePlace;
}

const BANDS = ['very-easy', 'easy', 'fairly-easy', 'normal', 'fairly-difficult', 'difficult', 'very-difficult'];
/** INFLESZ's own five bands (lib/consistency/extractors/readability.ts infleszBand). */
const INFLESZ_BANDS = ['very-easy', 'fairly-easy', 'normal', 'fairly-difficult', 'very-difficult'];
const MIN_PAGES = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function split(kind: FactKind, base: string, pages: Measured[], far: (m: Measured) => boolean): Grouped {
  const near: PagePlace[] = [];
  const odd = new Map<string, PagePlace[]>();
  for (const m of pages) {
    if (!far(m)) near.push(m.place);
    else odd.set(m.fact.value, [...(odd.get(m.fact.value) ?? []), m.place]);
  }
  const others = [...odd.entries()]
    .sort(([a, pa], [b, pb]) => pb.length - pa.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, places]) => ({ value, places }));
  return { kind, subject: '', values: [{ value: base, places: near }, ...others], reason: 'across-places' };
}

/** One group per measured kind (pages as given: one per URL, in order). */
export function measureGroups(kind: FactKind, pages: Measured[]): Grouped | null {
  if (pages.length < MIN_PAGES) return null;
  if (kind === 'readability') {
    // Bands of two indices are not one scale (INFLESZ has five, Flesch seven): the pages of the
    // site's most common index are compared on that index's own bands, the others left out.
    const byIndex = new Map<string, Measured[]>();
    for (const m of pages)
      if (BANDS.includes(m.fact.value)) byIndex.set(m.fact.label, [...(byIndex.get(m.fact.label) ?? []), m]);
    const known = [...byIndex.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    if (known.length < MIN_PAGES) return null;
    const scale = known[0]?.fact.label === 'INFLESZ' ? INFLESZ_BANDS : BANDS;
    const counts = new Map<string, number>();
    for (const m of known) counts.set(m.fact.value, (counts.get(m.fact.value) ?? 0) + 1);
    // The most common band; a tie goes to the plainer one.
    const base = [...counts.entries()].sort(
      ([a, x], [b, y]) => y - x || scale.indexOf(a) - scale.indexOf(b),
    )[0]?.[0] as string;
    const at = scale.indexOf(base);
    return split(kind, base, known, (m) => Math.abs(scale.indexOf(m.fact.value) - at) >= 2);
  }
  const known = pages.filter((m) => /^\d{1,6}$/.test(m.fact.value));
  if (known.length < MIN_PAGES) return null;
  const mid = median(known.map((m) => Number(m.fact.value)));
  const far =
    kind === 'sentence-length'
      ? (m: Measured) => Number(m.fact.value) > 1.5 * mid
      : (m: Measured) => Number(m.fact.value) > 2 * mid && Number(m.fact.value) > mid + 10;
  const g = split(kind, String(Math.round(mid)), known, far);
  g.keyValues = ['~', ...g.values.slice(1).map((v) => v.value)];
  return g;
}

/** A page as a subject: scheme, host and path, which every URL policy keeps (no query, no fragment). */
export function pageSubject(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/;[^/]*/g, '')}`.slice(0, 200);
  } catch {
    return url.replace(/[?#;].*$/, '').slice(0, 200);
  }
}

/** The primary language subtag of a `lang` attribute (`es-ES` → `es`), or ''. */
export function declaredLanguage(raw: string): string {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(raw);
  return m ? (m[1] as string).toLowerCase() : '';
}

/** One group per page that declares a language: two values when its text is in another. */
export function languageGroup(m: Measured): Grouped | null {
  const declared = declaredLanguage(m.fact.raw);
  if (!declared) return null;
  const detected = m.fact.value.toLowerCase();
  const values =
    detected === declared
      ? [{ value: declared, places: [m.place] }]
      : [
          { value: declared, places: [m.place] },
          { value: detected, places: [{ ...m.place, raw: m.fact.raw }] },
        ];
  return { kind: 'language', subject: pageSubject(m.place.url), values, reason: 'structured-vs-text' };
}

/**
 * Kinds worded in the page's language: compared only among pages of one language, so a bilingual
 * site's Spanish "Solicitar presupuesto" is no divergence from its English "Request a quote", while
 * "Buy now" on a Spanish page still is one from "Comprar". The writing measures too: Spanish
 * sentences run longer than English ones, and the two readability indices have their own bands.
 */
export const LANGUAGE_BOUND: ReadonlySet<FactKind> = new Set([
  'cta',
  'navigation',
  'footer-links',
  'breadcrumbs',
  'title-pattern',
  'readability',
  'sentence-length',
  'exclamation',
]);

/**
 * Each page's language (by page facts id): the language its text was detected in, else the one it
 * declares; a page too short to tell and declaring none is taken to be in the site's most common
 * language. Also the languages, most pages first.
 */
export function pageLanguages(
  pages: readonly { id: string; facts: readonly { kind: FactKind; value: string; raw: string }[] }[],
): { of: Map<string, string>; languages: string[] } {
  const of = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const p of pages) {
    const f = p.facts.find((x) => x.kind === 'language');
    const lang = f ? (/^[a-z]{2,3}$/.test(f.value) ? f.value : declaredLanguage(f.raw)) : '';
    if (!lang) continue;
    of.set(p.id, lang);
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const languages = [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([l]) => l);
  const main = languages[0] ?? '';
  for (const p of pages) if (!of.has(p.id)) of.set(p.id, main);
  return { of, languages };
}
