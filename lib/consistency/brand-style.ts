/**
 * What the brand and design extractors share: which elements count (primary buttons, the links
 * and headings of the main content), whether one is rendered, and the most common value among
 * them. Pure: the view (the window whose layout the elements are in) is passed in, never a global.
 */
import { normaliseColour, sameColour } from '@/lib/consistency/colour-distance';
import { clip, collapse } from '@/lib/consistency/contact-text';
import type { ExtractContext } from '@/lib/consistency/extractor';

export type StyleView = NonNullable<ExtractContext['view']>;

/** Bounds on an untrusted page: elements looked at per role. */
export const MAX_CANDIDATES = 400;

export function docOf(root: Document | Element): Document | null {
  return root.nodeType === 9 ? (root as Document) : root.ownerDocument;
}

/**
 * Rendered and not hidden: `checkVisibility` walks the ancestors (a child of a `display:none`
 * block keeps its own `display`), and `visibility: hidden` counts as hidden. Where the element
 * lacks it (an old engine), its own computed style decides.
 */
export function rendered(el: Element, view: StyleView): boolean {
  try {
    if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
    const cs = view.getComputedStyle(el);
    return cs.display !== 'none' && cs.visibility !== 'hidden';
  } catch {
    return false;
  }
}

/**
 * The page's chrome rather than its content: navigation, the site header and footer (a `header`
 * or `footer` inside an article or section is that block's own, and is content), sidebars.
 */
export function inChrome(el: Element): boolean {
  if (el.closest('nav, [role=navigation], [role=banner], [role=contentinfo], [role=search], aside')) return true;
  const landmark = el.closest('header, footer');
  return landmark !== null && landmark.parentElement?.closest('article, section, main, [role=main]') == null;
}

/**
 * Elements matching `selector` in the main content: inside `main`/`[role=main]` when the page has
 * one, else anywhere outside the chrome; chrome inside `main` (an in-page nav) is left out too.
 */
export function contentElements(root: Document | Element, selector: string, max = MAX_CANDIDATES): Element[] {
  const mains = Array.from(root.querySelectorAll('main, [role=main]')).filter((m) => !m.parentElement?.closest('main'));
  const scopes: (Document | Element)[] = mains.length > 0 ? mains : [root];
  const out: Element[] = [];
  for (const scope of scopes) {
    for (const el of scope.querySelectorAll(selector)) {
      if (out.length >= max) return out;
      if (!inChrome(el)) out.push(el);
    }
  }
  return out;
}

/** What buttons look like in markup: native ones, ARIA ones, and links styled as buttons. */
const BUTTONS =
  'button, input[type=submit], input[type=button], [role=button], .btn, .button, a[class*=btn], a[class*=button]';
/** What the page names its primary action (Bootstrap's `.btn-primary`, `is-primary`, `primary-button`…). */
const MARKED = /primary|\bcta\b/i;

/** The browser's own unstyled `<button>` (Chromium's ButtonFace with an outset border): no brand colour. */
function defaultButton(cs: CSSStyleDeclaration, bg: string): boolean {
  return bg === '#efefef' && cs.borderTopStyle === 'outset';
}

export interface Styled {
  el: Element;
  cs: CSSStyleDeclaration;
  /** The filled background, `#rrggbb`. */
  background: string;
}

/**
 * The page's primary buttons: rendered, labelled buttons (and links drawn as buttons) with a
 * filled background that stands out from what is behind it (an outline or text button has none,
 * nor has the browser's unstyled default), from the strongest signal that exists: those the page
 * marks primary (a class holding "primary" or "cta"); else the submit buttons of forms in the
 * main content (not a search box, not a footer newsletter); else every filled button. The caller
 * takes the most common look among them.
 */
export function primaryButtons(root: Document | Element, view: StyleView): Styled[] {
  const tiers: Styled[][] = [[], [], []];
  const memo = new Map<Element, string>();
  // Plain links too, outside the chrome and with a short label: utility-class sites (Tailwind's
  // `bg-indigo-600 rounded-md`) style links as buttons with no `btn` class; only a fill counts.
  const links = Array.from(root.querySelectorAll('a[href]'))
    .filter((a) => !a.matches(BUTTONS) && !inChrome(a) && collapse(a.textContent ?? '').length <= 40)
    .slice(0, MAX_CANDIDATES);
  const els = [...Array.from(root.querySelectorAll(BUTTONS)).slice(0, MAX_CANDIDATES), ...links];
  for (const el of els) {
    // A button inside a button-styled wrapper is the same control: count the outer one.
    if (el.parentElement?.closest(BUTTONS) || !rendered(el, view)) continue;
    // A primary action is named: an icon-only control (a social icon, a menu toggle) is not one.
    if (collapse(el.textContent ?? '') === '' && collapse(el.getAttribute('value') ?? '') === '') continue;
    const cs = view.getComputedStyle(el);
    const background = normaliseColour(cs.backgroundColor);
    // Filled: a background of its own that stands out from what is behind it.
    if (!background || defaultButton(cs, background) || sameColour(background, behind(el, view, memo))) continue;
    const styled = { el, cs, background };
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('data-variant') ?? ''}`;
    if (MARKED.test(cls)) tiers[0]?.push(styled);
    else if (isMainSubmit(el)) tiers[1]?.push(styled);
    else tiers[2]?.push(styled);
  }
  return tiers.find((t) => t.length > 0) ?? [];
}

/**
 * The background behind an element: its nearest ancestor's fill, else the canvas's white. `memo`
 * holds each ancestor's answer for one pass: sibling buttons share their ancestors.
 */
function behind(el: Element, view: StyleView, memo: Map<Element, string>): string {
  const path: Element[] = [];
  let found = '#ffffff';
  for (let a = el.parentElement, i = 0; a && i < 15; a = a.parentElement, i++) {
    const known = memo.get(a);
    if (known) {
      found = known;
      break;
    }
    path.push(a);
    const bg = normaliseColour(view.getComputedStyle(a).backgroundColor);
    if (bg) {
      found = bg;
      break;
    }
  }
  for (const a of path) memo.set(a, found);
  return found;
}

/**
 * The primary buttons in the page's primary colour (the most common among them): what both the
 * colour and the shape of "the primary button" are read from, so the two facts name one button.
 */
export function mainPrimaryButtons(root: Document | Element, view: StyleView): Styled[] {
  const buttons = primaryButtons(root, view);
  const best = mostCommon(
    buttons.map((b) => ({ value: b.background, el: b.el })),
    true,
  );
  return best ? buttons.filter((b) => sameColour(b.background, best.value)) : [];
}

function isMainSubmit(el: Element): boolean {
  const form = el.closest('form');
  if (!form || form.getAttribute('role') === 'search' || inChrome(form)) return false;
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return (tag === 'button' && (type === '' || type === 'submit')) || (tag === 'input' && type === 'submit');
}

/**
 * The most common value, and the first element holding it (ties go to the first seen). With
 * `colours`, values within the perceptual tolerance count as one, named by the first seen.
 */
export function mostCommon(
  items: { value: string; el: Element }[],
  colours = false,
): { value: string; el: Element } | null {
  // Exact values first (a Map), then near-identical colours merged: CIEDE2000 runs per distinct
  // value pair, not per element.
  const exact = new Map<string, { value: string; el: Element; n: number }>();
  for (const item of items) {
    const g = exact.get(item.value);
    if (g) g.n++;
    else exact.set(item.value, { ...item, n: 1 });
  }
  const groups: { value: string; el: Element; n: number }[] = [];
  for (const e of exact.values()) {
    const g = colours ? groups.find((x) => sameColour(x.value, e.value)) : undefined;
    if (g) g.n += e.n;
    else groups.push({ ...e });
  }
  let best: (typeof groups)[number] | null = null;
  for (const g of groups) if (!best || g.n > best.n) best = g;
  return best ? { value: best.value, el: best.el } : null;
}

/** A short description of the element for the auditor: its tag and text (`button «Reservar»`). */
export function describeElement(el: Element): string {
  const text = collapse(el.textContent ?? el.getAttribute('value') ?? '').slice(0, 80);
  const value = el.getAttribute('value') ?? '';
  return clip(`${el.tagName.toLowerCase()} «${text || collapse(value).slice(0, 80)}»`, 300);
}
