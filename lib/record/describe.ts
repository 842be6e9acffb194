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

/** The name a person would read for a field: never its value. */
function fieldName(el: Element): string {
  const doc = el.ownerDocument;
  const id = el.getAttribute('id');
  const label = id ? doc.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  const wrapping = el.closest('label');
  return (
    el.getAttribute('aria-label') ??
    label?.textContent ??
    wrapping?.textContent ??
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
  const role = el.getAttribute('role') ?? (tag === 'input' ? inputRole(el) : (ROLE_BY_TAG[tag] ?? tag));
  let name: string;
  if (tag === 'input' || tag === 'textarea' || tag === 'select') {
    const type = el.getAttribute('type');
    name = type === 'submit' || type === 'button' ? (el.getAttribute('value') ?? '') : fieldName(el);
  } else if (tag === 'form') {
    name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.getAttribute('id') ?? '';
  } else {
    name = el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.getAttribute('title') ?? el.textContent ?? '';
  }
  const n = clip(name);
  return n ? `${role} "${n}"` : role;
}

/** The nearest element that a click means: the link or button around the node clicked. */
export function actionTarget(node: Node | null): Element | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest('a,button,input,select,textarea,summary,label,[role="button"],[role="link"]') ?? el;
}
