import { ADAPTED_CSS_BUDGET, adaptedCss } from '@/lib/facts/rebuild';

describe("the rebuilds' shared cache of stylesheets adapted for replay", () => {
  afterEach(() => adaptedCss.stylesWithHoverClass.clear());

  it('keeps what a page sent for the next page that sends it again', () => {
    const cache = adaptedCss.stylesWithHoverClass;
    cache.set('a { color: red }', 'a { color: red } a.\\:hover { color: red }');
    expect(cache.get('a { color: red }')).toContain(':hover');
    expect(cache.chars).toBe('a { color: red }'.length + 'a { color: red } a.\\:hover { color: red }'.length);
  });

  it('lets the oldest stylesheets go past its budget, never the one just added', () => {
    const cache = adaptedCss.stylesWithHoverClass;
    const third = Math.floor(ADAPTED_CSS_BUDGET / 6);
    const css = (c: string) => c.repeat(third);
    cache.set(css('a'), css('A'));
    cache.set(css('b'), css('B'));
    cache.set(css('c'), css('C'));
    cache.set(css('a'), css('A')); // added again: now the newest
    cache.set(css('d'), css('D'));
    expect([...cache.keys()].map((k) => k[0])).toEqual(['c', 'a', 'd']);
    expect(cache.chars).toBeLessThanOrEqual(ADAPTED_CSS_BUDGET);
    const huge = 'x'.repeat(ADAPTED_CSS_BUDGET);
    cache.set(huge, huge);
    expect([...cache.keys()]).toEqual([huge]);
    expect(cache.chars).toBe(2 * ADAPTED_CSS_BUDGET);
  });
});
