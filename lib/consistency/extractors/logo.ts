import { assetUrl } from '@/lib/consistency/asset-url';
import { compactName, statedBrandNames } from '@/lib/consistency/brand-name';
import { docOf, inChrome, rendered, type StyleView } from '@/lib/consistency/brand-style';
import { clip, collapse } from '@/lib/consistency/contact-text';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';
import { nodeContext, sourcedNodes } from '@/lib/consistency/structured-data';

const MAX_CANDIDATES = 300;
/** A class or id that names the logo (`logo`, Bootstrap's `navbar-brand`, WordPress's `site-branding`). */
const MARK = /logo|brand/i;
/** Containers of other companies' logos: partners, clients, payment methods, press, awards. */
const OTHERS =
  /partner|client|customer|sponsor|payment|pago|press|prensa|award|premio|certif|trust|seal|sello|marca-?s\b/i;
const SITE_BANNER = 'header, [role=banner]';

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** The image's own name for itself: alt, aria-label, an SVG's <title>. */
function altOf(el: Element): string {
  const own = el.getAttribute('alt') ?? el.getAttribute('aria-label') ?? el.querySelector('title')?.textContent ?? '';
  return clip(collapse(own), 500);
}

/** The URL an image shows: `src` (the first `srcset` candidate without one); an SVG's `<use>`/`<image>`. */
function sourceOf(el: Element, base: string | undefined, view: StyleView | null | undefined): string | null {
  const tag = el.tagName.toLowerCase();
  if (tag === 'img') {
    const src = el.getAttribute('src') ?? el.getAttribute('srcset')?.trim().split(/\s+/)[0] ?? '';
    return assetUrl(src, base);
  }
  if (tag === 'svg') {
    // A sprite's symbol is named by its fragment; an inline drawing has no URL to compare.
    const ref = el.querySelector('use, image');
    const href = ref?.getAttribute('href') ?? ref?.getAttribute('xlink:href') ?? '';
    return assetUrl(href, base, ref?.tagName.toLowerCase() === 'use');
  }
  if (!view) return null;
  const bg = /url\((["']?)(.*?)\1\)/.exec(view.getComputedStyle(el).backgroundImage ?? '')?.[2] ?? '';
  return assetUrl(bg, base);
}

/** The URL a schema.org `logo` holds: a URL, an ImageObject's `url`/`contentUrl`, a microdata item's. */
function logoProp(v: unknown): string {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return first;
  if (!first || typeof first !== 'object') return '';
  if ('tagName' in first) {
    const el = (first as Element).querySelector('[itemprop~=url], [itemprop~=contentUrl]');
    return el?.getAttribute('src') ?? el?.getAttribute('href') ?? el?.getAttribute('content') ?? '';
  }
  const o = first as Record<string, unknown>;
  const url = o.url ?? o.contentUrl;
  return typeof url === 'string' ? url : '';
}

/**
 * How strongly an element reads as the site's own logo, 0 for not at all: 4 marked (a `logo` or
 * `brand` class or id on it or a close ancestor, alt text saying "logo" or the brand's name) in the
 * site header; 3 marked elsewhere outside the footer; 2 an unmarked image in a header link to the
 * home page; 1 marked in the footer. Partners' and payment logos never count.
 */
function rank(el: Element, brands: string[]): number {
  let marked = MARK.test(classAndId(el));
  for (let a = el.parentElement, i = 0; a && i < 3 && !marked; a = a.parentElement, i++)
    marked = MARK.test(classAndId(a));
  const alt = compactName(altOf(el));
  if (/logo/.test(alt) || (alt !== '' && brands.some((b) => alt === b))) marked = true;
  for (let a: Element | null = el, i = 0; a && i < 6; a = a.parentElement, i++)
    if (OTHERS.test(classAndId(a))) return 0;
  const inFooter = el.closest('footer, [role=contentinfo]') !== null && inChrome(el);
  const inBanner = el.closest(SITE_BANNER) !== null && !inFooter;
  if (marked) return inBanner ? 4 : inFooter ? 1 : 3;
  const home = el.closest('a[href]')?.getAttribute('href')?.trim() ?? '';
  const homeLink = /^(?:\/|\.\/|\/?index\.html?|https?:\/\/[^/]+\/?)$/i.test(home);
  return inBanner && homeLink && el.tagName.toLowerCase() !== 'div' ? 2 : 0;
}

/**
 * The element a reader sees as the site's logo (rank above; the first of the best rank), or null.
 * An inline SVG drawing counts here (its name is still the brand's) though it has no URL.
 */
export function visibleLogo(root: Document | Element, view: StyleView | null | undefined): Element | null {
  const base = docOf(root)?.baseURI;
  const brands = statedBrandNames(root).map(compactName);
  let best: { el: Element; rank: number } | null = null;
  const els = root.querySelectorAll('img, svg, [class*=logo], [id*=logo], [class*=brand]');
  for (const el of Array.from(els).slice(0, MAX_CANDIDATES)) {
    if (el.hasAttribute('hidden') || el.closest('symbol, defs, template')) continue;
    const tag = el.tagName.toLowerCase();
    if (tag !== 'img' && tag !== 'svg' && !view) continue;
    const r = rank(el, brands);
    if (r === 0 || (best && r <= best.rank)) continue;
    if (view && !rendered(el, view)) continue;
    if (!sourceOf(el, base, view) && tag !== 'svg') continue;
    best = { el, rank: r };
  }
  return best?.el ?? null;
}

/** The logo's own name for itself (alt, aria-label, an SVG's title). */
export const logoAlt = (el: Element): string => altOf(el);

/**
 * The site's logo: the schema.org `logo` of an Organization (or any node that states one), and the
 * one image a reader sees as the logo (rank above; the first of the best rank). Its value is the
 * image's absolute URL without query; its raw text the alt text. An inline SVG drawing has no URL
 * and gives no visible fact. With a view, images that are not rendered (a mobile-only variant) are
 * skipped and a logo drawn as a CSS background is read too; without one, the markup alone decides.
 */
export const logoExtractor: Extractor = {
  kind: 'logo',
  extract(root, ctx) {
    const out: Extracted[] = [];
    const base = docOf(root)?.baseURI;
    for (const { node, source } of sourcedNodes(root)) {
      const src = logoProp(node.props.logo);
      const value = assetUrl(src, base);
      if (!value || out.some((x) => x.fact.value === value && x.fact.source === source)) continue;
      out.push({
        fact: { kind: 'logo', value, raw: '', source, context: nodeContext(node), label: '' },
        element: null,
      });
    }
    // Microdata `<img itemprop="logo">`: its value is the image's src, which the generic reader does not take.
    for (const img of Array.from(root.querySelectorAll('img[itemprop~=logo]')).slice(0, 10)) {
      const value = assetUrl(img.getAttribute('src') ?? '', base);
      if (value && !out.some((x) => x.fact.value === value && x.fact.source === 'microdata'))
        out.push({
          fact: { kind: 'logo', value, raw: altOf(img), source: 'microdata', context: '', label: '' },
          element: img,
        });
    }

    const best = visibleLogo(root, ctx.view);
    if (best) {
      const value = sourceOf(best, base, ctx.view);
      const tag = best.tagName.toLowerCase();
      if (value) {
        // An image is what a reader sees (text); a CSS background is read from the computed style.
        const source = tag === 'img' || tag === 'svg' ? ('text' as const) : ('style' as const);
        const context = clip(`${tag}${best.closest(SITE_BANNER) ? ' in the header' : ''}`, 300);
        out.push({ fact: { kind: 'logo', value, raw: altOf(best), source, context, label: '' }, element: best });
      }
    }
    return out;
  },
};
