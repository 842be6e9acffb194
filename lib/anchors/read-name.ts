// Role, accessible name and visible text of an element, read the way a person reads the page:
// labels and text the site wrote, never what someone typed (input values, contenteditable text).
import { NAME_FROM_CONTENT } from '@/lib/anchors/role';
import { clip, normalise } from '@/lib/anchors/stable';

/** Text is read up to this many characters: the hash covers them, enough to tell texts apart. */
export const TEXT_READ_MAX = 2000;

const TYPED_TAGS = new Set(['input', 'textarea', 'select']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox']);
const TYPED_REGION = [
  '[contenteditable]:not([contenteditable="false"])',
  ...[...TEXT_ROLES].map((r) => `[role~="${r}"]`),
].join(',');
const SILENT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** Where a person types, or inside it: its text is theirs, so it is never read. */
export function isTypedRegion(el: Element): boolean {
  return TYPED_TAGS.has(el.localName) || el.closest(TYPED_REGION) !== null;
}

function isSilent(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return (
    SILENT_TAGS.has(el.localName) ||
    TYPED_TAGS.has(el.localName) ||
    (el.getAttribute('role') ?? '').split(/\s+/).some((r) => TEXT_ROLES.has(r)) ||
    (editable !== null && editable !== 'false') ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true'
  );
}

/**
 * Visible text of `el`, whitespace-normalised, without fields, contenteditable regions, hidden
 * parts and, when given, the subtree `except` (an element's context without the element itself).
 * Text nodes are joined with spaces, so `<h3>Lisbon</h3><p>From €90</p>` reads as two words.
 */
export function visibleText(el: Element, except?: Element, max = TEXT_READ_MAX): string {
  if (isTypedRegion(el)) return '';
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && length < max; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        if (v.trim()) {
          parts.push(v);
          length += v.length;
        }
      } else if (c.nodeType === 1 && c !== except && !isSilent(c as Element)) {
        walk(c);
      }
    }
  };
  walk(el);
  return normalise(parts.join(' ')).slice(0, max);
}

/** Where ids resolve: the element's document or shadow root (null for a detached tree). */
function idScope(el: Element): { getElementById(id: string): Element | null } | null {
  const scope = el.getRootNode() as Partial<Document>;
  return typeof scope.getElementById === 'function' ? (scope as Document) : null;
}

function labelledBy(el: Element): string {
  const ids = el.getAttribute('aria-labelledby')?.trim();
  const scope = ids ? idScope(el) : null;
  if (!ids || !scope) return '';
  return normalise(
    ids
      .split(/\s+/)
      .map((id) => {
        const ref = scope.getElementById(id);
        return ref ? (ref.getAttribute('aria-label') ?? visibleText(ref)) : '';
      })
      .join(' '),
  );
}

/**
 * `label[for]` elements by their `for`, per document or shadow root. One per build or find: a
 * find reads the labels of every candidate field, and one scan beats one query per field.
 */
export type LabelIndex = WeakMap<Node, Map<string, Element[]>>;

function labelsFor(el: Element, id: string, index: LabelIndex): Element[] {
  const scope = el.getRootNode();
  let byFor = index.get(scope);
  if (!byFor) {
    byFor = new Map();
    for (const label of (scope as ParentNode).querySelectorAll('label[for]')) {
      const key = label.getAttribute('for') ?? '';
      byFor.set(key, [...(byFor.get(key) ?? []), label]);
    }
    index.set(scope, byFor);
  }
  return byFor.get(id) ?? [];
}

/** The labels of a field: `label[for=id]` in its document or shadow root, else a wrapping label. */
function labelText(el: Element, index: LabelIndex): string {
  const texts: string[] = [];
  const id = el.getAttribute('id');
  if (id) for (const label of labelsFor(el, id, index)) texts.push(visibleText(label, el));
  const wrapping = el.closest('label');
  if (wrapping && !texts.length) texts.push(visibleText(wrapping, el));
  return normalise(texts.join(' '));
}

const INPUT_BUTTONS = new Set(['submit', 'reset', 'button']);

function fieldName(el: Element, index: LabelIndex): string {
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  // The value attribute of a submit button is the label its author wrote, which no one can type
  // into; a field's value is never read, as attribute or as property.
  if (el.localName === 'input' && INPUT_BUTTONS.has(type)) return el.getAttribute('value') ?? '';
  if (el.localName === 'input' && type === 'image') return el.getAttribute('alt') ?? '';
  return labelText(el, index) || (el.getAttribute('title') ?? '') || (el.getAttribute('placeholder') ?? '');
}

function captionOf(el: Element, tag: string): string {
  const caption = el.querySelector(`:scope > ${tag}`);
  return caption ? visibleText(caption) : '';
}

/** Accessible name, after the accname steps that matter here; clipped, never a typed value. */
export function accessibleName(el: Element, role: string | null, index: LabelIndex = new WeakMap()): string {
  const byRef = labelledBy(el);
  if (byRef) return clip(byRef);
  const aria = el.getAttribute('aria-label')?.trim();
  if (aria) return clip(aria);
  const tag = el.localName;
  if (TYPED_TAGS.has(tag)) return clip(fieldName(el, index));
  const title = el.getAttribute('title') ?? '';
  if (isTypedRegion(el)) return clip(title);
  if (tag === 'img' || tag === 'area') return clip(el.getAttribute('alt') || title);
  if (tag === 'fieldset') return clip(captionOf(el, 'legend') || title);
  if (tag === 'figure') return clip(captionOf(el, 'figcaption') || title);
  if (tag === 'table') return clip(captionOf(el, 'caption') || title);
  if (tag === 'summary' || (role && NAME_FROM_CONTENT.has(role))) return clip(visibleText(el) || title);
  return clip(title);
}
