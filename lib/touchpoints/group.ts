import { type Channel, Touchpoint } from '@/lib/model';
import { guessStage } from '@/lib/touchpoints/stage';
import { isLocale, matchesPattern, patternOf, splitPattern } from '@/lib/touchpoints/url-pattern';

/**
 * Web touchpoints as a walk reaches pages: each page joins the touchpoint one of whose patterns
 * it matches, or starts a new one. The auditor then merges (all product slugs are one template)
 * and splits (a pattern grouped by mistake). Pure: every function returns new objects.
 */

export interface Assignment {
  touchpoint: Touchpoint;
  created: boolean;
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
  const named = segments.filter((s, i) => !s.startsWith(':') && s !== '*' && !(i === 0 && isLocale(s)));
  const last = (named.at(-1) ?? '')
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[-_+.\s]+/g, ' ')
    .trim();
  const name = last === '' ? host : last.charAt(0).toUpperCase() + last.slice(1);
  return name.slice(0, 200).trim() || 'Page';
}

/** Exact patterns beat wildcards, fewer wildcards beat more; ties go to the older touchpoint. */
function specificity(own: string, pattern: string): number {
  return own === pattern ? 0 : 1 + splitPattern(pattern).segments.filter((s) => s === '*').length;
}

/**
 * The touchpoint among `list` whose patterns match a page best: exact patterns before
 * wildcards, the older touchpoint on a tie. Undefined when none matches (or the URL is no web page).
 */
export function bestTouchpoint(url: string, list: readonly Touchpoint[]): Touchpoint | undefined {
  const own = patternOf(url);
  if (own === '') return undefined;
  let best: { touchpoint: Touchpoint; score: number } | undefined;
  for (const touchpoint of list) {
    for (const pattern of touchpoint.patterns) {
      if (!matchesPattern(url, pattern)) continue;
      const score = specificity(own, pattern);
      if (!best || score < best.score) best = { touchpoint, score };
    }
  }
  return best?.touchpoint;
}

/**
 * The touchpoint a visited page belongs to, created when none of the audit's touchpoints match.
 * Null for a URL that is no web page (patternOf gives ''): it belongs to no web touchpoint.
 */
export function assignTouchpoint(
  url: string,
  title: string,
  existing: readonly Touchpoint[],
  ids: () => string,
  now: number,
  auditId: string,
): Assignment | null {
  const own = patternOf(url);
  if (own === '') return null;
  const best = bestTouchpoint(
    url,
    existing.filter((t) => t.auditId === auditId),
  );
  if (best) return { touchpoint: best, created: false };
  const { stage } = guessStage(url, title);
  const touchpoint = Touchpoint.parse({
    id: ids(),
    auditId,
    name: nameFromTitle(title) || nameFromPattern(own),
    channel: channelOfHost(splitPattern(own).host),
    stage,
    stageGuessed: true,
    patterns: [own],
    createdAt: now,
  });
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
