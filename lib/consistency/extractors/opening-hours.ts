import type { Extracted, Extractor } from '@/lib/consistency/extractor';
import { readHoursText } from '@/lib/consistency/hours-text';
import { type DataNode, jsonLdNodes, microdataNodes } from '@/lib/consistency/structured-data';
import { DAY_CODES, DAY_MINUTES, formatWeek, type Interval } from '@/lib/consistency/weekly-hours';
import { FactDraft, type FactSource } from '@/lib/model/fact';

/**
 * Opening hours, each schedule as one fact whose `value` is the canonical week of
 * lib/consistency/weekly-hours.ts, so "L-V de 9 a 14 h", "Mon-Fri 9am-2pm" and a JSON-LD
 * `openingHoursSpecification` compare equal. Read in the order of trust: JSON-LD, microdata
 * (`openingHoursSpecification`, `hoursAvailable` of a ContactPoint, `openingHours` strings), then
 * the visible text. In text, consecutive lines (runs of text between block elements) that name days
 * or hours inside one parent element are one schedule: a `<dl>`, a table or a list of day lines.
 */

const MAX_FACTS = 40;
const MAX_LINES = 5000;
const MAX_LINE = 1000;
const BLOCKS = 'address article aside blockquote body caption dd details div dl dt fieldset figcaption figure footer';
const BLOCK = new Set(
  `${BLOCKS} form h1 h2 h3 h4 h5 h6 header li main nav ol p section summary table tbody tr ul`.split(' '),
);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'th', 'caption', 'legend', 'strong', 'b', 'label']);
const SKIP = 'script, style, noscript, template, svg';
/** "Horario", "Opening hours" say these are hours, not what they are for. */
const GENERIC =
  /^(?:nuestro\s+|our\s+)?(?:horarios?(?:\s+de\s+apertura|\s+comercial(?:es)?)?|(?:opening\s+|business\s+|office\s+|store\s+)?hours(?:\s+of\s+(?:business|operation))?|opening\s+times)(?:\s+(?:de(?:l|\s+la)?|of|for))?\s*/i;
const PURPOSE =
  /atenci[oó]n|servicio|tienda|oficina|sede|customer|service|support|store|office|shop|ventas|sales|soporte|tel[eé]fono|phone|chat|call/i;

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** What the hours are for, from a heading or a prefix; '' when it only says "hours". */
function purpose(text: string): string {
  const t = clip(text, 200).replace(/[:\-–—\s]+$/, '');
  if (t.length === 0 || t.length > 80 || /\d/.test(t)) return '';
  const rest = t.replace(GENERIC, '').trim();
  return rest.length > 0 && /\p{L}/u.test(rest) ? clip(rest.charAt(0).toUpperCase() + rest.slice(1), 120) : '';
}

function fact(value: string, raw: string, source: FactSource, context: string, label: string): FactDraft {
  const bounded = { raw: clip(raw, 500), context: clip(context, 300) };
  return FactDraft.parse({ kind: 'opening-hours', value, source, label, ...bounded });
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function propsOf(v: unknown, micro: DataNode[]): Record<string, unknown> | null {
  if (v !== null && typeof v === 'object' && !('tagName' in v)) return v as Record<string, unknown>;
  const el = v as Element;
  return micro.find((n) => n.element === el)?.props ?? null;
}

function clock(v: unknown): number | null {
  const m = /^(\d{1,2}):(\d{2})/.exec(String(v ?? '').trim());
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  return m && h <= 24 && min < 60 ? h * 60 + min : null;
}

/** One OpeningHoursSpecification: closes 00:00 or 23:59 mean midnight, opens = closes = 00:00 closed. */
function specIntervals(spec: Record<string, unknown>): Interval[] {
  const s = clock(spec.opens);
  let e = clock(spec.closes);
  if (s === null || e === null || (s === 0 && e === 0 && spec.closes !== undefined)) return [];
  if (e === 23 * 60 + 59) e = DAY_MINUTES;
  if (e <= s) e += DAY_MINUTES;
  const out: Interval[] = [];
  for (const d of list(spec.dayOfWeek)) {
    const name = String(d)
      .replace(/^.*[/:#]/, '')
      .toLowerCase();
    const i = DAY_CODES.indexOf(name.slice(0, 2) as (typeof DAY_CODES)[number]);
    if (i >= 0 && /day$/.test(name)) out.push([i * DAY_MINUTES + s, i * DAY_MINUTES + e]);
  }
  return out;
}

function fromNode(node: DataNode, micro: DataNode[], source: FactSource): FactDraft[] {
  const p = node.props;
  const open: Interval[] = [];
  const raw: string[] = [];
  for (const v of [...list(p.openingHoursSpecification), ...list(p.hoursAvailable)].slice(0, 50)) {
    const spec = propsOf(v, micro);
    if (!spec) continue;
    open.push(...specIntervals(spec));
    raw.push(`${list(spec.dayOfWeek).map(String).join(',')} ${String(spec.opens ?? '')}-${String(spec.closes ?? '')}`);
  }
  for (const v of list(p.openingHours).slice(0, 20)) {
    if (typeof v !== 'string') continue;
    const read = readHoursText(v, true);
    if (read) open.push(...read.open);
    raw.push(v);
  }
  if (open.length === 0) return [];
  const label = node.types.includes('ContactPoint') ? purpose(String(p.contactType ?? '')) : '';
  const context = `${node.types.join(',')} ${typeof p.name === 'string' ? p.name : ''}`;
  return [fact(formatWeek(open), raw.join('; '), source, context, label)];
}

interface Line {
  el: Element;
  text: string;
}

function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && !BLOCK.has(el.tagName.toLowerCase())) el = el.parentElement;
  return el;
}

/** The page's text cut at block elements, in document order (a table row is one line). */
function lines(root: Document | Element): Line[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Line[] = [];
  for (let n = walker.nextNode(); n && out.length < MAX_LINES; n = walker.nextNode()) {
    const t = n.textContent ?? '';
    if (!/\S/.test(t) || n.parentElement?.closest(SKIP)) continue;
    let el = blockOf(n);
    const row = el?.closest('tr');
    if (row && el && ['td', 'th'].includes(el.tagName.toLowerCase())) el = row;
    else if (el?.tagName.toLowerCase() === 'tr') el = row ?? el;
    if (!el) continue;
    const last = out[out.length - 1];
    if (last?.el === el) last.text = `${last.text} ${t}`.slice(0, MAX_LINE);
    else out.push({ el, text: t.slice(0, MAX_LINE) });
  }
  return out;
}
const HINT = /\d|cerrad|closed|24\s*[/x]\s*7/i;
const TIMEISH = /\d\s*(?:[:.h]\s*\d{2}|[ap]\.?\s?m\b|h\b)|^[\d\s:.,\-–ahy]+$|cerrad|closed|24\s*[/x]\s*7/i;
const DAYISH =
  /\b(lun|mart|mi[eé]r|juev|viern|s[aá]b|dom|mon|tue|wed|thu|fri|sat|sun|laborable|weekday|weekend|semana|diari|daily|todos|every|[LMXJVSD]\s*[-–a,y]\s*[LMXJVSD]\b|\b(Mo|Tu|We|Th|Fr|Sa|Su)\b)/i;

function container(el: Element): Element | null {
  return el.tagName.toLowerCase() === 'tr' ? el.closest('table') : (blockOf(el) ?? el.parentElement);
}

function fromText(root: Document | Element): Extracted[] {
  const all = lines(root);
  const out: Extracted[] = [];
  for (let i = 0; i < all.length && out.length < MAX_FACTS; i++) {
    const first = all[i];
    if (!first || !DAYISH.test(first.text) || !HINT.test(first.text)) continue;
    // Grow the run: the following lines of the same parent that name days or read as times (TIMEISH).
    const group = [first];
    const box = container(first.el);
    while (group.length < 30) {
      const next = all[i + group.length];
      if (!next || container(next.el) !== box || !HINT.test(next.text) || /\d{5,}|@/.test(next.text)) break;
      if (!DAYISH.test(next.text) && !TIMEISH.test(next.text.trim())) break;
      group.push(next);
    }
    const text = group.map((l) => l.text).join(' ; ');
    const read = readHoursText(text);
    if (!read) continue;
    i += group.length - 1;
    const cut = [first.text.search(DAYISH), first.text.search(/\d/)].filter((n) => n >= 0);
    const prefix = first.text.slice(0, Math.min(...cut)).replace(/\s+(?:de|del|from|on|los|las)\s*$/i, '');
    const before = all[i - group.length];
    const heading =
      before && (HEADING.has(before.el.tagName.toLowerCase()) || /:\s*$/.test(before.text)) ? before.text : '';
    const fromPrefix = /:\s*$/.test(prefix) || PURPOSE.test(prefix) ? purpose(prefix) : '';
    const label = fromPrefix || purpose(heading);
    const context = box?.textContent && box.textContent.length < 2000 ? box.textContent : text;
    out.push({
      fact: fact(formatWeek(read.open), text, 'text', context, label),
      element: group.length > 1 ? box : first.el,
    });
  }
  return out;
}

export const openingHoursExtractor: Extractor = {
  kind: 'opening-hours',
  extract(root) {
    const micro = microdataNodes(root);
    const out: Extracted[] = [];
    for (const node of jsonLdNodes(root))
      for (const f of fromNode(node, micro, 'json-ld')) out.push({ fact: f, element: null });
    for (const node of micro)
      for (const f of fromNode(node, micro, 'microdata')) out.push({ fact: f, element: node.element });
    try {
      out.push(...fromText(root));
    } catch {
      // Junk the reader did not foresee must not cost the other facts of the page.
    }
    return out.slice(0, MAX_FACTS);
  },
  readValue(text) {
    const read = readHoursText(text.slice(0, 2000));
    return read ? formatWeek(read.open) : null;
  },
};
