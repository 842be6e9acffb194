import { ALL, FILLER, MONTHS, PROMISE, type Tok, tokenize, UNITS } from '@/lib/consistency/hours-tokens';
import { DAY_MINUTES, type Interval, normaliseWeek } from '@/lib/consistency/weekly-hours';

/**
 * Reads opening hours written for people (Spanish and English) or as schema.org `openingHours`
 * (`Mo-Fr 09:00-17:00`) into the open minutes of a week. It is a small state machine over tokens
 * (days, times, range and list words, "closed"), so that "L-V de 9 a 14 h y de 16 a 19 h",
 * "Mon-Fri 9am-5pm" and "Sábados 10:00–14:00" all land on the same mask. What is not a schedule
 * must stay out: a range of bare numbers counts as hours only beside a day and not followed by a
 * unit, a month or a currency ("entrega en 24-48 horas", "del 1 al 15 de agosto", "10-20 %").
 */

type TimeTok = Extract<Tok, { t: 'time' }>;

function hour24(k: TimeTok): number {
  if (k.ap === 'p' && k.m < 720) return k.m + 720;
  if (k.ap === 'a' && k.m >= 720) return k.m - 720;
  return k.m;
}

/** An open interval of one day from two times; a close at or before the open runs past midnight. */
function span(a: TimeTok, b: TimeTok): Interval | null {
  const s = hour24(a);
  let e = hour24(b);
  if (s >= DAY_MINUTES) return null;
  // "Sat 10-2", "9-5": bare hours read as the afternoon when that makes a plausible day.
  if (b.bare && !a.ap && e <= s && e < 720 && e + 720 > s) e += 720;
  if (e === DAY_MINUTES && s === 0) return [0, DAY_MINUTES];
  if (e <= s) e += DAY_MINUTES;
  return e - s > DAY_MINUTES ? null : [s, e];
}

function wordAt(toks: Tok[], i: number): string {
  const k = toks[i];
  return k?.t === 'word' ? k.w : (k?.t ?? '');
}

/** A bare range followed by a unit or a month, or after "en"/"within", is a quantity or a date. */
function quantity(toks: Tok[], start: number, end: number): boolean {
  let j = end + 1;
  while (wordAt(toks, j) === 'de' || wordAt(toks, j) === 'of') j++;
  const next = wordAt(toks, j);
  const prev = [wordAt(toks, start - 1), wordAt(toks, start - 2)];
  return UNITS.test(next) || MONTHS.test(next) || prev.some((p) => PROMISE.has(p));
}

export interface ReadHours {
  /** Open minutes of the week, normalised. */
  open: Interval[];
  /** Day and time tokens read, to tell a schedule from prose that names a day. */
  rules: number;
}

/** The schedule a text states, or null when it states no open hours for any day. */
export function readHoursText(text: string, schema = false): ReadHours | null {
  const toks = tokenize(text, schema);
  const open: Interval[] = [];
  const closedDays = new Set<number>();
  let days: number[] = [];
  let ivs: Interval[] = [];
  let closed = false;
  let timesFirst = false;
  let dayRange = false;
  let lastDay = -1;
  let rules = 0;
  let idle = 0;
  const flush = () => {
    if (days.length > 0 && ivs.length > 0) {
      rules++;
      for (const d of days) for (const [s, e] of ivs) open.push([d * DAY_MINUTES + s, d * DAY_MINUTES + e]);
    } else if (days.length > 0 && closed) for (const d of days) closedDays.add(d);
    days = [];
    ivs = [];
    closed = false;
    timesFirst = false;
    dayRange = false;
  };
  for (let i = 0; i < toks.length; i++) {
    const k = toks[i];
    if (!k) continue;
    if (k.t === 'word') {
      if (!FILLER.has(k.w) && ++idle > 5) flush();
      if (!FILLER.has(k.w)) dayRange = false;
      continue;
    }
    idle = 0;
    if (k.t === 'day') {
      // "sábado 12 de 10 a 14 h", "lunes 5 de mayo": a day with its date is an event, not a week.
      const nx = toks[i + 1];
      if (nx?.t === 'time' && nx.bare && toks[i + 2]?.t !== 'range') {
        i++;
        continue;
      }
      if (days.length > 0 && !dayRange && (closed || (ivs.length > 0 && !timesFirst))) flush();
      const first = k.days[0] ?? 0;
      if (dayRange && lastDay >= 0) for (let d = lastDay; d !== first; d = (d + 1) % 7) days.push(d);
      days.push(...k.days);
      lastDay = k.days[k.days.length - 1] ?? first;
      dayRange = toks[i + 1]?.t === 'range';
      if (dayRange) i++;
    } else if (k.t === 'time') {
      const start = i;
      let j = i + 1;
      while (wordAt(toks, j) === 'las' || wordAt(toks, j) === 'la') j++;
      if (toks[j]?.t !== 'range') continue;
      j++;
      while (wordAt(toks, j) === 'las' || wordAt(toks, j) === 'la') j++;
      const b = toks[j];
      if (b?.t !== 'time') continue;
      i = j;
      const iv = span(k, b);
      if (!iv || (k.bare && b.bare && quantity(toks, start, j))) continue;
      if (timesFirst && days.length > 0) flush();
      if (days.length === 0) timesFirst = true;
      ivs.push(iv);
    } else if (k.t === 'allday') {
      if (!PROMISE.has(wordAt(toks, i - 1)) && !PROMISE.has(wordAt(toks, i - 2))) ivs.push([0, DAY_MINUTES]);
    } else if (k.t === 'always') {
      flush();
      days = [...ALL];
      ivs = [[0, DAY_MINUTES]];
      flush();
    } else if (k.t === 'closed' || k.t === 'except') {
      if (ivs.length > 0 || k.t === 'except') flush();
      closed = true;
    } else if (k.t === 'break') {
      dayRange = false;
    }
  }
  flush();
  if (rules === 0) return null;
  const kept = open.filter(([s]) => !closedDays.has(Math.floor(s / DAY_MINUTES)));
  return { open: normaliseWeek(kept), rules };
}
