import { collapse, place, visibleTextNodes } from '@/lib/consistency/contact-text';
import { type Extractor, factList } from '@/lib/consistency/extractor';
import { type DataNode, jsonLdNodes, microdataNodes } from '@/lib/consistency/structured-data';
import type { FactSource } from '@/lib/model/fact';

const MAX_TEXT_CHARS = 300_000;
const MAX_NODE_CHARS = 5_000;
const MAX_FACTS = 200;

/** Symbols and words as pages write them, to ISO 4217. `$` alone is read as US dollars. */
const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', US$: 'USD', '£': 'GBP', '¥': 'JPY' };
const WORDS: Record<string, string> = {
  euro: 'EUR',
  euros: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
  dólar: 'USD',
  dólares: 'USD',
  pound: 'GBP',
  pounds: 'GBP',
  libra: 'GBP',
  libras: 'GBP',
};
/** The currency of an amount noted without one, by the audit's country (euro area, then the rest). */
const COUNTRY_CURRENCY: Record<string, string> = Object.fromEntries([
  ...'ES PT FR DE IT IE NL BE AT FI GR LU SK SI EE LV LT MT CY HR AD MC'.split(' ').map((c) => [c, 'EUR']),
  ...'GB:GBP US:USD MX:MXN AR:ARS CL:CLP CO:COP PE:PEN CH:CHF CA:CAD AU:AUD'.split(' ').map((p) => p.split(':')),
]);
const CODES = 'EUR|USD|GBP|CHF|MXN|ARS|CLP|COP|PEN|BRL|CAD|AUD|JPY|SEK|NOK|DKK|PLN';
// Grouped thousands (1.234,56 · 1,234.56 · 1 234 with a no-break space) or a plain run (1234,56).
const AMOUNT = '\\d{1,3}(?:[.,\\u00a0\\u202f]\\d{3}){1,4}(?:[.,]\\d{1,2})?|\\d{1,9}(?:[.,]\\d{1,2})?';
const PRE = `US\\$|[€$£¥]|\\b(?:${CODES})\\b`;
const POST = `[€$£¥]|\\b(?:${CODES})\\b|\\b(?:euros?|dollars?|d[óo]lar(?:es)?|pounds?|libras?)(?!\\p{L})`;
// A symbol right after a letter or digit (`ID$12`) or a number glued to one (`A12 €`) is not a price.
// "1 234 €" (plain space) could be 1234 or "pack 1, 234 €": ambiguous, so not read at all.
const IN_TEXT = new RegExp(
  `(?<![\\p{L}\\d$])(?<pre>${PRE})\\s?(?<a1>${AMOUNT})(?![\\d.,]?\\d)(?!\\s?%)` +
    `|(?<![\\p{L}\\d.,]|\\d )(?<a2>${AMOUNT})\\s?(?<post>${POST})`,
  'giu',
);

function currencyOf(token: string): string {
  const t = token.trim();
  return SYMBOLS[t] ?? WORDS[t.toLowerCase().replace('dolar', 'dólar')] ?? t.toUpperCase();
}

/**
 * "1.234,56", "1,234.56", "1.234" and "12,5" to a number: the last separator is decimal when one
 * or two digits follow it; a separator followed by three digits groups thousands.
 */
export function parseAmount(s: string): number | null {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d[\d.,]*$/.test(t) || t.length > 20) return null;
  const m = /[.,](\d{1,2})$/.exec(t);
  const whole = (m ? t.slice(0, m.index) : t).replace(/[.,]/g, '');
  const n = Number(`${whole}.${m?.[1] ?? '0'}`);
  return Number.isFinite(n) ? n : null;
}

/** Structured data states amounts with a dot decimal (`"1234.56"`, `1234.5`); a few sites don't. */
function structuredAmount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return parseAmount(t);
}

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const str = (v: unknown): string => {
  const x = first(v);
  return typeof x === 'string' ? collapse(x) : '';
};

/** The name of the card, article, section or list item holding a price: its last heading before it. */
const CARD = 'li,article,section,[class*="card" i],[class*="plan" i],[class*="product" i]';
function cardTitle(node: Node): string {
  const card = node.parentElement?.closest(CARD);
  // A page-wide class (`<body class="product-page">`) is not a card.
  if (!card || card.tagName === 'BODY' || card.tagName === 'HTML') return '';
  let title = '';
  for (const h of Array.from(card.querySelectorAll('h1,h2,h3,h4,[class*="title" i]')).slice(0, 50)) {
    // DOCUMENT_POSITION_FOLLOWING (4): the price comes after the heading.
    if (h.contains(node) || !(h.compareDocumentPosition(node) & 4)) continue;
    title = collapse(h.textContent ?? '');
  }
  return title.length > 120 || /^\W*$/.test(title) ? '' : title;
}

/** JSON-LD: the Product (or other named node) whose `offers` hold each offer object. */
function offerOwners(nodes: DataNode[]): Map<unknown, string> {
  const owners = new Map<unknown, string>();
  for (const n of nodes) {
    const name = str(n.props.name);
    const offers = n.props.offers;
    for (const o of (Array.isArray(offers) ? offers : [offers]).slice(0, 50)) if (name) owners.set(o, name);
  }
  return owners;
}

/** Microdata: the `name` of the item whose element holds the offer's element. */
function microdataOwner(node: DataNode, nodes: DataNode[]): string {
  const parent = node.element.parentElement?.closest('[itemscope]');
  return str(nodes.find((n) => n.element === parent)?.props.name);
}

export const priceExtractor: Extractor = {
  kind: 'price',
  extract(root) {
    const prices = factList('price', MAX_FACTS);
    const out = prices.out;
    const add = (
      currency: string,
      amount: number | null,
      raw: string,
      source: FactSource,
      element: Element | null,
      context: string,
      label: string,
    ) => {
      if (amount !== null && /^[A-Z]{3}$/.test(currency))
        prices.add(`${currency} ${amount.toFixed(2)}`, raw, source, element, context, label);
    };

    try {
      const ld = jsonLdNodes(root);
      const md = microdataNodes(root);
      const owners = offerOwners(ld);
      const structured = [
        ...ld.map((node) => ({ node, source: 'json-ld' as const, owner: owners.get(node.props) ?? '' })),
        ...md.map((node) => ({ node, source: 'microdata' as const, owner: microdataOwner(node, md) })),
      ];
      for (const { node, source, owner } of structured) {
        if (!node.types.some((t) => t === 'Offer' || t === 'AggregateOffer')) continue;
        const currency = str(node.props.priceCurrency).toUpperCase();
        const offered = first(node.props.itemOffered);
        const offeredName =
          offered && typeof offered === 'object' ? str((offered as Record<string, unknown>).name) : '';
        const label = str(node.props.name) || owner || offeredName;
        for (const prop of ['price', 'lowPrice'] as const) {
          const v = first(node.props[prop]);
          if (v === undefined) continue;
          const raw = String(typeof v === 'object' ? '' : v);
          const context = collapse([node.types.join(', '), label, prop].filter(Boolean).join(' · '));
          add(currency, structuredAmount(v), `${raw} ${currency}`, source, null, context, label);
        }
      }

      for (const text of visibleTextNodes(root, MAX_TEXT_CHARS)) {
        if (out.length >= MAX_FACTS) break;
        const data = text.data.slice(0, MAX_NODE_CHARS);
        if (!/\d/.test(data)) continue;
        for (const m of data.matchAll(IN_TEXT)) {
          const g = m.groups ?? {};
          const start = m.index ?? 0;
          const placed = place(text, start, start + m[0].length);
          const currency = currencyOf(g.pre ?? g.post ?? '');
          add(
            currency,
            parseAmount(g.a1 ?? g.a2 ?? ''),
            m[0],
            'text',
            text.parentElement,
            placed.context,
            cardTitle(text),
          );
        }
      }
    } catch {
      // Junk markup must not break an audit: keep what was read so far.
    }
    return out;
  },
  // A price noted from a call: "49,90 €", "€49.90", or a bare "49,90" in the audit country's currency.
  readValue(text, ctx) {
    const t = text.slice(0, 2000);
    for (const m of t.matchAll(IN_TEXT)) {
      const g = m.groups ?? {};
      const currency = currencyOf(g.pre ?? g.post ?? '');
      const amount = parseAmount(g.a1 ?? g.a2 ?? '');
      if (amount !== null && /^[A-Z]{3}$/.test(currency)) return `${currency} ${amount.toFixed(2)}`;
    }
    const bare = new RegExp(`(?<![\\p{L}\\d.,])(?:${AMOUNT})(?![\\d.,]?\\d)(?!\\s?%)`, 'u').exec(t);
    const currency = COUNTRY_CURRENCY[ctx.country.toUpperCase()];
    const amount = bare ? parseAmount(bare[0]) : null;
    return currency && amount !== null ? `${currency} ${amount.toFixed(2)}` : null;
  },
};
