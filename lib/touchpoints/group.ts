import { type Channel, Touchpoint } from '@/lib/model';
import { guessStage } from '@/lib/touchpoints/stage';
import { indexByPattern, type PatternIndex } from '@/lib/touchpoints/pattern-index';
import { isLocale, patternOf, splitPattern, TAIL } from '@/lib/touchpoints/url-pattern';

/**
 * Web touchpoints as a walk reaches pages: each page joins the touchpoint one of whose patterns
 * it matches, or starts a new one. The auditor then merges (all product slugs are one template)
 * and splits (a pattern grouped by mistake). Pure: every function returns new objects.
 */

export interface Assignment {
  touchpoint: Touchpoint;
  created: boolean;
}

/**
 * Past this many touchpoints in an audit, a new page starts no touchpoint of its own: it joins
 * one of its parent path (`shop.example/blog/*`), made when needed and marked `grouped`. A site
 * that pushState()s to thousands of paths would otherwise make thousands of touchpoints.
 */
export const TOUCHPOINT_CAP = 300;
/** Past this many, every further new page of a host joins one touchpoint (`shop.example/**`). */
export const TOUCHPOINT_HARD_CAP = 400;

/** The pattern a new page starts: its own, or past the caps one that groups it with others. */
function newPattern(own: string, count: number): { pattern: string; grouped: boolean } {
  if (count < TOUCHPOINT_CAP) return { pattern: own, grouped: false };
  const { host, segments } = splitPattern(own);
  if (count >= TOUCHPOINT_HARD_CAP) return { pattern: `${host}/${TAIL}`, grouped: true };
  // The root page has no parent: it is one page per host, and stays its own.
  if (segments.length === 0) return { pattern: own, grouped: false };
  return { pattern: `${host}/${[...segments.slice(0, -1), '*'].join('/')}`, grouped: true };
}

/** `m.` and `mobile.` hosts serve the mobile site: another channel to compare the web with. */
function channelOfHost(host: string): Channel {
  return /^(m|mobile)\./.test(host) ? 'mobile-web' : 'web';
}

/** Site names trail titles after a spaced separator: "Cart — Ventura", "Cart | Ventura". */
const SITE_SUFFIX = /\s+(?:[—–|·•-]|::)\s+(?!.*\s(?:[—–|·•-]|::)\s)/;

/**
 * The title without its trailing site name: only the last segment goes, so "Step 2 - Checkout -
 * Shop" keeps "Step 2 - Checkout". A title that is only a site name stays whole.
 */
export function nameFromTitle(title: string): string {
  const clean = typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() : '';
  const cut = SITE_SUFFIX.exec(clean);
  const name = cut && cut.index > 0 ? clean.slice(0, cut.index) : clean;
  return name.slice(0, 200).trim();
}

/** The last word-like segment of a pattern, readable: `/es/mi-cuenta/pedidos/:id` → "Pedidos". */
export function nameFromPattern(pattern: string): string {
  const { host, segments } = splitPattern(pattern);
  const named = segments.filter((s, i) => !s.startsWith(':') && s !== '*' && s !== TAIL && !(i === 0 && isLocale(s)));
  const last = (named.at(-1) ?? '')
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[-_+.\s]+/g, ' ')
    .trim();
  const name = last === '' ? host : last.charAt(0).toUpperCase() + last.slice(1);
  return name.slice(0, 200).trim() || 'Page';
}

/**
 * The touchpoint among `list` whose patterns match a page best: exact patterns before
 * wildcards, fewer wildcards before more, the earlier touchpoint of the list on a tie. Undefined
 * when none matches (or the URL is no web page). Give an index (lib/touchpoints/pattern-index.ts)
 * when looking up many pages.
 */
export function bestTouchpoint(url: string, list: readonly Touchpoint[] | PatternIndex): Touchpoint | undefined {
  return ('best' in list ? list : indexByPattern(list)).best(url);
}

/**
 * The touchpoint a visited page belongs to, created when none of the audit's touchpoints match
 * (past the caps, one that groups it: see TOUCHPOINT_CAP). Null for a URL that is no web page
 * (patternOf gives ''): it belongs to no web touchpoint. `existing` is the audit's touchpoints, as
 * a list or an index of them; an index given is kept current (the new touchpoint is added).
 */
export function assignTouchpoint(
  url: string,
  title: string,
  existing: readonly Touchpoint[] | PatternIndex,
  ids: () => string,
  now: number,
  auditId: string,
): Assignment | null {
  const own = patternOf(url);
  if (own === '') return null;
  const index = 'best' in existing ? existing : indexByPattern(existing.filter((t) => t.auditId === auditId));
  const best = index.best(url);
  if (best) return { touchpoint: best, created: false };
  const { stage } = guessStage(url, title);
  const { pattern, grouped } = newPattern(own, index.size);
  const touchpoint = Touchpoint.parse({
    id: ids(),
    auditId,
    // A group is named for its pattern: the first page's title would name the others wrongly.
    name: (!grouped && nameFromTitle(title)) || nameFromPattern(pattern),
    channel: channelOfHost(splitPattern(own).host),
    stage,
    stageGuessed: true,
    patterns: [pattern],
    ...(grouped ? { grouped: true } : {}),
    createdAt: now,
  });
  index.add(touchpoint);
  return { touchpoint, created: true };
}

/** `b` folded into `a`: a's identity, name, channel and stage, with both sets of patterns. */
export function mergeTouchpoints(a: Touchpoint, b: Touchpoint): Touchpoint {
  // Touchpoints of two audits never meet in one list; merging them is a caller's bug.
  if (a.auditId !== b.auditId) throw new Error(`Touchpoints of two audits: ${a.auditId}, ${b.auditId}`);
  return { ...a, patterns: [...new Set([...a.patterns, ...b.patterns])] };
}

/**
 * One pattern moved out of a touchpoint into a new one, named from the pattern. A stage the
 * auditor set is kept (the pages were judged together); a guessed one is guessed again for the
 * pattern alone. Null when the pattern is not the touchpoint's, or is its only one: nothing to split.
 */
export function splitTouchpoint(
  tp: Touchpoint,
  pattern: string,
  ids: () => string,
  now: number,
): { kept: Touchpoint; created: Touchpoint } | null {
  if (!tp.patterns.includes(pattern) || tp.patterns.length < 2) return null;
  const { host } = splitPattern(pattern);
  const created = Touchpoint.parse({
    id: ids(),
    auditId: tp.auditId,
    name: nameFromPattern(pattern),
    channel: tp.channel === 'web' || tp.channel === 'mobile-web' ? channelOfHost(host) : tp.channel,
    stage: tp.stageGuessed ? guessStage(`https://${pattern}`, '').stage : tp.stage,
    stageGuessed: tp.stageGuessed,
    patterns: [pattern],
    createdAt: now,
  });
  return { kept: { ...tp, patterns: tp.patterns.filter((p) => p !== pattern) }, created };
}
