import { gzip } from '@/lib/codec/gzip';
import { storeFlushed } from '@/lib/db/recording';
import type { Touchpoint } from '@/lib/model';
import { listTouchpoints } from '@/lib/read/touchpoints';
import { listSteps } from '@/lib/read/walks';
import { assignTouchpoint, bestTouchpoint, TOUCHPOINT_CAP, TOUCHPOINT_HARD_CAP } from '@/lib/touchpoints/group';
import { indexByPattern } from '@/lib/touchpoints/pattern-index';
import { matchesPattern, patternOf } from '@/lib/touchpoints/url-pattern';
import { batchOf, freshDb, numberedEvents, seedWalk, TAB } from '../support/seed';

const AUDIT = 'audit-1';

/** A word of letters only (`a`, `b`, … `ba`): patternOf keeps it, where digits would become `:id`. */
function word(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `page${s}`;
}

/** Every URL visited in order, through one index as a flush does; the touchpoint each joined. */
function visitAll(urls: readonly string[]) {
  let n = 0;
  const index = indexByPattern();
  const created: Touchpoint[] = [];
  const joined = urls.map((url) => {
    const a = assignTouchpoint(url, `Title of ${url}`, index, () => `tp-${++n}`, 1, AUDIT);
    if (a?.created) created.push(a.touchpoint);
    return a?.touchpoint;
  });
  return { created, joined, index };
}

describe('touchpoints of a site that pushState()s to thousands of paths', () => {
  it('5,000 sibling paths: the first ones each start a touchpoint, the rest join one of their parent path', () => {
    const urls = Array.from({ length: 5_000 }, (_, i) => `https://spa.example/shop/${word(i)}?i=${i}`);
    const { created, joined } = visitAll(urls);
    expect(created).toHaveLength(TOUCHPOINT_CAP + 1);
    // No page is dropped: each belongs to a touchpoint whose pattern it matches.
    joined.forEach((tp, i) => {
      expect(tp?.patterns.some((p) => matchesPattern(urls[i] as string, p))).toBe(true);
    });
    const group = created.at(-1);
    expect(group).toMatchObject({ patterns: ['spa.example/shop/*'], grouped: true, name: 'Shop' });
    expect(created.filter((t) => t.grouped)).toHaveLength(1);
    expect(joined.filter((t) => t === group)).toHaveLength(5_000 - TOUCHPOINT_CAP);
  });

  it('5,000 paths in as many folders: parent groups up to the hard cap, then one for the whole site', () => {
    const urls = Array.from({ length: 5_000 }, (_, i) => `https://spa.example/${word(i)}/detail/more`);
    const { created, joined } = visitAll(urls);
    expect(created).toHaveLength(TOUCHPOINT_HARD_CAP + 1);
    expect(created[TOUCHPOINT_CAP]?.patterns).toEqual([`spa.example/${word(TOUCHPOINT_CAP)}/detail/*`]);
    const site = created.at(-1);
    expect(site).toMatchObject({ patterns: ['spa.example/**'], grouped: true, name: 'spa.example' });
    joined.forEach((tp, i) => {
      expect(tp?.patterns.some((p) => matchesPattern(urls[i] as string, p))).toBe(true);
    });
    // Pages of a group made before the site-wide one still join their own group, not the site's.
    expect(joined[TOUCHPOINT_CAP]).toBe(created[TOUCHPOINT_CAP]);
    // A page at any depth, or at the root, still finds a touchpoint.
    expect(bestTouchpoint('https://spa.example/x/y/z/w/v', created)).toBe(site);
  });

  it('finds each page by look-up: the index gives what a scan of every pattern gives', () => {
    const urls = Array.from({ length: 800 }, (_, i) => `https://spa.example/${i % 7 ? 'shop' : 'blog'}/${word(i)}`);
    const { created, index } = visitAll(urls);
    const scan = (url: string) => {
      const own = patternOf(url);
      let best: { t: Touchpoint; score: number } | undefined;
      for (const t of created)
        for (const p of t.patterns) {
          if (!matchesPattern(url, p)) continue;
          const score = p === own ? 0 : p.endsWith('/**') ? 10_000 : 1 + p.split('/').filter((s) => s === '*').length;
          if (!best || score < best.score) best = { t, score };
        }
      return best?.t;
    };
    // The scan is what each visit cost before (every pattern of every touchpoint): a sample of pages.
    const sample = urls.filter((_, i) => i % 20 === 0);
    for (const url of [...sample, 'https://spa.example/', 'https://other.example/shop/x']) {
      expect(index.best(url)).toBe(scan(url));
    }
  });

  it('keeps the audit root page its own: it has no parent to group under', () => {
    const urls = Array.from({ length: TOUCHPOINT_CAP }, (_, i) => `https://spa.example/${word(i)}`);
    const { created, index } = visitAll([...urls, 'https://spa.example/']);
    expect(created.at(-1)).toMatchObject({ patterns: ['spa.example/'] });
    expect(created.at(-1)?.grouped).toBeUndefined();
    expect(index.size).toBe(TOUCHPOINT_CAP + 1);
  });
});

describe('a flush of a pushState storm', () => {
  it('stores every visit and a bounded number of touchpoints', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const n = TOUCHPOINT_CAP + 200;
    const steps = Array.from({ length: n }, (_, seq) => ({
      seq,
      at: 10_000 + seq,
      kind: 'visit' as const,
      url: `https://ventura.example/news/${word(seq)}`,
      title: `News ${seq}`,
      target: null,
    }));
    const stored = await storeFlushed(db, batchOf(walk.id, 0, numberedEvents(0, n), steps), TAB, gzip, 50_000);
    expect(stored.result).toEqual({ ok: true, storedThrough: n - 1 });
    expect((await listSteps(db, walk.id)).filter((s) => s.kind === 'visit')).toHaveLength(n);
    const touchpoints = await listTouchpoints(db, walk.auditId);
    expect(touchpoints).toHaveLength(TOUCHPOINT_CAP + 1);
    expect(touchpoints.filter((t) => t.grouped).map((t) => t.patterns)).toEqual([['ventura.example/news/*']]);
  });
});
