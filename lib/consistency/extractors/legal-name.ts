import { clip, collapse, visibleTextNodes } from '@/lib/consistency/contact-text';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';
import { nodeContext, propStrings, sourcedNodes } from '@/lib/consistency/structured-data';
import type { FactSource } from '@/lib/model/fact';

const MAX_TEXT_CHARS = 300_000;
const MAX_BLOCK_CHARS = 2_000;
const MAX_FACTS = 50;

// Legal forms as written, case-sensitive on purpose: "sa" or "inc" in lower case is prose.
const FORM =
  '(?:S\\.\\s?L\\.\\s?U\\.?|SLU|S\\.\\s?L\\.\\s?L\\.?|SLL|S\\.\\s?L\\.?|SL|S\\.\\s?A\\.\\s?U\\.?|SAU|S\\.\\s?A\\.?|SA|S\\.\\s?Coop\\.?|' +
  'Ltd\\.?|LTD\\.?|Limited|LIMITED|L\\.L\\.C\\.?|LLC|Inc\\.?|INC\\.?|PLC|plc|LLP|GmbH|GMBH|SAS|S\\.A\\.R\\.L\\.?|SARL|B\\.\\s?V\\.?|BV)';
// A name word starts with a capital (or digits glued to letters: "4Ever"); small connectors
// ("de", "y", "&", "and") may sit between. At most 6 words: longer runs are prose, not a name.
const WORD = "(?:\\p{Lu}|\\d+\\p{L})[\\p{L}\\d'’.&-]*";
const CONN = '(?:de|del|la|las|los|el|y|e|i|and|of|the|en|und|et|&|\\+)';
const NAME = `(${WORD}(?:\\s+(?:${CONN}\\s+)?${WORD}){0,5})`;
const TAIL = `,?\\s+(${FORM})(?![\\p{L}\\d])`;
const YEAR = '(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*[,.-]?\\s*)';
// Spelled out rather than with the `i` flag: under `iu`, \p{Lu} would match lower case too.
const LABELS =
  '(?:[Rr]az[oó]n [Ss]ocial|RAZ[OÓ]N SOCIAL|[Dd]enominaci[oó]n [Ss]ocial|[Tt]itular|[Cc]ompany [Nn]ame|[Rr]egistered [Nn]ame|[Ll]egal [Nn]ame)';
/** After "©" / "(c)" / "Copyright" and an optional year, or after a "Razón social:" style label. */
const ANCHORED = new RegExp(
  `(?:(?:©|\\([cC]\\)|[Cc]opyright|COPYRIGHT)\\s*${YEAR}?(?:©\\s*)?|${LABELS}\\s*:?\\s*)(${NAME}${TAIL})`,
  'gu',
);
/**
 * A sentence that opens with a name and its form and goes on to register it ("Harbour & Pine Ltd,
 * registered in England…", "Larkspur Legal LLP is authorised…", "X S.L., inscrita en el Registro…",
 * "X, S.L.U. — NIF B…"):
 * the company stating itself, unlike a name met in prose ("we partnered with X Inc.").
 */
const REGISTERED = new RegExp(
  `(?:^|[.!?]\\s+)(${NAME}${TAIL}),?\\s+(?:is\\s+|es\\s+|[—–-]\\s*)?(?:an?\\s+|una?\\s+)?` +
    '(?:NIF|CIF|VAT|registered|incorporated|authori[sz]ed|regulated|limited\\s+(?:liability|company)|private\\s+limited|public\\s+limited|' +
    'company\\s+(?:number|no)|sociedad|inscrita|registrada|con\\s+(?:CIF|NIF|domicilio|sede))',
  'gu',
);
/** A line that is only a name and its form ("Ventura Viajes S.L." alone in a footer cell). */
const WHOLE = new RegExp(`^${NAME}${TAIL}$`, 'u');
const FORM_ONLY = new RegExp(`^${FORM}$`, 'u');
const ORG_TYPE = /Organization|Corporation|Business|Store|Agency|Company|Restaurant|Hotel|Shop/i;

/** The form's canonical spelling: letters only, upper case; "Limited" reads as "LTD". */
function canonicalForm(form: string): string {
  const f = form.replace(/[^\p{L}]/gu, '').toUpperCase();
  return f === 'LIMITED' ? 'LTD' : f;
}

/** Comparable value: `ventura viajes sl` for "Ventura Viajes S.L." and "VENTURA VIAJES, SL". */
export function normaliseLegalName(name: string, form: string): string {
  const n = collapse(name)
    .replace(/[\s,]+$/, '')
    .toLowerCase();
  return [n, canonicalForm(form).toLowerCase()].filter(Boolean).join(' ');
}

/** Name and form of a string that is exactly a legal name, or null. */
function split(s: string): { name: string; form: string } | null {
  const m = WHOLE.exec(collapse(s).replace(/\s*;$/, ''));
  if (!m?.[1] || !m[2] || FORM_ONLY.test(m[1])) return null;
  return { name: m[1], form: m[2] };
}

const INLINE = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'SPAN', 'SMALL', 'ABBR', 'SUP', 'SUB', 'U', 'MARK', 'TIME']);

/** The block a text node sits in (its nearest non-inline ancestor): a footer line, a cell. */
function blockOf(text: Text): Element | null {
  let el = text.parentElement;
  for (let i = 0; el?.parentElement && INLINE.has(el.tagName.toUpperCase()) && i < 6; i++) el = el.parentElement;
  return el;
}

export const legalNameExtractor: Extractor = {
  kind: 'legal-name',
  extract(root) {
    const out: Extracted[] = [];
    const seen = new Set<string>();
    const add = (name: string, form: string, raw: string, source: FactSource, el: Element | null, ctx: string) => {
      if (out.length >= MAX_FACTS || FORM_ONLY.test(name.trim())) return;
      const value = clip(normaliseLegalName(name, form), 500);
      const key = `${source}|${value}`;
      if (seen.has(key)) return;
      seen.add(key);
      const fact = { kind: 'legal-name' as const, value, raw: clip(collapse(raw), 500), source };
      out.push({ fact: { ...fact, context: clip(collapse(ctx), 300), label: '' }, element: el });
    };

    for (const { node, source } of sourcedNodes(root)) {
      const ctx = nodeContext(node);
      const legal = propStrings(node.props.legalName)[0];
      // legalName is the legal name even without a form; `name` only when it carries one.
      const raw = legal ?? (node.types.some((t) => ORG_TYPE.test(t)) ? propStrings(node.props.name)[0] : undefined);
      if (!raw || raw.length > 200) continue;
      const parts = split(raw);
      if (parts) add(parts.name, parts.form, raw, source, null, ctx);
      else if (legal && /\p{L}/u.test(legal)) add(legal, '', legal, source, null, ctx);
    }

    const blocks = new Set<Element>();
    for (const text of visibleTextNodes(root, MAX_TEXT_CHARS)) {
      const el = blockOf(text);
      if (!el || blocks.has(el)) continue;
      blocks.add(el);
      const whole = collapse(el.textContent ?? '').slice(0, MAX_BLOCK_CHARS);
      // Separators that footers put between items ("© 2024 X S.L. | Aviso legal").
      for (const line of whole.split(/\s*[|·•]\s*/)) {
        if (out.length >= MAX_FACTS) break;
        const parts = split(line);
        if (parts) add(parts.name, parts.form, line, 'text', el, whole);
        for (const m of [...line.matchAll(ANCHORED), ...line.matchAll(REGISTERED)]) {
          if (m[1] && m[2] && m[3]) add(m[2], m[3], m[1], 'text', el, whole);
        }
      }
    }
    return out;
  },
};
