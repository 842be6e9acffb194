/**
 * The words of opening hours in Spanish and English, as tokens for lib/consistency/hours-text.ts:
 * days (with the weak ones that are also ordinary words), times ("9", "9:30", "9h", "9 a.m."),
 * range and list words, "closed", and breaks (dates, long numbers) that a range must not cross.
 */

export type Tok =
  | { t: 'day'; days: number[]; weak: boolean; code?: 'pair' | 'letter' }
  | { t: 'time'; m: number; bare: boolean; ap: string }
  | { t: 'range' | 'list' | 'closed' | 'except' | 'allday' | 'always' | 'break' }
  | { t: 'word'; w: string };

const MAX_TEXT = 4000;
export const ALL = [0, 1, 2, 3, 4, 5, 6];
/** Words for each day (index 0 = Monday) and for groups of days, accents already stripped. */
const DAY_WORDS = words(
  'lunes lun monday mon|martes tuesday tue tues|miercoles mie mier wednesday wed|jueves jue thursday thu thur thurs|' +
    'viernes vie friday fri|sabado sab saturday sat|domingo dom sunday sun',
  { laborables: [0, 1, 2, 3, 4], weekday: [0, 1, 2, 3, 4], weekdays: [0, 1, 2, 3, 4], finde: [5, 6] },
);
/** Day names that are also ordinary words ("tu", "mar", "we", "S.L."): days only beside another. */
const WEAK_DAYS = words('l mo|m mar tu|x we|j th|v fr|s sa|d su', {});
const GROUPS = { weekend: [5, 6], weekends: [5, 6], diario: ALL };
for (const [w, d] of Object.entries(GROUPS)) DAY_WORDS.set(w, d);

function words(days: string, groups: Record<string, number[]>): Map<string, number[]> {
  const map = new Map<string, number[]>(Object.entries(groups));
  days.split('|').forEach((names, d) => {
    for (const w of names.split(' ')) map.set(w, [d]);
  });
  return map;
}
const CODES = new Set(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);
const RANGE = new Set(['-', '–', '—', '‐', '‑', 'a', 'al', 'to', 'through', 'thru', 'hasta', 'until', 'till']);
const LIST = new Set([',', 'y', 'e', 'and', '&', '/', '+', ';', '|']);
const CLOSED = new Set(['cerrado', 'cerrados', 'cerrada', 'cerradas', 'closed', 'cerramos']);
const EXCEPT = new Set(['excepto', 'salvo', 'except']);
export const FILLER = new Set(
  (
    'de del desde las la los el from on the h hrs horario horarios hours hour abierto abiertos open opening ' +
    'apertura of festivos holidays public por manana tarde noche morning afternoon evening at every y'
  ).split(' '),
);
/** After a bare range these make it a quantity, not hours. */
export const UNITS =
  /^(dias?|days?|semanas?|weeks?|mes(es)?|months?|minutos?|mins?|minutes?|anos?|years?|euros?|eur|usd|%|€|\$|£|uds?|unidades|units?|personas|people|km|kg)$/;
export const MONTHS =
  /^(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december)$/;
/** Before a range or "24 h" these make it a promise of time ("en 24 horas", "within 48 hours"). */
export const PROMISE = new Set([
  'en',
  'in',
  'within',
  'plazo',
  'menos',
  'less',
  'than',
  'antes',
  'before',
  'tras',
  'after',
]);

const TOKEN =
  /(\d{1,4})([-/.])\d{1,2}\2\d{1,4}|24\s*[/x]\s*7|(\d{1,2})(?:(?:[:.]|h)(\d{2}))?(?!\d)(?:\s*(?:([ap])\.?\s?m\b\.?|(h)(?:rs?|oras?|ours?)?\b\.?))?|\d+|\p{L}+|[-–—‐‑/,&;+|%€$£]/gu;

export function tokenize(input: string, schema: boolean): Tok[] {
  const text = input
    .slice(0, MAX_TEXT)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\bfin(es)? de semana\b/gi, 'finde')
    .replace(/\b(dias )?(laborables|entre semana)\b/gi, 'laborables')
    .replace(
      /\b(todos los dias|cada dia|diariamente|daily|every ?day|(7|siete) dias a la semana|(7|seven) days a week)\b/gi,
      'diario',
    );
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const s = m[0];
    const w = s.toLowerCase();
    const named = DAY_WORDS.get(w) ?? DAY_WORDS.get(w.replace(/s$/, ''));
    const weak = WEAK_DAYS.get(w)?.[0];
    if (m[1] !== undefined || /^\d{3,}$/.test(s)) toks.push({ t: 'break' });
    else if (/^24\s*[/x]\s*7$/.test(w)) toks.push({ t: 'always' });
    else if (m[3] !== undefined) {
      const h = Number(m[3]);
      const min = m[4] === undefined ? 0 : Number(m[4]);
      const ap = m[5] ?? '';
      if (h === 24 && m[4] === undefined && m[6]) toks.push({ t: 'allday' });
      else if (h > 24 || min > 59 || (h === 24 && min > 0) || (ap && (h > 12 || h === 0))) toks.push({ t: 'break' });
      else toks.push({ t: 'time', m: h * 60 + min, bare: m[4] === undefined && !ap && !m[6], ap });
    } else if (/^\d+$/.test(s)) toks.push({ t: 'break' });
    else if (named) toks.push({ t: 'day', days: named, weak: false });
    else if (weak !== undefined)
      toks.push({
        t: 'day',
        days: [weak],
        weak: !(schema && CODES.has(w)),
        code: /^(Mo|Tu|We|Th|Fr|Sa|Su)$/.test(s) ? 'pair' : /^[LMXJVSD]$/.test(s) ? 'letter' : undefined,
      });
    else if (w === 'noon' || w === 'mediodia') toks.push({ t: 'time', m: 720, bare: false, ap: '' });
    else if (w === 'midnight' || w === 'medianoche') toks.push({ t: 'time', m: 0, bare: false, ap: '' });
    else if (RANGE.has(w)) toks.push({ t: 'range' });
    else if (LIST.has(w)) toks.push({ t: 'list' });
    else if (CLOSED.has(w)) toks.push({ t: 'closed' });
    else if (EXCEPT.has(w)) toks.push({ t: 'except' });
    else toks.push({ t: 'word', w });
  }
  // A weak day stays a day only when a range or list word joins it to another day ("L-V", "Mo,We"),
  // or, for a code written "Sa", when the text already wrote days as such codes ("Mo-Fr 9-17 Sa 10-14").
  const joined = (j: number, sep: number) =>
    (toks[sep]?.t === 'range' || toks[sep]?.t === 'list') && toks[j]?.t === 'day';
  const kept = toks.map((k, i) => k.t !== 'day' || !k.weak || joined(i - 2, i - 1) || joined(i + 2, i + 1));
  const codes = toks.some((k, i) => k.t === 'day' && k.code && kept[i]);
  // A capital letter ("y S de 10 a 14 h", after "L-V") is a day only right before its hours.
  const timed = (i: number) => toks[i + (toks[i + 1]?.t === 'word' ? 2 : 1)]?.t === 'time';
  const coded = (k: Tok, i: number) => k.t === 'day' && (k.code === 'pair' || (k.code === 'letter' && timed(i)));
  return toks.map((k, i) => (kept[i] || (codes && coded(k, i)) ? k : { t: 'word', w: '' }));
}
