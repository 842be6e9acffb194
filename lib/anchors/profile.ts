// What an anchor records of an element besides its selector and position; a find reads the same
// profile of each candidate and compares.
import type { Anchor, AnchorAncestor, AnchorAttributes } from '@/lib/model/anchor';
import { accessibleName, type LabelIndex, visibleText } from '@/lib/anchors/read-name';
import { roleOf } from '@/lib/anchors/role';
import { classStems, clip, fingerprint, stableId, testIdOf, urlPath } from '@/lib/anchors/stable';

export type Profile = Omit<Anchor, 'v' | 'selector' | 'shared' | 'position'>;

/** A root a search is confined to: a document, a shadow root, or a subtree. */
export type AnchorRoot = Document | ShadowRoot | Element;

export const MAX_ANCESTORS = 5;
/** The context is read from this close at most: farther up, text says little about the element. */
const CONTEXT_LEVELS = 6;
/**
 * Context is read this far, its hash covering only that: a card in a list of 400 has the whole
 * list as context, and reading all of it for every candidate would cost more than it tells.
 */
const CONTEXT_READ_MAX = 240;

const HREF_TAGS = new Set(['a', 'area', 'link']);
const SRC_TAGS = new Set(['img', 'iframe', 'source', 'video', 'audio', 'embed', 'track', 'script']);
const PLACEHOLDER_TAGS = new Set(['input', 'textarea']);

export function attributesOf(el: Element): AnchorAttributes {
  const out: AnchorAttributes = {};
  const id = stableId(el);
  if (id) out.id = id;
  const testId = testIdOf(el);
  if (testId) out.testId = testId.slice(0, 200);
  const name = el.getAttribute('name')?.trim();
  if (name) out.name = name.slice(0, 200);
  const type = el.getAttribute('type')?.trim().toLowerCase();
  if (type) out.type = type.slice(0, 40);
  const href = HREF_TAGS.has(el.localName) ? urlPath(el.getAttribute('href')) : null;
  if (href) out.href = href;
  const src = SRC_TAGS.has(el.localName) ? urlPath(el.getAttribute('src')) : null;
  if (src) out.src = src;
  const placeholder = PLACEHOLDER_TAGS.has(el.localName) ? clip(el.getAttribute('placeholder') ?? '') : '';
  if (placeholder) out.placeholder = placeholder;
  return out;
}

/** The parent within the root; html and body carry nothing that tells one element from another. */
function parentWithin(el: Element, root: AnchorRoot): Element | null {
  const p = el.parentElement;
  if (!p || p === root || p.localName === 'body' || p.localName === 'html') return null;
  return p;
}

/** Nearest first. A find reads a little deeper than a build, to see past an added wrapper. */
export function ancestorsOf(el: Element, root: AnchorRoot, max = MAX_ANCESTORS): AnchorAncestor[] {
  const out: AnchorAncestor[] = [];
  for (let p = parentWithin(el, root); p && out.length < max; p = parentWithin(p, root)) {
    out.push({ tag: p.localName, id: stableId(p), classes: classStems(p, 4) });
  }
  return out;
}

export function siblingIndex(el: Element): number {
  let i = 0;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === el.localName) i++;
  return i;
}

/** Text of the nearest ancestor that has any besides the element's own: a card's title and price. */
export function contextText(el: Element, root: AnchorRoot): string {
  let p = parentWithin(el, root);
  for (let level = 0; p && level < CONTEXT_LEVELS; level++, p = parentWithin(p, root)) {
    const text = visibleText(p, el, CONTEXT_READ_MAX);
    if (text) return text;
  }
  return '';
}

export function profileOf(el: Element, root: AnchorRoot, labels: LabelIndex, ancestors = MAX_ANCESTORS): Profile {
  const role = roleOf(el);
  return {
    tag: el.localName,
    role,
    name: accessibleName(el, role, labels),
    text: fingerprint(visibleText(el)),
    context: fingerprint(contextText(el, root)),
    attributes: attributesOf(el),
    classes: classStems(el),
    ancestors: ancestorsOf(el, root, ancestors),
    siblingIndex: siblingIndex(el),
  };
}
