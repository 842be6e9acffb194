import type { Touchpoint } from '@/lib/model';
import { assignTouchpoint, mergeTouchpoints, splitTouchpoint } from '@/lib/touchpoints/group';

const AUDIT = 'audit-1';
const NOW = 1_790_000_000_000;

function sequence(prefix = 'tp'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const tp = (over: Partial<Touchpoint> = {}): Touchpoint => ({
  id: 'tp-x',
  auditId: AUDIT,
  name: 'Product',
  channel: 'web',
  stage: 'consideration',
  stageGuessed: true,
  patterns: ['shop.example/product/:id'],
  createdAt: 1,
  ...over,
});

describe('mergeTouchpoints', () => {
  const a = tp({ id: 'a', name: 'Product', patterns: ['shop.example/product/red-shoes', 'shop.example/product/:id'] });
  const b = tp({
    id: 'b',
    name: 'Blue shoes',
    channel: 'mobile-web',
    stage: 'purchase',
    stageGuessed: false,
    patterns: ['shop.example/product/blue-shoes', 'shop.example/product/:id'],
  });

  it('keeps a’s identity, name, channel and stage, with the union of patterns', () => {
    expect(mergeTouchpoints(a, b)).toEqual({
      ...a,
      patterns: ['shop.example/product/red-shoes', 'shop.example/product/:id', 'shop.example/product/blue-shoes'],
    });
  });

  it('returns a new touchpoint and leaves both as they were', () => {
    const before = structuredClone([a, b]);
    const merged = mergeTouchpoints(a, b);
    expect(merged).not.toBe(a);
    expect(merged.patterns).not.toBe(a.patterns);
    expect([a, b]).toEqual(before);
  });

  it('sends pages of both to the merged touchpoint', () => {
    const merged = mergeTouchpoints(a, b);
    const at = (url: string) => assignTouchpoint(url, '', [merged], sequence(), NOW, AUDIT);
    expect(at('https://shop.example/product/blue-shoes')).toEqual({ touchpoint: merged, created: false });
    expect(at('https://shop.example/product/red-shoes')).toEqual({ touchpoint: merged, created: false });
  });

  it('refuses touchpoints of two audits', () => {
    expect(() => mergeTouchpoints(a, { ...b, auditId: 'audit-2' })).toThrow(/two audits/);
  });
});

describe('splitTouchpoint', () => {
  const mixed = tp({
    id: 'mixed',
    name: 'Product',
    patterns: ['shop.example/product/:id', 'm.shop.example/help/returns'],
  });

  it('moves one pattern to a new touchpoint named from it, guessing its stage again', () => {
    const result = splitTouchpoint(mixed, 'm.shop.example/help/returns', sequence('new'), NOW);
    expect(result).toEqual({
      kept: { ...mixed, patterns: ['shop.example/product/:id'] },
      created: {
        id: 'new-1',
        auditId: AUDIT,
        name: 'Returns',
        channel: 'mobile-web',
        stage: 'support',
        stageGuessed: true,
        patterns: ['m.shop.example/help/returns'],
        createdAt: NOW,
      },
    });
    expect(mixed.patterns).toHaveLength(2);
  });

  it('keeps a stage and an off-site channel the auditor chose', () => {
    const judged = { ...mixed, stage: 'use', stageGuessed: false, channel: 'app' } as const;
    const result = splitTouchpoint(judged, 'm.shop.example/help/returns', sequence(), NOW);
    expect(result?.created).toMatchObject({ stage: 'use', stageGuessed: false, channel: 'app' });
  });

  it('routes the moved pattern’s pages to the new touchpoint', () => {
    const result = splitTouchpoint(mixed, 'm.shop.example/help/returns', sequence('new'), NOW);
    if (!result) throw new Error('no split');
    const found = assignTouchpoint(
      'https://m.shop.example/help/returns/',
      '',
      [result.kept, result.created],
      sequence(),
      NOW,
      AUDIT,
    );
    expect(found).toEqual({ touchpoint: result.created, created: false });
  });

  it('splits nothing from a pattern it lacks, or from its only pattern', () => {
    const ids = vi.fn(sequence());
    expect(splitTouchpoint(mixed, 'shop.example/cart', ids, NOW)).toBeNull();
    expect(splitTouchpoint(tp(), 'shop.example/product/:id', ids, NOW)).toBeNull();
    expect(ids).not.toHaveBeenCalled();
  });
});
