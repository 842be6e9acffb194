/**
 * Finding the page's structural lists (main navigation, footer, breadcrumbs, language switcher)
 * and reading their labels in order. Shared by the structure extractors; pure and bounded.
 */
import { elementLabel, hiddenElement } from '@/lib/consistency/element-label';

export const MAX_ITEMS = 60;
const MAX_LINKS = 2000;

export const BREADCRUMB =
  'nav[aria-label*="breadcrumb" i], nav[aria-label*="migas" i], [aria-label*="breadcrumb" i], .breadcrumb, .breadcrumbs, [class*="breadcrumb" i], [itemtype*="BreadcrumbList" i]';
/** Containers of a language switcher, by what the page calls them. */
export const SWITCHER =
  '[class*="lang" i], [id*="lang" i], [class*="idioma" i], [id*="idioma" i], [class*="locale" i], [aria-label*="idioma" i], [aria-label*="language" i], [aria-label*="lengua" i]';

const NAVS = 'nav, [role="navigation" i]';

function isSpecialNav(el: Element): boolean {
  return el.matches(BREADCRUMB) || el.closest(BREADCRUMB) !== null || el.matches(SWITCHER) || hiddenElement(el);
}

/**
 * The main navigation: a nav labelled main or primary ("Menú principal"), else the first nav in
 * the page's banner, else the first nav outside the footer and asides; never breadcrumbs or a
 * language switcher.
 */
export function mainNav(root: Document | Element): Element | null {
  const navs = Array.from(root.querySelectorAll(NAVS))
    .slice(0, 100)
    .filter((n) => !isSpecialNav(n));
  const named = navs.find((n) =>
    /\b(?:main|primary|principal|global)\b|men[uú] principal|navegaci[oó]n principal/i.test(
      `${n.getAttribute('aria-label') ?? ''} ${n.getAttribute('id') ?? ''} ${n.getAttribute('class') ?? ''}`,
    ),
  );
  if (named && !named.closest('footer, [role="contentinfo" i]')) return named;
  const inBanner = navs.find((n) => n.closest('header, [role="banner" i]') && !n.closest('article, main, aside'));
  if (inBanner) return inBanner;
  return navs.find((n) => !n.closest('footer, [role="contentinfo" i], aside, [role="complementary" i]')) ?? null;
}

/** The page's footer: `[role=contentinfo]`, else the last `footer` not inside an article or section. */
export function pageFooter(root: Document | Element): Element | null {
  const explicit = root.querySelector('[role="contentinfo" i]');
  if (explicit) return explicit;
  const footers = Array.from(root.querySelectorAll('footer')).filter(
    (f) => !f.parentElement?.closest('article, section, main, aside, footer'),
  );
  return footers.at(-1) ?? null;
}

/** The labels of the links in a container, in order, hidden ones and empty ones left out. */
export function linkLabels(container: Element, skip?: (a: Element) => boolean): { labels: string[]; links: Element[] } {
  const labels: string[] = [];
  const links: Element[] = [];
  for (const a of Array.from(container.querySelectorAll('a[href]')).slice(0, MAX_LINKS)) {
    if (labels.length >= MAX_ITEMS) break;
    if (hiddenElement(a) || skip?.(a)) continue;
    const label = elementLabel(a);
    if (label === '') continue;
    labels.push(label);
    links.push(a);
  }
  return { labels, links };
}

/** The site's logo or name linking home: part of the banner, not a menu item. */
const BRAND = /(?:^|[\s_-])(?:logo|brand|navbar-brand|site-title|site-name)(?:$|[\s_-])/i;
function isBrand(a: Element): boolean {
  const named = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`;
  return BRAND.test(named) || a.querySelector('[class*="logo" i]') !== null;
}

/**
 * The top-level items of a navigation: each item of its first list (the item's own link or
 * button, not its submenu), or its links when it has no list.
 */
export function navLabels(nav: Element): string[] {
  const list = nav.querySelector('ul, ol, [role="menubar" i], [role="menu" i]');
  if (!list) {
    const other = (a: Element) =>
      (a.closest(SWITCHER) !== null && a.closest(SWITCHER) !== nav.closest(SWITCHER)) || isBrand(a);
    return linkLabels(nav, other).labels;
  }
  const labels: string[] = [];
  for (const item of Array.from(list.children).slice(0, MAX_ITEMS)) {
    if (hiddenElement(item) || item.closest(SWITCHER) !== list.closest(SWITCHER)) continue;
    const control = item.matches('a, button') ? item : item.querySelector('a[href], button, [role="menuitem" i]');
    const label = control && !isBrand(control) ? elementLabel(control) : '';
    if (label) labels.push(label);
  }
  return labels;
}

/** Labels as the structure kinds' values: lower case, spaces collapsed. */
export const joinLabels = (labels: string[], sep: string): string =>
  labels
    .map((l) => l.toLowerCase().replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(sep);
