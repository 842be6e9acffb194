import { type Placed, place, visibleTextNodes } from '@/lib/consistency/contact-text';

/**
 * The visible text of a page as one string, for the extractors whose facts span several text
 * nodes ("Calle Mayor, <b>12</b><br>28013 Madrid", "Entrega en <strong>24-48 h</strong>"): nodes
 * of one block are joined by a space, nodes of different blocks by a line break, so a pattern can
 * tell "same line" from "next block". Offsets map back to the text nodes, for the anchor and the
 * context.
 */

const BLOCK =
  'p,li,dd,dt,td,th,tr,address,h1,h2,h3,h4,h5,h6,label,figcaption,blockquote,div,section,article,footer,header,aside,main,nav,form,ul,ol,dl,table,body';
const MAX_NODE_CHARS = 5_000;

export interface TextStream {
  text: string;
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: number[];
}

export function textStream(root: Document | Element, maxChars: number): TextStream {
  const nodes = visibleTextNodes(root, maxChars);
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let prevBlock: Element | null = null;
  // Siblings share a parent: look its block up once.
  const blocks = new Map<Element, Element | null>();
  for (const [i, node] of nodes.entries()) {
    const parent = node.parentElement;
    let block = parent ? blocks.get(parent) : null;
    if (parent && block === undefined) {
      block = parent.closest(BLOCK);
      blocks.set(parent, block);
    }
    block ??= null;
    if (i > 0) {
      parts.push(block === prevBlock && !brBefore(node) ? ' ' : '\n');
      length++;
    }
    starts.push(length);
    const data = node.data.slice(0, MAX_NODE_CHARS);
    parts.push(data);
    length += data.length;
    prevBlock = block;
  }
  return { text: parts.join(''), nodes, starts };
}

/** A `<br>` right before the node (or before its inline parent) breaks the line. */
function brBefore(node: Text): boolean {
  let n: Node | null = node;
  for (let i = 0; n && i < 3; i++, n = n.parentNode) {
    let sib = n.previousSibling;
    while (sib && sib.nodeType === 3 && (sib.textContent ?? '').trim() === '') sib = sib.previousSibling;
    if (sib) return sib.nodeType === 1 && (sib as Element).tagName.toLowerCase() === 'br';
  }
  return false;
}

/** The index of the node holding offset `at` (binary search over starts). */
function nodeIndex(s: TextStream, at: number): number {
  let lo = 0;
  let hi = s.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s.starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The element a match [start, end) was read from: the nearest element holding all its nodes
 * (bounded: an address over two blocks anchors to their common parent, not to the body).
 */
export function elementOf(s: TextStream, start: number, end: number): Element | null {
  const a = s.nodes[nodeIndex(s, start)]?.parentElement ?? null;
  const b = s.nodes[nodeIndex(s, Math.max(start, end - 1))]?.parentElement ?? null;
  let el = a;
  for (let i = 0; el && b && !el.contains(b) && i < 8; i++) el = el.parentElement;
  return el && b && el.contains(b) ? el : a;
}

/** Context and label (lib/consistency/contact-text.ts `place`) for a match, from its first node. */
export function placeOf(s: TextStream, start: number, end: number): Placed | null {
  const i = nodeIndex(s, start);
  const node = s.nodes[i];
  if (!node) return null;
  const from = Math.max(0, start - (s.starts[i] ?? 0));
  const to = Math.min(node.data.length, end - (s.starts[i] ?? 0));
  return place(node, from, Math.max(from, to));
}
