import { EventType, IncrementalSource } from '@/lib/record/rrweb-codes';

/**
 * Attributes that hold text a person reads: rrweb's "mask all text" covers text nodes only, so
 * under the audit's "Mask all page text" these are masked here, the same way (each visible
 * character an asterisk). A button's `value` is its label; a `meta` tag's `content` its
 * description or social title.
 */
const TEXT_ATTRIBUTES = new Set([
  'placeholder',
  'title',
  'alt',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-valuetext',
  'aria-roledescription',
  'value',
  'content',
  'label',
]);

interface SNode {
  type?: number;
  attributes?: Record<string, unknown>;
  childNodes?: SNode[];
}

const mask = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\S/g, '*') : v);

function maskAll(attributes: Record<string, unknown> | undefined): void {
  if (!attributes) return;
  for (const key of Object.keys(attributes)) if (TEXT_ATTRIBUTES.has(key)) attributes[key] = mask(attributes[key]);
}

function maskTree(node: SNode | undefined): void {
  if (!node) return;
  maskAll(node.attributes);
  for (const c of node.childNodes ?? []) maskTree(c);
}

/** Masks the text attributes of a full snapshot, of added nodes and of attribute changes, in place. */
export function maskTextAttributes<E extends { type: number; data?: unknown }>(e: E): E {
  const data = e.data as Record<string, unknown> | undefined;
  if (!data) return e;
  if (e.type === EventType.FullSnapshot) maskTree(data.node as SNode);
  else if (e.type === EventType.IncrementalSnapshot && data.source === IncrementalSource.Mutation) {
    for (const a of (data.adds as { node: SNode }[] | undefined) ?? []) maskTree(a.node);
    for (const m of (data.attributes as { attributes: Record<string, unknown> }[] | undefined) ?? []) {
      maskAll(m.attributes);
    }
  }
  return e;
}
