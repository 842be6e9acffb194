import type { ElementTarget, TargetKind } from '@/lib/model/target';

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
const kindOf = (name: string): TargetKind =>
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
const TYPED = `input,textarea,select,${EDITABLE}`;
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** Where a person types: its text is what they typed, so it is never read. */
function isEditable(el: Element): boolean {
  return el.closest(EDITABLE) !== null || TEXT_ROLES.has(el.getAttribute('role') ?? '');
}

/** An element's text without the contents of the fields inside it (a label wrapping a textarea). */
function visibleText(el: Element): string {
  if (!el.querySelector(TYPED)) return el.textContent ?? '';
  const copy = el.cloneNode(true) as Element;
  for (const f of copy.querySelectorAll(TYPED)) f.remove();
  return copy.textContent ?? '';
}

/** The name a person would read for a field: never its value. */
function fieldName(el: Element): string {
  const doc = el.ownerDocument;
  const id = el.getAttribute('id');
  const label = id ? doc.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  const wrapping = el.closest('label');
  return (
    el.getAttribute('aria-label') ??
    (label ? visibleText(label) : null) ??
    (wrapping ? visibleText(wrapping) : null) ??
    el.getAttribute('placeholder') ??
    el.getAttribute('name') ??
    ''
  );
}

/**
 * What an element is, as data the UIs word in their language: `{ kind: 'button', name: 'Next step' }`.
 * Reads labels, roles and visible text of controls; never an input's value.
 */
export function describeElement(el: Element): ElementTarget {
  const tag = el.tagName.toLowerCase();
  const editable = tag !== 'input' && isEditable(el);
  const role = el.getAttribute('role')?.trim().toLowerCase().split(/\s+/)[0];
  const kind: TargetKind = role ? kindOf(role) : tag === 'input' ? inputKind(el) : editable ? 'text-box' : kindOf(tag);
  let name: string;
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || editable) {
    const type = el.getAttribute('type');
    name = type === 'submit' || type === 'button' ? (el.getAttribute('value') ?? '') : fieldName(el);
  } else if (tag === 'form') {
    name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.getAttribute('id') ?? '';
  } else {
    name = el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.getAttribute('title') ?? visibleText(el);
  }
  return { kind, name: clip(name) };
}

/** The nearest element that a click means: the link or button around the node clicked. */
export function actionTarget(node: Node | null): Element | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest('a,button,input,select,textarea,summary,label,[role="button"],[role="link"]') ?? el;
}
