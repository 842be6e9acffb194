import type { PageSignalInput } from '@/lib/model';
import { ERROR_LIMITS, PAGE_ERROR_MESSAGE, watchSignals } from '@/lib/record/page-signals';
import { createLimiter } from '@/lib/record/rate-limit';
import { ManualClock } from '../support/clock';

describe('rate limits on what a page can send', () => {
  it('lets through so many a second and so many a page, and reports the rest as one count per period', () => {
    const clock = new ManualClock();
    const reports: number[] = [];
    const limiter = createLimiter(
      { perSecond: 3, perPage: 5, reportMs: 1000 },
      {
        now: () => clock.now,
        setTimer: clock.setTimer,
        clearTimer: clock.clearTimer,
        onSuppressed: (n) => reports.push(n),
      },
    );
    const takeN = (n: number) => Array.from({ length: n }, () => limiter.take()).filter(Boolean).length;
    expect(takeN(10)).toBe(3); // the first second's budget
    expect(reports).toEqual([]);
    clock.advance(1000);
    expect(reports).toEqual([7]);
    expect(takeN(10)).toBe(2); // the page's budget: 5 in all
    clock.advance(999);
    expect(takeN(100)).toBe(0);
    expect(reports).toEqual([7]);
    clock.advance(1);
    expect(reports).toEqual([7, 108]); // reported once a period, however many came
    clock.advance(1000);
    expect(takeN(100_000)).toBe(0);
    clock.advance(1000);
    expect(reports).toEqual([7, 108, 100_000]);
    clock.advance(60_000);
    expect(reports).toHaveLength(3); // nothing held back since: nothing reported
  });

  it('a page posting 100,000 error messages keeps a bounded number of signals, the rest as counts', () => {
    const clock = new ManualClock();
    // A window as the recorder sees it: events, its address, its timers (on the test's clock).
    const win = Object.assign(new EventTarget(), {
      location: { href: 'https://shop.example/search?q=secret' },
      setTimeout: clock.setTimer,
      clearTimeout: clock.clearTimer,
    }) as unknown as Window;
    const post = (detail: string, trusted = true) => {
      const e = new MessageEvent('message', { data: { [PAGE_ERROR_MESSAGE]: detail } });
      Object.defineProperty(e, 'source', { value: win });
      Object.defineProperty(e, 'isTrusted', { value: trusted });
      win.dispatchEvent(e);
    };
    const now = vi.spyOn(Date, 'now').mockImplementation(() => 1_000_000 + clock.now);
    const got: Omit<PageSignalInput, 'seq'>[] = [];
    const stop = new AbortController();
    watchSignals(win, (s) => got.push(s), stop.signal);
    for (let i = 0; i < 100_000; i++) post(`Error ${i}`);
    for (let i = 0; i < 1000; i++) post('built by the page', false);
    clock.advance(1000);
    const one = got.filter((s) => s.count === undefined);
    const counts = got.filter((s) => s.count !== undefined);
    expect(one).toHaveLength(ERROR_LIMITS.perSecond);
    expect(one[0]).toMatchObject({ kind: 'js-error', detail: 'Error 0', url: 'https://shop.example/search' });
    expect(counts).toEqual([
      expect.objectContaining({ kind: 'js-error', detail: '', count: 100_000 - ERROR_LIMITS.perSecond }),
    ]);
    // Second after second, the page's budget runs out; each second's flood is one count.
    for (let sec = 0; sec < 60; sec++) {
      for (let i = 0; i < 1000; i++) post(`Later ${i}`);
      clock.advance(1000);
    }
    const kept = got.filter((s) => s.count === undefined).length;
    expect(kept).toBe(ERROR_LIMITS.perPage);
    expect(got.length).toBeLessThanOrEqual(ERROR_LIMITS.perPage + 61);
    const total = got.reduce((n, s) => n + (s.count ?? 1), 0);
    expect(total).toBe(100_000 + 60 * 1000);
    stop.abort();
    post('after stop');
    clock.advance(5000);
    expect(got.reduce((n, s) => n + (s.count ?? 1), 0)).toBe(160_000);
    now.mockRestore();
  });
});
