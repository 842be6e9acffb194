import { OVERLAY_TAG } from '@/lib/overlay-tag';
import { redactReference, redactUrl, type UrlPolicy } from '@/lib/privacy/url-policy';

/**
 * The recorder's per-event work as it was before issue 15 made it cheaper (straight copies of
 * the old lib/record/strip-overlay.ts and lib/privacy/event-urls.ts): the reference the faster
 * code must match output for output (test/unit/record/emit-sameness.test.ts).
 */

interface SNode {
  id: number;
  tagName?: string;
  childNodes?: SNode[];
}

export function oldStripOverlay<E extends { type: number; data?: unknown }>(e: E, hidden: Set<number>): E {
  const data = e.data as Record<string, unknown> | undefined;
  if (!data) return e;
  if (e.type === 2) {
    prune(data.node as SNode, hidden);
  } else if (e.type === 3 && data.source === 0) {
    const adds = data.adds as { parentId: number; node: SNode }[] | undefined;
    if (adds) {
      data.adds = adds.filter((a) => {
        if (hidden.has(a.parentId) || a.node.tagName === OVERLAY_TAG) {
          collect(a.node, hidden);
          return false;
        }
        prune(a.node, hidden);
        return true;
      });
    }
    for (const key of ['removes', 'attributes', 'texts'] as const) {
      const list = data[key] as { id: number }[] | undefined;
      if (list) data[key] = list.filter((m) => !hidden.has(m.id));
    }
  }
  return e;
}

function prune(node: SNode | undefined, hidden: Set<number>): void {
  if (!node?.childNodes) return;
  node.childNodes = node.childNodes.filter((c) => {
    if (c.tagName === OVERLAY_TAG) {
      collect(c, hidden);
      return false;
    }
    prune(c, hidden);
    return true;
  });
}

function collect(node: SNode, hidden: Set<number>): void {
  hidden.add(node.id);
  for (const c of node.childNodes ?? []) collect(c, hidden);
}

const LOADED = /stylesheet|icon|preload|prefetch|manifest/i;
type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;

function urlAttribute(tag: string | undefined, name: string, attrs: Rec): boolean {
  if (name === 'href') return tag !== 'link' || !LOADED.test(typeof attrs.rel === 'string' ? attrs.rel : '');
  if (name === 'action' || name === 'formaction') return true;
  return name === 'src' && (tag === 'iframe' || tag === 'frame');
}

function redactAttributes(attrs: Rec, tag: string | undefined, policy: UrlPolicy): boolean {
  let changed = false;
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value !== 'string' || !urlAttribute(tag, name, attrs)) continue;
    const next = redactReference(value, policy);
    if (next !== value) {
      attrs[name] = next;
      changed = true;
    }
  }
  return changed;
}

function redactTree(root: unknown, policy: UrlPolicy): boolean {
  let changed = false;
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRec(node)) continue;
    if (node.type === 2 && isRec(node.attributes)) {
      const tag = typeof node.tagName === 'string' ? node.tagName.toLowerCase() : undefined;
      if (redactAttributes(node.attributes, tag, policy)) changed = true;
    }
    if (Array.isArray(node.childNodes)) for (const c of node.childNodes) stack.push(c);
  }
  return changed;
}

export function oldRedactEventUrls(event: unknown, policy: UrlPolicy, tagOf?: (id: number) => string | undefined) {
  if (!isRec(event) || !isRec(event.data)) return false;
  const data = event.data;
  if (event.type === 4) {
    if (typeof data.href !== 'string') return false;
    const next = redactUrl(data.href, policy);
    if (next === data.href) return false;
    data.href = next;
    return true;
  }
  if (event.type === 2) return redactTree(data.node, policy);
  if (event.type !== 3 || data.source !== 0) return false;
  let changed = false;
  if (Array.isArray(data.adds)) {
    for (const add of data.adds) if (isRec(add) && redactTree(add.node, policy)) changed = true;
  }
  if (Array.isArray(data.attributes)) {
    for (const a of data.attributes) {
      if (!isRec(a) || !isRec(a.attributes)) continue;
      const tag = typeof a.id === 'number' ? tagOf?.(a.id) : undefined;
      if (redactAttributes(a.attributes, tag, policy)) changed = true;
    }
  }
  return changed;
}
