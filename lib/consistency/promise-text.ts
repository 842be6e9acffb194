/**
 * Reading the delivery, response, refund and return times a text promises, Spanish and English,
 * into the value of lib/model/fact.ts: `<what> <min>-<max> <unit>` (`delivery 2-3 wd`,
 * `response 0-24 h`). A time counts only beside a word saying what is promised (entrega, envío,
 * respondemos, reembolso, devolución; delivery, reply, refund, returns) in the same sentence.
 *
 * Decisions, so that the site and an auditor's note land on the same value:
 * - Units: hours `h` (hours stay hours: "24-48 horas" is `24-48 h`, not days); days `d`; working
 *   days (laborables, hábiles, business, working) `wd`; a week is 7 d ("1 semana" → `7-7 d`,
 *   "1-2 weeks" → `7-14 d`); a month 30 d; minutes as a fraction of an hour (`0-0.5 h`).
 * - A range is its two ends ("2 a 3", "24/48", "3-5", "entre 2 y 3"). One figure is a maximum,
 *   with or without a bound word: "en 48 h", "en menos de 48 h", "within 48 hours", "48 h" and a
 *   return window ("30 días para devolverlo", "30-day returns") are all `0-N`, since that is how
 *   shops mean them and so that a site's "en 24 h" and a call's "menos de 24 horas" agree. So "1
 *   semana" is `0-7 d` and a note of "3 días laborables" is `delivery 0-3 wd`.
 * - "Mismo día" / "same day" is `0-0 d`; "al día siguiente" / "next day" is `1-1 d`.
 * - Not promises: a past time ("hace 2 días", "2 days ago"), a clock range ("de 9 a 14 h"),
 *   percentages, a trip's length ("viaje de 7 días"), a warranty ("garantía de 2 años").
 */

export type PromiseWhat = 'delivery' | 'response' | 'refund' | 'return';

export interface FoundPromise {
  start: number;
  end: number;
  what: PromiseWhat;
  value: string;
  raw: string;
  /** The service the time is for, when the sentence names it ("Península", "Express"). */
  label: string;
}

const WORDS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  one: 1,
  a: 1,
  an: 1,
  dos: 2,
  two: 2,
  tres: 3,
  three: 3,
  cuatro: 4,
  four: 4,
  cinco: 5,
  five: 5,
  seis: 6,
  six: 6,
  siete: 7,
  seven: 7,
  ocho: 8,
  eight: 8,
  diez: 10,
  ten: 10,
  catorce: 14,
  fourteen: 14,
  quince: 15,
  fifteen: 15,
  treinta: 30,
  thirty: 30,
};
const N = `(?:\\d{1,3}(?![:.,]\\d)|${Object.keys(WORDS).join('|')})`;
const BOUND =
  '(?:(?:en\\s+)?(?:menos\\s+de|un\\s+(?:plazo\\s+)?m[aá]ximo\\s+de|(?:como\\s+)?m[aá]x(?:imo|\\.)?(?:\\s+de)?|hasta|no\\s+m[aá]s\\s+de|un\\s+plazo\\s+(?:m[aá]ximo\\s+)?de|plazo\\s+(?:m[aá]ximo\\s+)?de|antes\\s+de)|within|less\\s+than|under|up\\s+to|no\\s+more\\s+than|in\\s+under|in\\s+less\\s+than|max(?:imum|\\.)?(?:\\s+of)?)';
const UNIT =
  '(?<unit>d[ií]as?\\s+(?:laborables|h[aá]biles|naturales)|(?:business|working)[\\s-]+days?|d[ií]as?|days?|horas?|hours?|hrs?|h|semanas?|weeks?|mes(?:es)?|months?|minutos?|minutes?|mins?)';
const QTY = new RegExp(
  `(?<![\\p{L}\\d])(?:(?<bound>${BOUND})\\s+)?(?:entre\\s+|between\\s+)?(?<a>${N})(?:\\s*(?:-|–|/|a|al|to|y|and|or|o)\\s*(?<b>${N}))?\\s*-?\\s*${UNIT}(?![\\p{L}])` +
    `|(?<same>mismo\\s+d[ií]a|same[\\s-]day)|(?<next>d[ií]a\\s+siguiente|next[\\s-](?:business\\s+|working\\s+)?day)`,
  'giu',
);
/** What is promised, most specific first (a "devolución del importe" is a refund, not a return). */
const WHAT = new RegExp(
  `(?<![\\p{L}])(?:${[
    '(?<refund>reembols\\w*|devoluci[oó]n\\s+del?\\s+(?:importe|dinero)|devolvemos\\s+(?:el|tu|su)\\s+(?:dinero|importe)|refund\\w*|money[\\s-]back)',
    '(?<response>devolvemos\\s+la\\s+llamada|respond\\w*|respuestas?|contest\\w*|repl(?:y|ies|ied)|response|get\\s+back\\s+to|answer\\w*|atendemos|(?:te|le|les|os)\\s+llam\\w*|call\\s+you\\s+back|nos\\s+pondremos\\s+en\\s+contacto)',
    // Not "llegada" / "arrival": on a travel site they are the trip's, not a parcel's.
    '(?<delivery>entreg\\w*|llevamos|env[ií]\\w*|recib\\w*|despach\\w*|deliver\\w*|shipping|ships?|shipped|dispatch\\w*|get\\s+it)',
    '(?<return>devoluci[oó]n|devoluciones|devolver\\w*|returns?|returned|send\\s+(?:it|them|items?)\\s+back|cambios)',
  ].join('|')})`,
  'giu',
);
const LABEL =
  /(?<![\p{L}])(est[aá]ndar|standard|express|expr[eé]s|urgente|premium|econ[oó]mic[oa]|economy|pen[ií]nsula|peninsular|baleares|canarias|internacional|international|nacional|domestic|europa|europe|mainland)(?![\p{L}])/iu;
const PAST_BEFORE = /\b(?:hace|desde\s+hace)\s*$/i;
const PAST_AFTER = /^\s*(?:ago|atr[aá]s)\b/i;
const CLOCK_BEFORE = /(?:\b(?:de|desde|from|between|entre\s+las|las|a\s+las|at)\s*)$/i;
/** "30 days before departure", "30 días antes": a deadline, not a time to wait. */
const DEADLINE_AFTER = /^\s*(?:before|prior|antes|de\s+antelaci[oó]n|in\s+advance|previos?)\b/i;
/** "Order within 2 hours for…", "pide en las próximas 3 horas": a countdown to act, not a promise. */
const COUNTDOWN_BEFORE =
  /\b(?:order|pide(?:lo|la)?|compra|haz\s+tu\s+pedido)\s+(?:(?:en\s+)?las\s+pr[oó]ximas\s+|the\s+next\s+)?$/i;
/** "7 días a la semana", "24 hours a day": how often, not how long. */
const FREQ_AFTER = /^\s*(?:a|al|por|per|a\s+la|each|every)\s+(?:semana|week|d[ií]a|day|mes|month|a[nñ]o|year)\b/i;
const MAX_BEFORE = 80;
const MAX_AFTER = 40;

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = /^\d+$/.test(s) ? Number(s) : WORDS[s.toLowerCase()];
  return n === undefined || !Number.isFinite(n) ? null : n;
}

/** [factor, unit]: how to write an amount of this unit in the value's units. */
function unitOf(u: string): [number, 'h' | 'd' | 'wd'] {
  const w = u.toLowerCase();
  if (/laborables|h[aá]biles|business|working/.test(w)) return [1, 'wd'];
  if (/^(?:d[ií]as?|days?)/.test(w)) return [1, 'd'];
  if (/^(?:semanas?|weeks?)$/.test(w)) return [7, 'd'];
  if (/^(?:mes(?:es)?|months?)$/.test(w)) return [30, 'd'];
  if (/^(?:minutos?|minutes?|mins?)$/.test(w)) return [1 / 60, 'h'];
  return [1, 'h'];
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** The nearest word saying what is promised: before the time in its sentence, or just after it. */
function whatOf(sentence: string, start: number, end: number): PromiseWhat | null {
  let best: PromiseWhat | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const m of sentence.matchAll(WHAT)) {
    const at = m.index ?? 0;
    const stop = at + m[0].length;
    const dist = stop <= start ? start - stop : at >= end ? at - end : 0;
    if ((stop <= start && dist > MAX_BEFORE) || (at >= end && dist > MAX_AFTER) || dist >= bestDist) continue;
    const g = m.groups ?? {};
    best = g.refund ? 'refund' : g.response ? 'response' : g.delivery ? 'delivery' : 'return';
    bestDist = dist;
  }
  return best;
}

/** The promises of one sentence; `fallback` names what an untyped time is about (a note). */
function inSentence(s: string, offset: number, fallback: PromiseWhat | null, out: FoundPromise[]): void {
  for (const m of s.matchAll(QTY)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = s.slice(0, start);
    const after = s.slice(end);
    if (PAST_BEFORE.test(before) || COUNTDOWN_BEFORE.test(before) || PAST_AFTER.test(after)) continue;
    if (FREQ_AFTER.test(after) || DEADLINE_AFTER.test(after)) continue;
    const what = whatOf(s, start, end) ?? fallback;
    if (!what) continue;
    let lo: number;
    let hi: number;
    let unit: string;
    if (g.same || g.next) {
      lo = hi = g.same ? 0 : 1;
      unit = /business|working/i.test(g.next ?? '') ? 'wd' : 'd';
    } else {
      const a = num(g.a);
      const b = num(g.b);
      // A spelled number counts after "en"/"in"/"within" or a bound: "a día de hoy" is today, and
      // "24 hours a day" says how often.
      if (a === null || (/^\D/.test(g.a ?? '') && !g.bound && !/\b(?:en|in|within)\s+$/i.test(before))) continue;
      const [factor, u] = unitOf(g.unit ?? '');
      unit = u;
      // "de 9 a 14 h": a clock range, not a time to wait.
      if (u === 'h' && factor === 1 && !g.bound && CLOCK_BEFORE.test(before) && (b ?? a) <= 24) continue;
      lo = (b === null ? 0 : a) * factor;
      hi = (b ?? a) * factor;
      if (hi < lo || hi > 10_000) continue;
    }
    const label = LABEL.exec(s)?.[1] ?? '';
    out.push({
      start: offset + start,
      end: offset + end,
      what,
      value: `${what} ${fmt(lo)}-${fmt(hi)} ${unit}`,
      raw: m[0].trim(),
      label: label ? label.charAt(0).toUpperCase() + label.slice(1) : '',
    });
  }
}

/** Sentences: cut at . ! ? ; and line breaks (not inside "24.5" or "Avda."-like abbreviations). */
const SENTENCE = /[^.!?;\n]+(?:[.!?;](?=\S)[^.!?;\n]*)*[.!?;]?/g;

export function findPromises(text: string, fallback: PromiseWhat | null = null, max = 100): FoundPromise[] {
  const out: FoundPromise[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    if (out.length >= max) break;
    if (!/\d|mismo|same|siguiente|next|\b(?:un|una|one|an?)\b|semana|week/i.test(m[0])) continue;
    inSentence(m[0].slice(0, 1000), m.index ?? 0, fallback, out);
  }
  return out.slice(0, max);
}

/** What a person noted ("3 días laborables", "nos responden en 48 h"): untyped times are deliveries. */
export function readPromise(text: string): string | null {
  return findPromises(text.slice(0, 2000), 'delivery', 1)[0]?.value ?? null;
}
