// The `max` metadata, not the default `min`: `min` holds only each country's broad number pattern,
// so "775 123 456" (ES) or "(721) 555-0142" (US) pass as valid although no such line exists; `max`
// checks the digits against each type of number (fixed, mobile, toll-free), which keeps more
// references and case numbers out of the text scan. It costs about 65 kB more.
import { findPhoneNumbersInText, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import { place, visibleTextNodes } from '@/lib/consistency/contact-text';
import { type Extractor, factList } from '@/lib/consistency/extractor';
import { nodeContext, propStrings, sourcedNodes } from '@/lib/consistency/structured-data';
import type { FactSource } from '@/lib/model/fact';

const MAX_TEXT_CHARS = 300_000;
const MAX_NODE_CHARS = 5_000;
const MAX_FACTS = 200;
const MAX_LINKS = 500;

/**
 * Words just before a number that say it is something else: an account, an order, a reference, a
 * price. Valid-looking digits after them are not the company's phone.
 */
const NOT_PHONE_BEFORE =
  /(?:\b(?:iban|swift|bic|cuenta|account|pedido|order|ref|referencia|reference|factura|invoice|albar[áa]n|localizador|booking|reserva|ticket|tracking|seguimiento|env[íi]o|dni|nif|cif|vat|isbn|sku|c[óo]digo|code|id|num|no)\b|\bn[º°]|[#€$£%])[\s.:º°#\-–]*$/i;
/** Money or percent right after the digits, or digits glued to letters (`VV-2027-0412`). */
const NOT_PHONE_AFTER = /^\s*(?:[€$£%]|eur\b|euros?\b|usd\b|dollars?\b|h\b|hrs?\b)|^[\p{L}\d]/iu;
const GLUED_BEFORE = /[\p{L}\d][-/.]?$/u;

function countryOf(ctx: { country: string }): CountryCode | undefined {
  const c = ctx.country.toUpperCase();
  return isSupportedCountry(c) ? c : undefined;
}

/**
 * A number a page states on purpose (a `tel:` link, schema.org `telephone`): possible is enough, so
 * a wrongly typed official number still shows up and can be compared. Free text must be valid.
 */
function parseStated(raw: string, country: CountryCode | undefined): PhoneNumber | undefined {
  try {
    const n = parsePhoneNumberFromString(raw, country);
    return n?.isPossible() ? n : undefined;
  } catch {
    return undefined;
  }
}

function telOf(href: string): string {
  let v = href.replace(/^\s*tel:/i, '');
  try {
    v = decodeURIComponent(v);
  } catch {
    // A malformed escape: read it as written.
  }
  // RFC 3966 parameters (`;ext=`, `;phone-context=`) are not part of the E.164 value.
  return v.split(/[;?]/)[0] ?? '';
}

export const phoneExtractor: Extractor = {
  kind: 'phone',
  extract(root, ctx) {
    const country = countryOf(ctx);
    const keyed = new Map<Element, number>();
    const idOf = (el: Element | null): number => {
      if (!el) return 0;
      if (!keyed.has(el)) keyed.set(el, keyed.size + 1);
      return keyed.get(el) as number;
    };
    // One number once per element and source: the same line in a tel: link and its text is one.
    const phones = factList('phone', MAX_FACTS, (f, el) => `${f.source}|${idOf(el)}|${f.value}`);
    const out = phones.out;
    const add = (
      n: PhoneNumber,
      raw: string,
      source: FactSource,
      element: Element | null,
      context: string,
      label: string,
    ) => phones.add(n.number, raw, source, element, context, label);

    const links = Array.from(root.querySelectorAll('a[href^="tel:" i], area[href^="tel:" i]')).slice(0, MAX_LINKS);
    for (const a of links) {
      const raw = telOf(a.getAttribute('href') ?? '');
      const n = parseStated(raw, country);
      if (!n) continue;
      const { context, label } = place(a);
      add(n, raw, 'link', a, context, label);
    }

    for (const { node, source } of sourcedNodes(root)) {
      // A ContactPoint says what its number is for in `contactType` ("customer service").
      const label = propStrings(node.props.contactType)[0] ?? '';
      const context = nodeContext(node, label);
      for (const raw of propStrings(node.props.telephone, 20)) {
        const n = parseStated(raw.replace(/^\s*tel:/i, ''), country);
        if (n) add(n, raw, source, null, context, label);
      }
    }

    for (const text of visibleTextNodes(root, MAX_TEXT_CHARS)) {
      if (out.length >= MAX_FACTS) break;
      const data = text.data.slice(0, MAX_NODE_CHARS);
      if (!/\d{2}/.test(data)) continue;
      let found: ReturnType<typeof findPhoneNumbersInText>;
      try {
        found = findPhoneNumbersInText(data, country ? { defaultCountry: country } : {});
      } catch {
        continue;
      }
      for (const m of found) {
        if (!m.number.isValid()) continue;
        const placed = place(text, m.startsAt, m.endsAt);
        const before = data.slice(0, m.startsAt);
        if (NOT_PHONE_BEFORE.test(placed.before) || GLUED_BEFORE.test(before)) continue;
        if (NOT_PHONE_AFTER.test(data.slice(m.endsAt))) continue;
        add(m.number, data.slice(m.startsAt, m.endsAt), 'text', text.parentElement, placed.context, placed.label);
      }
    }
    return out;
  },
  // A number noted from a call or an email: the first valid one in the note, else the note itself
  // when it is only a number (possible is enough, as for a `tel:` link: a mistyped one still shows).
  readValue(text, ctx) {
    const country = countryOf(ctx);
    const t = text.slice(0, 500);
    try {
      for (const m of findPhoneNumbersInText(t, country ? { defaultCountry: country } : {}))
        if (m.number.isValid()) return m.number.number;
    } catch {
      // Junk: fall through to reading the note whole.
    }
    if (!/^[\s\d+().\-/]+$/.test(t.replace(/^\s*tel:/i, ''))) return null;
    return parseStated(t.replace(/^\s*tel:/i, ''), country)?.number ?? null;
  },
};
