const MAX = 80;

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX ? `${t.slice(0, MAX - 1)}…` : t;
}

const ROLE_BY_TAG: Record<string, string> = {
  a: 'link',
  button: 'button',
  select: 'list',
  textarea: 'text box',
  summary: 'disclosure',
  img: 'image',
  form: 'form',
};

function inputRole(el: Element): string {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'submit' || type === 'button' || type === 'reset') return 'button';
  if (type === 'checkbox' || type === 'radio') return type;
  if (type === 'password') return 'password field';
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
 * A short description of an element for a step: `button "Next step"`, `field "Full name"`.
 * Reads labels, roles and visible text of controls; never an input's value.
 */
export function describeElement(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const editable = tag !== 'input' && isEditable(el);
  const role =
    el.getAttribute('role') ?? (tag === 'input' ? inputRole(el) : editable ? 'text box' : (ROLE_BY_TAG[tag] ?? tag));
  let name: string;
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || editable) {
    const type = el.getAttribute('type');
    name = type === 'submit' || type === 'button' ? (el.getAttribute('value') ?? '') : fieldName(el);
  } else if (tag === 'form') {
    name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.getAttribute('id') ?? '';
  } else {
    name = el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.getAttribute('title') ?? visibleText(el);
  }
  const n = clip(name);
  return n ? `${role} "${n}"` : role;
}

/** The nearest element that a click means: the link or button around the node clicked. */
export function actionTarget(node: Node | null): Element | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest('a,button,input,select,textarea,summary,label,[role="button"],[role="link"]') ?? el;
}
