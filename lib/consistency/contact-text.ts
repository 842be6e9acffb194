/**
 * Reading visible text for the contact extractors (phone, email): which text nodes a reader sees,
 * the text around a match, and the label the page gives it. Pure: everything comes from the
 * nodes passed in, so it works on a live page and on one rebuilt from a recording alike.
 */

/** Subtrees whose text a reader never sees as text (code, templates, fallbacks, form values). */
const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'select',
  'svg',
  'head',
  'iframe',
  'object',
]);
const BLOCK =
  'p,li,dd,dt,td,th,address,h1,h2,h3,h4,h5,h6,label,figcaption,blockquote,div,section,article,footer,header,aside,main,form,body';
const BREAKS = new Set([
  'br',
  'p',
  'li',
  'dd',
  'dt',
  'td',
  'th',
  'div',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'address',
]);
/** How far a label may be looked for: a few ancestors, a few siblings each (the page is untrusted). */
const LABEL_LEVELS = 4;
const LABEL_SIBLINGS = 4;
const MAX_LABEL = 60;
const MAX_WALK_NODES = 3000;
/** Empty markup costs time too: the whole-page walk stops after this many nodes. */
const MAX_VISIT_NODES = 200_000;
export const CONTEXT_SIDE = 80;

function skipped(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (SKIP.has(tag) || el.hasAttribute('hidden')) return true;
  return tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden';
}

/** The visible text nodes under root in document order, up to maxChars of text in all. */
export function visibleTextNodes(root: Document | Element, maxChars: number): Text[] {
  const out: Text[] = [];
  let total = 0;
  // An explicit stack, not recursion: an untrusted page can nest deeper than the call stack.
  const stack: Node[] = [root];
  let visits = 0;
  while (stack.length > 0 && total < maxChars && visits++ < MAX_VISIT_NODES) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      const text = node as Text;
      if (text.data.trim() === '') continue;
      out.push(text);
      total += text.data.length;
      continue;
    }
    if (node.nodeType === 1 && skipped(node as Element)) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return out;
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
export const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

/**
 * The text of the block holding `target` (an element, or a text node with an offset range in it),
 * with line breaks where blocks and `<br>` break it, and where target's range falls in it.
 */
function blockText(target: Node, from: number, to: number): { text: string; start: number; end: number } {
  const host = target.nodeType === 1 ? (target as Element) : target.parentElement;
  const block = host?.closest(BLOCK) ?? host;
  let text = '';
  let start = -1;
  let end = -1;
  let budget = MAX_WALK_NODES;
  const walk = (node: Node): void => {
    if (budget-- <= 0) return;
    if (node === target) start = text.length + (node.nodeType === 3 ? from : 0);
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1 && !skipped(node as Element)) {
      const brk = BREAKS.has((node as Element).tagName.toLowerCase());
      if (brk) text += '\n';
      for (const kid of node.childNodes) walk(kid);
      if (brk) text += '\n';
    }
    if (node === target) end = node.nodeType === 3 ? text.length - (node as Text).data.length + to : text.length;
  };
  if (block) walk(block);
  if (start < 0) return { text: '', start: 0, end: 0 };
  return { text, start, end: Math.max(start, end) };
}

/** Words that say "this is a phone / an address" rather than what it is for. */
const GENERIC_TAIL =
  /(?:\b(?:tel[ée]fono|telefono|tel|tlf|tfno|phone|telephone|call(?: us)?(?: on| at)?|ll[áa]m[ae]nos(?: al)?|ll[áa]me(?: al)?|escr[íi]be(?:nos)?(?: a)?|email|e-mail|correo(?: electr[óo]nico)?|mail|write to us(?: at)?|en el|al|at|on|to|a)\b|[\s:.\-–—|/])+$/i;

function asLabel(s: string): string {
  const t = collapse(s)
    .replace(GENERIC_TAIL, '')
    .replace(/^[\s:.\-–—|•]+/, '')
    .trim();
  if (t === '' || t.length > MAX_LABEL || !/\p{L}/u.test(t) || /\d{3}/.test(t) || t.split(' ').length > 6) return '';
  return t;
}

const LABEL_TAGS = new Set(['dt', 'th', 'label', 'legend', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A label stated by the structure: a `<dt>`/`<th>`/heading before it, or a short label-like line. */
function structuralLabel(el: Element): string {
  let node: Element | null = el;
  for (let level = 0; node && level < LABEL_LEVELS; level++, node = node.parentElement) {
    let sib = node.previousElementSibling;
    for (let i = 0; sib && i < LABEL_SIBLINGS; i++, sib = sib.previousElementSibling) {
      if (skipped(sib)) continue;
      const tag = sib.tagName.toLowerCase();
      const label = asLabel(sib.textContent ?? '');
      if (LABEL_TAGS.has(tag)) return label;
      // Only the line right before may be a plain label ("Ventas" in a <p> or <strong>).
      if (i === 0 && label !== '' && /:\s*$|^[^.!?]*$/.test(collapse(sib.textContent ?? ''))) return label;
    }
    if (node.tagName.toLowerCase() === 'body') break;
  }
  return '';
}

export interface Placed {
  context: string;
  label: string;
  /** The text right before the match on its line (for near-miss words like "IBAN" or "Pedido"). */
  before: string;
  after: string;
}

/**
 * Context and label for a match: `target` is the text node holding it ([from, to) in its data) or
 * the element that is it (a link). The label is the text just before it on its line when that
 * reads like one ("Atención al cliente: …"), else what the structure names it, else ''.
 */
export function place(target: Node, from = 0, to = 0): Placed {
  const { text, start, end } = blockText(target, from, to);
  // Whole words only at the edges: a cut word reads as a different word to the auditor.
  const from0 = Math.max(0, start - CONTEXT_SIDE);
  let left = text.slice(from0, start);
  if (from0 > 0 && /\S/.test(text[from0 - 1] ?? '')) left = left.replace(/^\S*/, '');
  let right = text.slice(end, end + CONTEXT_SIDE);
  if (end + CONTEXT_SIDE < text.length && /\S/.test(text[end + CONTEXT_SIDE] ?? '')) right = right.replace(/\S*$/, '');
  const context = clip(collapse(left + text.slice(start, end) + right), 300);
  const lineBefore =
    text
      .slice(Math.max(0, start - 200), start)
      .split(/\n/)
      .pop() ?? '';
  const after = text.slice(end, end + 40);
  // The label's text is the part of the line after any earlier value or sentence.
  const segment = lineBefore.split(/[•|;,()[\]]|[.!?](?=\s)|\d/).pop() ?? '';
  const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
  const label = asLabel(segment) || (el ? structuralLabel(el) : '');
  return { context, label, before: lineBefore, after };
}
