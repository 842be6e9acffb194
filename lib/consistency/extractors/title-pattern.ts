import { compactName, hostName, nameFromAlt, statedBrandNames } from '@/lib/consistency/brand-name';
import { docOf } from '@/lib/consistency/brand-style';
import { clip, collapse } from '@/lib/consistency/contact-text';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';
import { logoAlt, visibleLogo } from '@/lib/consistency/extractors/logo';

/** What sites put between a page's part and the brand's, spaces included ("Blog - Acme" but not "e-mail"). */
const SEPARATOR = / (?:\||-|–|—|·) /g;

/**
 * How well a title segment names the brand: 3 it is a stated name; 2 it holds one ("Ventura
 * Viajes Madrid"), or is most of one ("Ventura Viajes" for "Ventura Viajes S.L."); 1 it matches
 * a weak name (the host's, the brand link's text) and nothing stated does; 0 not at all.
 */
function score(segment: string, brands: string[], weak: string[]): number {
  const s = compactName(segment);
  if (s === '') return 0;
  const near = (b: string) =>
    (b.length >= 3 && s.includes(b)) || (s.length >= 4 && b.includes(s) && s.length * 2 >= b.length);
  if (brands.includes(s)) return 3;
  if (brands.some(near)) return 2;
  return weak.some((w) => w === s || near(w)) ? 1 : 0;
}

/** Evidence for the brand side of a title, strongest first. All names compact (brand-name.ts compactName). */
export interface TitleEvidence {
  /** Names the page states for its brand (og:site_name, schema.org, the logo's alt text). */
  brands: string[];
  /** Names that may be the brand's: the host's, the text of the header's brand link. */
  weak?: string[];
  /** The page's own headings (h1–h3): a segment repeating one is the page's part. */
  headings?: string[];
}

/**
 * The pattern of a title: the side that names the site or brand kept as written, the page's own
 * part replaced by `{page}` (`Contacto | Ventura Viajes` → `{page} | Ventura Viajes`). The title is
 * split on ` | `, ` - `, ` – `, ` — ` and ` · `; the segment that best matches a brand name
 * (TitleEvidence) is the brand's (ties: the last, where brands usually sit), and each run of other
 * segments is one `{page}`. When no name matches, a segment repeating the page's own heading is
 * the page's part and the segment at the other end the brand's ("Login - SB Admin", h1 "Login").
 * - A title that is only the brand gives the brand alone (a home page often does).
 * - A title that names no stated brand gives `{page}`: the page dropped the brand, which differs
 *   from its siblings. Weak names and headings only find a brand side, never say it is missing
 *   (a host may not be how the brand writes itself); with no evidence at all, nothing is guessed.
 */
export function titlePattern(title: string, evidence: TitleEvidence): string | null {
  const t = collapse(title).slice(0, 500);
  if (t === '') return null;
  const segments = t.split(SEPARATOR);
  const seps = t.match(SEPARATOR) ?? [];
  const scores = segments.map((s) => score(s, evidence.brands, evidence.weak ?? []));
  let top = Math.max(...scores);
  if (top === 0 && evidence.brands.length === 0 && segments.length > 1) {
    const own = segments.findIndex((s) => (evidence.headings ?? []).includes(compactName(s)));
    if (own >= 0) {
      scores[own === segments.length - 1 ? 0 : segments.length - 1] = 1;
      top = 1;
    }
  }
  if (top === 0) return evidence.brands.length > 0 ? '{page}' : null;
  if (segments.length === 1) return t;
  let at = scores.lastIndexOf(top);
  // A brand at the front ("Ventura Viajes | Contacto") wins a tie with a middle segment.
  if (at > 0 && at < segments.length - 1 && scores[0] === top) at = 0;
  // Each run of non-brand segments is one `{page}`, joined to the brand by the separator beside it.
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const token = i === at ? (segments[i] ?? '') : '{page}';
    if (i > 0 && token === '{page}' && parts[parts.length - 1] === '{page}') continue;
    if (i > 0) parts.push(seps[i - 1] ?? ' | ');
    parts.push(token);
  }
  return parts.join('');
}

/** The text of the header's brand link (Bootstrap's `.navbar-brand`, a `logo`/`brand` class), compact. */
function brandLinkText(root: Document | Element): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll('[class*=brand], [class*=logo]')).slice(0, 20)) {
    const name = compactName(collapse(el.textContent ?? '').slice(0, 100));
    if (name.length >= 2 && name.length <= 60 && !out.includes(name)) out.push(name);
    if (out.length >= 3) break;
  }
  return out;
}

/** The page's own headings, compact: at most 20. */
function headingsOf(root: Document | Element): string[] {
  return Array.from(root.querySelectorAll('h1, h2, h3'))
    .slice(0, 20)
    .map((h) => compactName(collapse(h.textContent ?? '').slice(0, 200)))
    .filter((h) => h.length >= 2);
}

/** Where the page says it lives (a saved copy opened from disk still names its site here). */
function canonicalUrl(root: Document | Element): string {
  const link = root.querySelector('link[rel~=canonical][href]')?.getAttribute('href');
  return link ?? root.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
}

/**
 * One fact per page: its title's pattern (titlePattern above). Read from the markup and the
 * logo's alt text, so it works without a view.
 */
export const titlePatternExtractor: Extractor = {
  kind: 'title-pattern',
  extract(root, ctx) {
    const doc = docOf(root);
    const titleEl = root.querySelector('title') ?? doc?.querySelector('title') ?? null;
    const title = collapse(titleEl?.textContent ?? '');
    if (title === '') return [];
    const brands = statedBrandNames(root).map(compactName);
    const logo = visibleLogo(root, ctx.view);
    const name = logo ? compactName(nameFromAlt(logoAlt(logo))) : '';
    if (name.length >= 2 && !brands.includes(name)) brands.push(name);
    const host = hostName(doc?.URL) || hostName(canonicalUrl(root));
    const weak = [...(host ? [host] : []), ...brandLinkText(root)];
    const value = titlePattern(title, { brands, weak, headings: headingsOf(root) });
    if (!value) return [];
    const fact = { kind: 'title-pattern' as const, value, raw: clip(title, 500), source: 'text' as const };
    return [{ fact: { ...fact, context: clip(title, 300), label: '' }, element: titleEl }] as Extracted[];
  },
};
