/**
 * The label a reader sees on a control or link, for the structure kinds and calls to action: its
 * visible text, else what it is named for assistive technology (an icon link's aria-label, an
 * image's alt). Hidden parts (screen-reader-only spans, icons' text) are left out. Pure, bounded.
 */
import { collapse } from '@/lib/consistency/contact-text';

const HIDDEN_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg', 'select', 'textarea']);
const SR_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|screen-reader-text|hidden)(?:\s|$)/i;
const MAX_NODES = 500;
const MAX_LABEL = 200;

function visibleText(el: Element): string {
  let text = '';
  let budget = MAX_NODES;
  const stack: Node[] = [el];
  while (stack.length > 0 && budget-- > 0 && text.length < MAX_LABEL * 2) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      text += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const e = node as Element;
    if (e !== el) {
      const tag = e.tagName.toLowerCase();
      if (HIDDEN_TEXT.has(tag) || e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') continue;
      if (SR_ONLY.test(e.getAttribute('class') ?? '')) continue;
      if (tag === 'img') text += ` ${e.getAttribute('alt') ?? ''} `;
      if (tag === 'br') text += ' ';
    }
    const kids = e.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return collapse(text);
}

/** What the element is labelled, as written (case kept), '' when nothing names it. */
export function elementLabel(el: Element): string {
  const tag = el.tagName.toLowerCase();
  let label = '';
  if (tag === 'input') label = el.getAttribute('value') ?? el.getAttribute('aria-label') ?? '';
  else label = visibleText(el) || el.getAttribute('aria-label') || el.getAttribute('title') || '';
  label = collapse(label);
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL) : label;
}

/** Hidden from everyone: `hidden`, aria-hidden, or inside such an element (a closed template). */
export function hiddenElement(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"], template') !== null;
}
