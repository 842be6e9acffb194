// Loads the fixture pages of test/fixtures/dom and changes them the way sites change between two
// visits. Works on the test's own DOM; the anchor code never sees the marker.
import type { DomTarget } from '../../fixtures/dom';

export const MARK = 'data-expect';

export function load(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.body.innerHTML = html;
  return doc;
}

/** The element marked `key`; throws when the fixture has none, so a typo cannot pass as "not found". */
export function marked(doc: Document, key: string): Element {
  const el = doc.querySelector(`[${MARK}="${key}"]`);
  if (!el) throw new Error(`no element marked ${key}`);
  return el;
}

/** Removes every marker, so that only the page itself is left to find the element by. */
export function stripMarkers(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${MARK}]`)) el.removeAttribute(MARK);
}

const TEXT_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'];

/** A copy change: every text node and label-like attribute on the page. */
export function editText(doc: Document, [from, to]: readonly [string, string]): void {
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = (n.nodeValue ?? '').replaceAll(from, to);
  for (const el of doc.body.querySelectorAll('*')) {
    for (const a of TEXT_ATTRIBUTES) {
      const v = el.getAttribute(a);
      if (v?.includes(from)) el.setAttribute(a, v.replaceAll(from, to));
    }
  }
}

function itemOf(target: Element, spec: DomTarget): Element {
  const item = spec.item ? target.closest(spec.item) : target;
  if (!item) throw new Error(`no ${spec.item} around ${spec.key}`);
  return item;
}

export function insertSibling(target: Element, spec: DomTarget): void {
  itemOf(target, spec).insertAdjacentHTML('beforebegin', spec.sibling);
}

export function removeItem(target: Element, spec: DomTarget): void {
  itemOf(target, spec).remove();
}

/** A new build of CSS modules: every hash suffix (`Button_primary__b7k2m`) changes, page-wide. */
export function renameHashes(doc: Document): number {
  const renamed = new Map<string, string>();
  for (const el of doc.body.querySelectorAll('[class]')) {
    const tokens = (el.getAttribute('class') ?? '').split(/\s+/).map((t) => {
      const m = /^(.+?(?:__|_|-))([a-z0-9]{5})$/.exec(t);
      if (!m?.[1] || !m[2] || !/\d/.test(m[2])) return t;
      const i = renamed.size;
      const hash = renamed.get(m[2]) ?? `k${(i * 3) % 10}${'qwrtz'[i % 5]}${(i * 7) % 10}p`;
      renamed.set(m[2], hash);
      return `${m[1]}${hash}`;
    });
    el.setAttribute('class', tokens.join(' '));
  }
  return renamed.size;
}

const ID_REFERENCES = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];

/** Another render: React's `:rN:` and Ember's `emberN` ids are numbered anew, references follow. */
export function renumberIds(doc: Document): number {
  const renumber = (id: string): string =>
    id
      .replace(/^:r(\d+):$/, (_, n) => `:r${Number(n) + 37}:`)
      .replace(/^ember(\d+)$/, (_, n) => `ember${Number(n) + 517}`);
  let changed = 0;
  for (const el of doc.body.querySelectorAll('*')) {
    const id = el.getAttribute('id');
    if (id && renumber(id) !== id) {
      el.setAttribute('id', renumber(id));
      changed++;
    }
    for (const a of ID_REFERENCES) {
      const v = el.getAttribute(a);
      if (v) el.setAttribute(a, v.split(/\s+/).map(renumber).join(' '));
    }
  }
  return changed;
}

/** A redesign adds a wrapper around the element: it moves one level deeper. */
export function wrap(target: Element): void {
  const wrapper = target.ownerDocument.createElement('div');
  wrapper.className = 'Layout_inner__z8k1p';
  target.replaceWith(wrapper);
  wrapper.append(target);
}
