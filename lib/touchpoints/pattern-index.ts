import type { Touchpoint } from '@/lib/model';
import { patternOf, splitPattern, TAIL } from '@/lib/touchpoints/url-pattern';

interface Entry {
  touchpoint: Touchpoint;
  /** Position in the list the index was built from: the earlier touchpoint wins a tie. */
  order: number;
  /** The pattern's path segments (less a final `**`). */
  segments: string[];
  score: number;
}

/**
 * An audit's touchpoints indexed by pattern, so that finding a page's touchpoint costs a map look-up
 * and a few wildcard patterns of its host, not a scan of every pattern of every touchpoint (a site
 * whose pages pushState to thousands of paths made each visit scan them all).
 */
export interface PatternIndex {
  /** The touchpoint whose patterns match the page best (see group.ts), or undefined. */
  best(url: string): Touchpoint | undefined;
  add(touchpoint: Touchpoint): void;
  /** How many touchpoints it holds. */
  readonly size: number;
}

/** Exact patterns beat wildcards, fewer wildcards beat more, a final `**` is the last resort. */
function scoreOf(segments: string[], tail: boolean): number {
  return 1 + segments.filter((s) => s === '*').length + (tail ? 10_000 : 0);
}

export function indexByPattern(list: readonly Touchpoint[] = []): PatternIndex {
  /** Patterns without wildcards, by `host/segments` (a pattern written `host` is `host/`). */
  const exact = new Map<string, Entry[]>();
  /** Wildcard patterns by `host` and segment count; tail patterns (`…/**`) by host. */
  const wild = new Map<string, Entry[]>();
  const tails = new Map<string, Entry[]>();
  let size = 0;

  function add(touchpoint: Touchpoint): void {
    const order = size++;
    for (const pattern of touchpoint.patterns) {
      const { host, segments } = splitPattern(pattern);
      const tail = segments.at(-1) === TAIL;
      const fixed = tail ? segments.slice(0, -1) : segments;
      if (!tail && !fixed.includes('*')) {
        const key = `${host}/${fixed.join('/')}`;
        // Written as patternOf writes it, a pattern is exact; written otherwise it ranks as a wildcard would.
        const entries = exact.get(key) ?? [];
        entries.push({ touchpoint, order, segments: fixed, score: key === pattern ? 0 : 1 });
        exact.set(key, entries);
        continue;
      }
      const key = tail ? host : `${host}\n${fixed.length}`;
      const into = tail ? tails : wild;
      const entries = into.get(key) ?? [];
      entries.push({ touchpoint, order, segments: fixed, score: scoreOf(fixed, tail) });
      into.set(key, entries);
    }
  }

  for (const t of list) add(t);

  return {
    add,
    get size() {
      return size;
    },
    best(url) {
      const own = patternOf(url);
      if (own === '') return undefined;
      const { host, segments } = splitPattern(own);
      let best: Entry | undefined;
      const consider = (e: Entry) => {
        if (!e.segments.every((s, i) => s === '*' || s === segments[i])) return;
        if (!best || e.score < best.score || (e.score === best.score && e.order < best.order)) best = e;
      };
      for (const e of exact.get(own) ?? []) consider(e);
      if (best?.score === 0) return best.touchpoint;
      for (const e of wild.get(`${host}\n${segments.length}`) ?? []) consider(e);
      for (const e of tails.get(host) ?? []) if (e.segments.length <= segments.length) consider(e);
      return best?.touchpoint;
    },
  };
}
