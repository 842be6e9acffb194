import { collapse } from '@/lib/consistency/contact-text';

/**
 * Reading postal addresses written for people, Spanish ("C/ Mayor, 12, 2º izq., 28013 Madrid")
 * and English ("221B Baker Street, London NW1 6XE", "1600 Amphitheatre Pkwy, Mountain View, CA
 * 94043"), into the value of lib/model/fact.ts: `<postcode> <street and number>`, lower case,
 * street type words expanded, no commas (`28013 calle mayor 12`).
 *
 * Decisions: in page text an address is a street with a type word ("Calle", "Avda.", "Street",
 * "Pkwy") and a number, followed within the line (or the next block) by a postcode: a postcode
 * alone, or "calle" in a sentence, is not an address. The value keeps the street, its name and
 * its number only: floor and door ("2º izq.", "Suite 200"), city and state are left out, since
 * pages write them in many ways and they do not tell two addresses apart once the postcode is
 * there. A US ZIP+4 keeps its five digits; a UK postcode is upper-cased with one space, then
 * lowered like the rest. Accents stay (the value is compared as written, lower case).
 */

const SP = '[ \\t\\u00a0]';
/** Letters of a word in either case, so the type matches "Calle" and "CALLE" but names stay capitalised. */
const ci = (w: string): string => w.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);

/** Street types as `pattern>full word` (no `>`: the word is its own full form), abbreviations to their full word. */
const table = (spec: string): [string, string][] =>
  spec.split(' ').map((e) => {
    const [p = '', full] = e.split('>');
    return [p, full ?? p];
  });
/** Spanish (and a few Catalan/Galician) street types. */
const ES_TYPES = table(
  'avenida avinguda avda\\.?>avenida avd\\.?>avenida av\\.>avenida calle carrer c/>calle cl\\.>calle c\\.>calle ' +
    'plaza plaça pza\\.?>plaza pl\\.>plaza paseo passeig p\\.?º>paseo pso\\.?>paseo carretera ctra\\.?>carretera ' +
    'camino ronda rda\\.>ronda glorieta travesía travesia>travesía rambla urbanización urb\\.>urbanización polígono ' +
    'pol\\.>polígono pasaje cuesta costanilla callejón bulevar rúa',
);
const EN_TYPES = table(
  'street st\\.?>street road rd\\.?>road avenue ave\\.?>avenue boulevard blvd\\.?>boulevard parkway pkwy\\.?>parkway ' +
    'lane ln\\.?>lane drive dr\\.?>drive court ct\\.?>court place pl\\.?>place square sq\\.?>square highway ' +
    'hwy\\.?>highway terrace crescent close gardens way row mews walk hill loop circle plaza parade grove',
);

function expand(types: [string, string][], word: string): string {
  const w = word.toLowerCase();
  for (const [pattern, full] of types) if (new RegExp(`^(?:${pattern})$`, 'i').test(w)) return full;
  return w;
}

const alt = (table: [string, string][]) => table.map(([p]) => ci(p)).join('|');
const CONN = "(?:de|del|la|las|los|el|y|e|i|d'|l'|dels|da|do|dos|das)";
const CAP = "(?:\\p{Lu}[\\p{L}'’ªº.·-]*)";
const NAME_ES = `(?:${CONN}${SP}+)*${CAP}(?:${SP}+(?:${CONN}${SP}+)*${CAP}){0,5}`;
const NUM_MARK = `(?:${ci('n')}[º°o]\\.?|${ci('n')}\\.[º°]|${ci('núm')}\\.?|${ci('número')})`;
const NUM = '(?:\\d{1,5}(?:[ -]?[A-Za-z](?![\\p{L}\\d]))?(?:[ ]?[-–][ ]?\\d{1,4})?|[sS]/[nN])';
const EXTRA_ES = `(?:\\d{1,2}${SP}?[ºª°](?:${SP}?[\\p{L}]{1,10}\\.?)?|(?:${ci('esc')}|${ci('escalera')}|${ci('portal')}|${ci('piso')}|${ci('planta')}|${ci('puerta')}|${ci('pta')}|${ci('bloque')}|${ci('local')}|${ci('nave')}|${ci('oficina')}|${ci('of')}|${ci('despacho')})\\.?${SP}?[\\p{L}\\d]{1,4}[ºª°]?|${ci('bajo')}|${ci('izq')}(?:da|uierda)?\\.?|${ci('dcha')}\\.?|${ci('derecha')}|${ci('ático')}|\\p{Lu}(?![\\p{L}]))`;
const ES_STREET = `(?<![\\p{L}\\d])(?<type>${alt(ES_TYPES)})${SP}*(?<name>${NAME_ES})|(?<![\\p{L}\\d])(?<whole>${ci('gran')}${SP}+${ci('vía')}|${ci('la')}${SP}+${ci('rambla')})`;
const ES = `(?:${ES_STREET})${SP}*,?${SP}*(?:${NUM_MARK}${SP}*)?(?<num>${NUM})(?![\\p{L}\\d])(?<extra>(?:[\\s,.]+${EXTRA_ES}){0,4})`;
const NAME_EN = `${CAP}(?:${SP}+${CAP}){0,3}`;
const EN_UNIT = `(?:,?${SP}*(?:Suite|Ste\\.?|Apt\\.?|Unit|Floor|Fl\\.?|#)${SP}?[\\w-]{1,6})`;
const EN = `(?<![\\p{L}\\d])(?<num>\\d{1,5}[A-Za-z]?(?:[-–]\\d{1,5}[A-Za-z]?)?)${SP}+(?<name>${NAME_EN})${SP}+(?<type>${alt(EN_TYPES)})(?![\\p{L}])(?:${SP}+(?<dir>NE|NW|SE|SW|N|S|E|W)\\b)?(?<extra>${EN_UNIT}?)`;
/** What may sit between an English street and its postcode: a city and a US state. */
const EN_GAP = `[\\s,·•|]+(?:${CAP}(?:${SP}+${CAP}){0,3}[\\s,·•|]+){0,2}(?:[A-Z]{2}${SP}+)?`;
const ES_BEFORE_POSTCODE = new RegExp(`(?:${ES})[\\s,.–—·•|-]*$`, 'u');
const EN_BEFORE_POSTCODE = new RegExp(`(?:${EN})${EN_GAP}$`, 'u');
const ES_ANYWHERE = new RegExp(ES, 'iu');
const EN_ANYWHERE = new RegExp(EN, 'iu');
/** A 5-digit postcode (Spain, France, Germany, Italy, the US ZIP) or a UK one, not part of a number or a price. */
const POSTCODE =
  /(?<![\p{L}\d.,/-])(?:(?<zip>\d{5})(?:-\d{4})?(?![\d€%]|[.,]\d|\s?(?:€|%|[Ee][Uu][Rr]\b))|(?<uk>[A-Z]{1,2}\d[A-Z\d]?) ?(?<uk2>\d[A-Z]{2})(?![\p{L}\d]))/gu;
const WINDOW = 160;

type Groups = Record<string, string | undefined>;

/** The `<street and number>` part of the value from a street pattern's groups. */
function streetOf(g: Groups, english: boolean): string {
  const clean = (s: string | undefined) =>
    collapse((s ?? '').replace(/,/g, ' '))
      .replace(/\.$/, '')
      .toLowerCase();
  const num = clean(g.num).replace(/\s+/g, '').replace(/–/g, '-');
  if (english) return [num, clean(g.name), expand(EN_TYPES, g.type ?? ''), clean(g.dir)].filter(Boolean).join(' ');
  const street = g.whole ? clean(g.whole) : `${expand(ES_TYPES, collapse(g.type ?? ''))} ${clean(g.name)}`;
  return `${street} ${num}`;
}

export function postcodeValue(code: string): string {
  const c = collapse(code).toUpperCase();
  const uk = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/.exec(c);
  if (uk) return `${uk[1]} ${uk[2]}`.toLowerCase();
  const zip = /^(\d{5})-\d{4}$/.exec(c);
  return (zip?.[1] ?? c).toLowerCase();
}

export const addressValue = (postcode: string, street: string): string =>
  collapse(`${postcode ? postcodeValue(postcode) : ''} ${street}`.replace(/,/g, ' '));

export interface FoundAddress {
  start: number;
  end: number;
  value: string;
  raw: string;
}

/** Every street-and-postcode address in a text (page text: names must be capitalised). */
export function findAddresses(text: string, max = 100): FoundAddress[] {
  const out: FoundAddress[] = [];
  for (const pc of text.matchAll(POSTCODE)) {
    if (out.length >= max) break;
    const at = pc.index ?? 0;
    const from = Math.max(0, at - WINDOW, out[out.length - 1]?.end ?? 0);
    const before = text.slice(from, at);
    const g = pc.groups ?? {};
    const code = g.zip ?? `${g.uk} ${g.uk2}`;
    const es = g.zip ? ES_BEFORE_POSTCODE.exec(before) : null;
    const en = es ? null : EN_BEFORE_POSTCODE.exec(before);
    const m = es ?? en;
    if (!m) continue;
    const start = from + m.index;
    const end = at + pc[0].length;
    const raw = collapse(text.slice(start, end));
    out.push({ start, end, value: addressValue(code, streetOf(m.groups ?? {}, !!en)), raw });
  }
  return out;
}

/**
 * The value of a street written alone or as schema.org `streetAddress` ("Calle Mayor, 12, 2º izq."),
 * with an optional postcode: names may be in any case here. Unread streets fall back to the
 * text lowered without commas, so structured data is never lost for being written oddly.
 */
export function streetAddressValue(street: string, postcode: string): string {
  const s = collapse(street);
  const m = ES_ANYWHERE.exec(s);
  const n = m ? null : EN_ANYWHERE.exec(s);
  const read = m ? streetOf(m.groups ?? {}, false) : n ? streetOf(n.groups ?? {}, true) : s.toLowerCase();
  return addressValue(postcode, read);
}

/**
 * What a person noted ("Estamos en C/ Mayor 12, 28013 Madrid"): the first address with a
 * postcode, else a street and number alone (its value then has no postcode), else null.
 */
export function readAddress(text: string): string | null {
  const t = collapse(text.slice(0, 2000));
  const found = findAddresses(t, 1)[0];
  if (found) return found.value;
  // Notes are often in lower case: read them upper-cased, where every word passes for a name.
  const lenient = findAddresses(t.toUpperCase(), 1)[0];
  if (lenient) return lenient.value;
  if (!ES_ANYWHERE.test(t) && !EN_ANYWHERE.test(t)) return null;
  const v = streetAddressValue(t, '');
  return v.length > 0 && v.length <= 200 ? v : null;
}
