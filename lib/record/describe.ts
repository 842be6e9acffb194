import type { ElementTarget, TargetKind } from '@/lib/model/target';
import { OPEN_POLICY, type TextPolicy, touchesBlocked } from '@/lib/record/privacy';

const MAX = 80;

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX ? `${t.slice(0, MAX - 1)}…` : t;
}

/**
 * Kinds by tag name and by ARIA role in one table (the names do not clash, and the recorder's
 * bundle stays small); a tag or role not here is an `element`.
 */
const KINDS: Record<string, TargetKind> = {
  a: 'link',
  link: 'link',
  button: 'button',
  select: 'list',
  combobox: 'list',
  listbox: 'list',
  textarea: 'text-box',
  textbox: 'field',
  searchbox: 'search-box',
  summary: 'disclosure',
  img: 'image',
  form: 'form',
  checkbox: 'checkbox',
  radio: 'radio',
  switch: 'switch',
  option: 'option',
  slider: 'slider',
  tab: 'tab',
  menuitem: 'menu-item',
  heading: 'heading',
};
/** The kind of a tag name or an ARIA role (exported for targets built from an anchor's tag and role). */
export const kindOf = (name: string): TargetKind =>
  KINDS[name.replace(/^menuitem.+/, 'menuitem').replace(/^h[1-6]$/, 'heading')] ?? 'element';

function inputKind(el: Element): TargetKind {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image') return 'button';
  if (type === 'checkbox' || type === 'radio') return type;
  if (type === 'password') return 'password-field';
  if (type === 'search') return 'search-box';
  if (type === 'range') return 'slider';
  return 'field';
}

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
/** Text widgets show what was typed, editable or not (a custom field draws its value as text). */
const TEXT_WIDGETS = '[role~="textbox"],[role~="searchbox"],[role~="combobox"]';
const TYPED_REGION = `${EDITABLE},${TEXT_WIDGETS}`;
const TYPED = `input,textarea,select,${TYPED_REGION}`;

/** An element's text without the contents of the fields inside it (a label wrapping a textarea). */
function visibleText(el: Element): string {
  if (!el.querySelector(TYPED)) return el.textContent ?? '';
  const copy = el.cloneNode(true) as Element;
  for (const f of copy.querySelectorAll(TYPED)) f.remove();
  return copy.textContent ?? '';
}

/** The name a person would read for a field: never its value, nor a blocked label's text. */
function fieldName(el: Element, policy: TextPolicy): string {
  const doc = el.ownerDocument;
  const id = el.getAttribute('id');
  const shown = (l: Element | null) => (l && !touchesBlocked(l, policy) ? visibleText(l) : null);
  const label = id ? doc.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return (
    el.getAttribute('aria-label') ??
    shown(label) ??
    shown(el.closest('label')) ??
    el.getAttribute('placeholder') ??
    el.getAttribute('name') ??
    ''
  );
}

/**
 * What an element is, as data the UIs word in their language: `{ kind: 'button', name: 'Next step' }`.
 * Reads labels, roles and visible text of controls; never an input's value, never the text inside
 * a typing widget (the widget itself is described), and no name at all where the audit's privacy
 * options hide the text (all text masked, or a blocked element in or around it): the kind stays.
 */
export function describeElement(node: Element, policy: TextPolicy = OPEN_POLICY): ElementTarget {
  const el = node.closest(TYPED_REGION) ?? node;
  const tag = el.tagName.toLowerCase();
  const editable = tag !== 'input' && el.matches(TYPED_REGION);
  const role = el.getAttribute('role')?.trim().toLowerCase().split(/\s+/)[0];
  const kind: TargetKind = role ? kindOf(role) : tag === 'input' ? inputKind(el) : editable ? 'text-box' : kindOf(tag);
  let name: string;
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || editable) {
    const type = el.getAttribute('type');
    name = type === 'submit' || type === 'button' ? (el.getAttribute('value') ?? '') : fieldName(el, policy);
  } else if (tag === 'form') {
    name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.getAttribute('id') ?? '';
  } else {
    name = el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.getAttribute('title') ?? visibleText(el);
  }
  if (policy.maskAll || touchesBlocked(el, policy)) name = '';
  return { kind, name: clip(name) };
}

/** The nearest element that a click means: the link or button around the node clicked. */
export function actionTarget(node: Node | null): Element | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest('a,button,input,select,textarea,summary,label,[role="button"],[role="link"]') ?? el;
}
