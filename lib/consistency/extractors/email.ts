import { clip, place, visibleTextNodes } from '@/lib/consistency/contact-text';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';
import { nodeContext, propStrings, sourcedNodes } from '@/lib/consistency/structured-data';
import type { FactSource } from '@/lib/model/fact';

const MAX_TEXT_CHARS = 300_000;
const MAX_NODE_CHARS = 5_000;
const MAX_FACTS = 200;
const MAX_LINKS = 500;

// ASCII addresses as sites print them: a dotted local part, a dotted domain, a 2-24 letter TLD.
// Bounded quantifiers keep the scan linear on junk. (Internationalised addresses are not read.)
const LOCAL = "[a-z0-9!#$%&'*+=?^_`{|}~-]{1,64}(?:\\.[a-z0-9!#$%&'*+=?^_`{|}~-]{1,64}){0,8}";
const DOMAIN = '(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,8}[a-z]{2,24}';
const IN_TEXT = new RegExp(`(?<![\\w.%+/=@-])${LOCAL}@${DOMAIN}(?![\\w-]|\\.[a-z0-9])`, 'gi');
const WHOLE = new RegExp(`^${LOCAL}@${DOMAIN}$`, 'i');
/** `logo@2x.png`: retina image names have an `@` and a dotted "domain" that is a file type. */
const FILE_TLD = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|bmp|css|js|mjs|json|pdf|zip|mp4|webm|woff2?)$/i;

function valid(address: string): boolean {
  return WHOLE.test(address) && !FILE_TLD.test(address) && !/@\d+x\./i.test(address);
}

/** `mailto:` may hold several addresses and a query (`?subject=`); only the addresses count. */
function mailtoAddresses(href: string): string[] {
  let v = href.replace(/^\s*mailto:/i, '').split('?')[0] ?? '';
  try {
    v = decodeURIComponent(v);
  } catch {
    // A malformed escape: read it as written.
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 10);
}

/** The token (run of non-space) holding a match: an address inside a URL is part of a path. */
function insideUrl(data: string, start: number): boolean {
  const token = data.slice(Math.max(0, data.lastIndexOf(' ', start) + 1), start);
  return /:\/\/|^www\.|\//i.test(token);
}

export const emailExtractor: Extractor = {
  kind: 'email',
  extract(root) {
    const out: Extracted[] = [];
    const seen = new Set<string>();
    const keyed = new Map<Element, number>();
    const idOf = (el: Element | null): number => {
      if (!el) return 0;
      if (!keyed.has(el)) keyed.set(el, keyed.size + 1);
      return keyed.get(el) as number;
    };
    const add = (raw: string, source: FactSource, element: Element | null, context: string, label: string) => {
      const address = raw.trim();
      if (out.length >= MAX_FACTS || !valid(address)) return;
      const value = address.toLowerCase();
      const key = `${source}|${idOf(element)}|${value}`;
      if (seen.has(key)) return;
      seen.add(key);
      const fact = { kind: 'email' as const, value, raw: clip(address, 500), source };
      out.push({ fact: { ...fact, context: clip(context, 300), label: clip(label, 120) }, element });
    };

    const links = Array.from(root.querySelectorAll('a[href^="mailto:" i], area[href^="mailto:" i]')).slice(
      0,
      MAX_LINKS,
    );
    for (const a of links) {
      const { context, label } = place(a);
      for (const address of mailtoAddresses(a.getAttribute('href') ?? '')) add(address, 'link', a, context, label);
    }

    for (const { node, source } of sourcedNodes(root)) {
      const label = propStrings(node.props.contactType)[0] ?? '';
      const context = nodeContext(node, label);
      for (const raw of propStrings(node.props.email, 20)) {
        for (const address of mailtoAddresses(raw)) add(address, source, null, context, label);
      }
    }

    for (const text of visibleTextNodes(root, MAX_TEXT_CHARS)) {
      if (out.length >= MAX_FACTS) break;
      const data = text.data.slice(0, MAX_NODE_CHARS);
      if (!data.includes('@')) continue;
      for (const m of data.matchAll(IN_TEXT)) {
        const start = m.index ?? 0;
        if (insideUrl(data, start)) continue;
        const placed = place(text, start, start + m[0].length);
        add(m[0], 'text', text.parentElement, placed.context, placed.label);
      }
    }
    return out;
  },
  readValue(text) {
    for (const m of text.slice(0, 2000).matchAll(IN_TEXT)) if (valid(m[0])) return m[0].toLowerCase();
    return null;
  },
};
