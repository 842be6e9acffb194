import { type Extractor, factList } from '@/lib/consistency/extractor';
import { findPromises, readPromise } from '@/lib/consistency/promise-text';
import { type DataNode, nodeContext, sourcedNodes } from '@/lib/consistency/structured-data';
import { elementOf, placeOf, textStream } from '@/lib/consistency/text-stream';

/**
 * Delivery, response, refund and return times a page promises (value `<what> <min>-<max> <unit>`,
 * lib/consistency/promise-text.ts). schema.org first: an offer's `shippingDetails.deliveryTime`
 * (handling plus transit time, which Google reads as business days) and a
 * MerchantReturnPolicy's `merchantReturnDays`; then the visible text, sentence by sentence.
 */

const MAX_TEXT_CHARS = 300_000;
const MAX_FACTS = 100;

function objects(v: unknown, micro: Map<Element, DataNode>): Record<string, unknown>[] {
  const list = Array.isArray(v) ? v : [v];
  const out: Record<string, unknown>[] = [];
  for (const x of list.slice(0, 20)) {
    if (!x || typeof x !== 'object') continue;
    if ('tagName' in x) {
      const item = micro.get(x as Element);
      if (item) out.push(item.props);
    } else out.push(x as Record<string, unknown>);
  }
  return out;
}

function quantity(v: unknown, micro: Map<Element, DataNode>): [number, number] | null {
  const q = objects(v, micro)[0];
  if (!q) return null;
  const n = (x: unknown) => {
    const y = typeof x === 'string' ? Number(x.trim()) : x;
    return typeof y === 'number' && Number.isFinite(y) && y >= 0 && y < 1000 ? y : null;
  };
  const unit = String(q.unitCode ?? q.unitText ?? 'DAY').toUpperCase();
  if (!['DAY', 'D', 'DAYS', 'D1'].includes(unit)) return null;
  const lo = n(q.minValue) ?? n(q.value);
  const hi = n(q.maxValue) ?? n(q.value) ?? lo;
  return lo === null || hi === null || hi < lo ? null : [lo, hi];
}

/** The promises a schema.org node states, as [value, raw]. */
function fromNode(node: DataNode, micro: Map<Element, DataNode>): [string, string][] {
  const out: [string, string][] = [];
  const p = node.props;
  if (node.types.includes('ShippingDeliveryTime')) {
    const parts = [quantity(p.handlingTime, micro), quantity(p.transitTime, micro)].filter((x) => x !== null);
    if (parts.length > 0) {
      const lo = parts.reduce((s, [a]) => s + a, 0);
      const hi = parts.reduce((s, [, b]) => s + b, 0);
      out.push([`delivery ${lo}-${hi} wd`, `handlingTime + transitTime: ${lo}-${hi} days`]);
    }
  }
  if (node.types.includes('MerchantReturnPolicy')) {
    const days = Number(p.merchantReturnDays);
    if (Number.isInteger(days) && days > 0 && days < 1000)
      out.push([`return 0-${days} d`, `merchantReturnDays: ${days}`]);
  }
  return out;
}

export const promiseExtractor: Extractor = {
  kind: 'promise',
  extract(root) {
    const { out, add } = factList('promise', MAX_FACTS);
    try {
      const nodes = sourcedNodes(root);
      const micro = new Map(nodes.filter((n) => n.source === 'microdata').map((n) => [n.node.element, n.node]));
      for (const { node, source } of nodes) {
        const element = source === 'microdata' ? node.element : null;
        for (const [value, raw] of fromNode(node, micro)) add(value, raw, source, element, nodeContext(node), '');
      }
      const stream = textStream(root, MAX_TEXT_CHARS);
      for (const p of findPromises(stream.text, null, MAX_FACTS)) {
        const placed = placeOf(stream, p.start, p.end);
        add(p.value, p.raw, 'text', elementOf(stream, p.start, p.end), placed?.context ?? p.raw, p.label);
      }
    } catch {
      // Junk markup must not break an audit: keep what was read so far.
    }
    return out;
  },
  readValue(text) {
    return readPromise(text);
  },
};
