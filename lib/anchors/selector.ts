// A CSS selector that is unique within the root when built, from the most durable handle the
// element has: a stable id, a test attribute, its name, its aria-label, then an nth-of-type path.
import type { AnchorRoot } from '@/lib/anchors/profile';
import { siblingIndex } from '@/lib/anchors/profile';
import { stableId, TEST_ATTRIBUTES } from '@/lib/anchors/stable';

const MAX_SELECTOR = 2000;
const IDENT = /^-?[A-Za-z_][\w-]*$/;
/**
 * Values are quoted, never escaped: happy-dom cannot parse escaped quotes, and a value with a
 * quote, backslash or line break is rare enough to fall back to the next handle.
 */
const QUOTABLE = /^[^"\\\r\n\f]{1,200}$/;

function attr(name: string, value: string | null): string | null {
  return value && QUOTABLE.test(value) ? `[${name}="${value}"]` : null;
}

function idSelector(id: string): string | null {
  return IDENT.test(id) ? `#${id}` : attr('id', id);
}

/** Selectors by which an element names itself, most durable first. */
function ownSelectors(el: Element, withTagged: boolean): string[] {
  const tag = el.localName;
  const out: (string | null)[] = [];
  const id = stableId(el);
  if (id) out.push(idSelector(id));
  for (const name of TEST_ATTRIBUTES) out.push(attr(name, el.getAttribute(name)));
  if (withTagged) {
    const name = attr('name', el.getAttribute('name'));
    const label = attr('aria-label', el.getAttribute('aria-label'));
    out.push(name && `${tag}${name}`, label && `${tag}${label}`);
  }
  return out.filter((s): s is string => s !== null);
}

/**
 * Whether a selector names the element (`#pay`, `[data-testid="x"]`, `input[name="email"]`)
 * rather than counting its way to it (`li:nth-of-type(3) > a`), which a sibling added breaks.
 */
export function isNaming(selector: string): boolean {
  return /[#[]/.test(selector) && !/ > |:nth-of-type/.test(selector);
}

/** All matches, or none for a selector this engine cannot parse. */
export function queryAll(root: AnchorRoot, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function isUnique(root: AnchorRoot, selector: string, el: Element): boolean {
  const hits = queryAll(root, selector);
  return hits.length === 1 && hits[0] === el;
}

function firstUnique(root: AnchorRoot, selectors: string[], el: Element): string | null {
  return selectors.find((s) => isUnique(root, s, el)) ?? null;
}

/** `li:nth-of-type(3)`, or just `li` when it is its parent's only one: fewer indexes to break. */
function segment(el: Element): string {
  const tag = el.localName;
  const parent = el.parentNode as ParentNode | null;
  let same = 0;
  for (const s of parent?.children ?? []) if (s.localName === tag) same++;
  return same > 1 ? `${tag}:nth-of-type(${siblingIndex(el) + 1})` : tag;
}

/** The parent, up to and not past the root. */
function parentBelow(el: Element, root: AnchorRoot): Element | null {
  const p = el.parentElement;
  return p && p !== root ? p : null;
}

export function uniqueSelector(el: Element, root: AnchorRoot): string {
  const own = ownSelectors(el, true);
  const mine = firstUnique(root, own, el);
  if (mine) return mine;
  // Scoped under the nearest ancestor that names itself: `#checkout input[name="email"]`.
  for (let p = parentBelow(el, root); p; p = parentBelow(p, root)) {
    const handle = firstUnique(root, ownSelectors(p, false), p);
    if (!handle) continue;
    const scoped = firstUnique(
      root,
      own.map((s) => `${handle} ${s}`),
      el,
    );
    if (scoped) return scoped;
    break;
  }
  const path: string[] = [];
  for (let cur: Element | null = el; cur; cur = parentBelow(cur, root)) {
    const handle = cur === el ? null : firstUnique(root, ownSelectors(cur, false), cur);
    const tail = path.join(' > ');
    if (handle && isUnique(root, `${handle} > ${tail}`, el)) return `${handle} > ${tail}`;
    const sel = [segment(cur), ...path].join(' > ');
    if (sel.length > MAX_SELECTOR) break;
    path.unshift(segment(cur));
    if (isUnique(root, sel, el)) return sel;
  }
  const full = path.join(' > ');
  // Within an element root, `:scope` pins the path to the root's children; a document's path
  // starts at html and is unique already; a shadow root's may not be, and the find checks it.
  const scoped = `:scope > ${full}`;
  return root.nodeType === 1 && scoped.length <= MAX_SELECTOR && isUnique(root, scoped, el) ? scoped : full;
}
