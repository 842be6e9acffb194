import { collapse } from '@/lib/consistency/contact-text';

/** A schema.org node as JSON-LD or microdata give it: its types and its properties, as read. */
export interface DataNode {
  types: string[];
  props: Record<string, unknown>;
  /** The element holding it: the `<script>` of JSON-LD, the `itemscope` element of microdata. */
  element: Element;
}

const MAX_SCRIPT_CHARS = 200_000;
const MAX_NODES = 500;

function typesOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every object in a JSON-LD value, depth first (`@graph`, arrays, nested objects), bounded. */
function walk(v: unknown, out: Record<string, unknown>[], depth = 0): void {
  if (out.length >= MAX_NODES || depth > 12 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) walk(x, out, depth + 1);
    return;
  }
  const o = v as Record<string, unknown>;
  out.push(o);
  for (const x of Object.values(o)) walk(x, out, depth + 1);
}

/**
 * The page's JSON-LD nodes that name a type. The page is not trusted: a script that does not
 * parse, or is too large, is skipped; the walk is bounded in depth and count.
 */
export function jsonLdNodes(root: Document | Element): DataNode[] {
  const nodes: DataNode[] = [];
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const found: Record<string, unknown>[] = [];
    walk(data, found);
    for (const o of found) {
      const types = typesOf(o['@type']);
      if (types.length > 0) nodes.push({ types, props: o, element: script });
    }
  }
  return nodes.slice(0, MAX_NODES);
}

/** The value of a microdata property element, as the HTML spec reads it. */
function itemValue(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (el.hasAttribute('content')) return el.getAttribute('content') ?? '';
  if (tag === 'a' || tag === 'link' || tag === 'area') return el.getAttribute('href') ?? '';
  if (tag === 'time') return el.getAttribute('datetime') ?? el.textContent ?? '';
  if (tag === 'meta') return el.getAttribute('content') ?? '';
  return el.textContent ?? '';
}

/**
 * The page's microdata items (`itemscope` with an `itemtype`), each with its own properties: a
 * nested item's properties belong to it, not to its parent (the parent gets the nested item's
 * element under that name, read separately).
 */
export function microdataNodes(root: Document | Element): DataNode[] {
  const nodes: DataNode[] = [];
  for (const item of root.querySelectorAll('[itemscope][itemtype]')) {
    if (nodes.length >= MAX_NODES) break;
    const props: Record<string, unknown> = {};
    for (const el of item.querySelectorAll('[itemprop]')) {
      if (el.parentElement?.closest('[itemscope]') !== item) continue;
      const value = el.hasAttribute('itemscope') ? el : itemValue(el).trim();
      for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
        const prev = props[name];
        props[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
    }
    nodes.push({ types: typesOf((item.getAttribute('itemtype') ?? '').split(/\s+/)), props, element: item });
  }
  return nodes;
}

/** A schema.org node with the source it came from, as facts name it. */
export interface SourcedNode {
  node: DataNode;
  source: 'json-ld' | 'microdata';
}

/** Every JSON-LD node, then every microdata item: what the extractors read before visible text. */
export function sourcedNodes(root: Document | Element): SourcedNode[] {
  return [
    ...jsonLdNodes(root).map((node) => ({ node, source: 'json-ld' as const })),
    ...microdataNodes(root).map((node) => ({ node, source: 'microdata' as const })),
  ];
}

/** A property's string values (one or a list; anything else skipped), at most `max` of them. */
export function propStrings(v: unknown, max = 50): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string').slice(0, max);
}

/** Where a structured-data fact was read, for a reader: the node's types, its name, and more. */
export function nodeContext(node: DataNode, ...more: string[]): string {
  const name = propStrings(node.props.name)[0] ?? '';
  return collapse([node.types.join(', '), name, ...more].filter(Boolean).join(' · '));
}
