import { findAddresses, readAddress, streetAddressValue } from '@/lib/consistency/address-text';
import { collapse } from '@/lib/consistency/contact-text';
import { type Extractor, factList } from '@/lib/consistency/extractor';
import { type DataNode, nodeContext, propStrings, sourcedNodes } from '@/lib/consistency/structured-data';
import { elementOf, placeOf, textStream } from '@/lib/consistency/text-stream';

/**
 * Postal addresses (value: `<postcode> <street and number>`, lib/consistency/address-text.ts):
 * schema.org PostalAddress first (JSON-LD and microdata: `streetAddress`, `postalCode`,
 * `addressLocality`; an `address` given as a plain object or a string too), then the visible text,
 * where only a typed street with a number followed by a postcode counts.
 */

const MAX_TEXT_CHARS = 300_000;
const MAX_FACTS = 100;
/** "Dirección", "Address": words that say it is an address, not what it is for. */
const GENERIC_LABEL =
  /^(?:direcci[oó]n|domicilio|ubicaci[oó]n|localizaci[oó]n|d[oó]nde estamos|encu[eé]ntranos|vis[ií]tanos|address|location|find us|visit us|where we are|our address|nuestra direcci[oó]n)$/i;

const str = (v: unknown): string => collapse(propStrings(v, 1)[0] ?? '');

/** The address objects a node holds: itself when it is a PostalAddress, its untyped `address`. */
function addressesOf(node: DataNode, microItems: Map<Element, DataNode>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (node.types.includes('PostalAddress')) out.push(node.props);
  const list = Array.isArray(node.props.address) ? node.props.address : [node.props.address];
  for (const a of list.slice(0, 20)) {
    if (typeof a === 'string') out.push({ '@string': a });
    // A typed nested address is a node of its own (JSON-LD walk, microdata item): read there once.
    else if (a && typeof a === 'object' && !('tagName' in a) && !('@type' in a)) out.push(a as Record<string, unknown>);
    else if (a && typeof a === 'object' && 'tagName' in a && !microItems.has(a as Element)) {
      // Microdata `address` as an itemscope without an itemtype: not an item of its own, read it here.
      const el = a as Element;
      const get = (p: string) => {
        const x = el.querySelector(`[itemprop~="${p}"]`);
        return x?.getAttribute('content') ?? x?.textContent ?? '';
      };
      out.push({ streetAddress: get('streetAddress'), postalCode: get('postalCode') });
    }
  }
  return out;
}

export const postalAddressExtractor: Extractor = {
  kind: 'postal-address',
  extract(root) {
    const { out, add } = factList('postal-address', MAX_FACTS, (f) => `${f.source}|${f.value}|${f.context}`);

    try {
      const nodes = sourcedNodes(root);
      const microItems = new Map(nodes.filter((n) => n.source === 'microdata').map((n) => [n.node.element, n.node]));
      for (const { node, source } of nodes) {
        for (const a of addressesOf(node, microItems)) {
          const element = source === 'microdata' ? node.element : null;
          if (typeof a['@string'] === 'string') {
            const text = collapse(a['@string']);
            const value = readAddress(text);
            if (value) add(value, text, source, element, nodeContext(node), '');
            continue;
          }
          const street = str(a.streetAddress);
          if (!street) continue;
          const postcode = str(a.postalCode);
          const locality = str(a.addressLocality);
          const raw = [street, [postcode, locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
          add(streetAddressValue(street, postcode), raw, source, element, nodeContext(node, locality), '');
        }
      }

      const stream = textStream(root, MAX_TEXT_CHARS);
      for (const found of findAddresses(stream.text, MAX_FACTS)) {
        const placed = placeOf(stream, found.start, found.end);
        const label = placed && !GENERIC_LABEL.test(placed.label) ? placed.label : '';
        const element = elementOf(stream, found.start, found.end);
        add(found.value, found.raw, 'text', element, placed?.context ?? found.raw, label);
      }
    } catch {
      // Junk markup must not break an audit: keep what was read so far.
    }
    return out;
  },
  readValue(text) {
    return readAddress(text);
  },
};
