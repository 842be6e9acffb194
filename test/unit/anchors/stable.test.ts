import { classStem, fingerprint, hash32, isGeneratedId, urlPath } from '@/lib/anchors/stable';
import { dice, idfOver, pathSimilarity, weightedJaccard } from '@/lib/anchors/similarity';

describe('isGeneratedId', () => {
  it.each([':r1:', ':R2d6:', '«r3»', '_r_4_', 'ember123', 'ext-gen42', 'j_idt17', '__BVID__88', 'mui-5', 'radix-:r7:'])(
    'sees %s as generated',
    (id) => expect(isGeneratedId(id)).toBe(true),
  );

  it.each(['a3f9c2e1b7d04e6f', '550e8400-e29b-41d4-a716-446655440000', 'item-20240517', 'row-1695051234'])(
    'sees hashes, uuids and long numbers in %s as generated',
    (id) => expect(isGeneratedId(id)).toBe(true),
  );

  it.each(['main', 'checkout-email', 'main-menu', 'step-2', 'reviews-title', 'add_to_cart', 'section3'])(
    'keeps %s, which an author wrote',
    (id) => expect(isGeneratedId(id)).toBe(false),
  );
});

describe('classStem', () => {
  it.each([
    ['btn_x7f3a', 'btn'],
    ['btn_k29qz', 'btn'],
    ['Button_primary__b7k2m', 'Button_primary'],
    ['Card_title__c9v8b', 'Card_title'],
    ['nav-link-3xk9a', 'nav-link'],
  ])('cuts the build hash off %s', (token, stem) => expect(classStem(token)).toBe(stem));

  it.each(['css-1x2y3z', 'sc-bdVaJa', 'jsx-2839471', 'a1b2c3'])('drops %s, which is nothing but a hash', (token) =>
    expect(classStem(token)).toBeNull(),
  );

  it.each(['btn-primary', 'col-md-12', 'steps__item--done', 'checkout-form__group', 'step2', 'mt-4', 'md:flex'])(
    'keeps %s whole',
    (token) => expect(classStem(token)).toBe(token),
  );
});

describe('urlPath', () => {
  it('keeps scheme, host and path, and drops query, fragment and credentials', () => {
    expect(urlPath('/destinations/americas?utm_source=menu&sid=8f2k#top')).toBe('/destinations/americas');
    expect(urlPath('https://shop.example/cart?token=abc')).toBe('https://shop.example/cart');
    expect(urlPath('https://ana:s3cret@shop.example/account')).toBe('https://shop.example/account');
    expect(urlPath('?page=2')).toBeNull();
  });

  it('ignores data:, blob: and javascript: URLs', () => {
    expect(urlPath('data:image/png;base64,iVBORw0')).toBeNull();
    expect(urlPath('javascript:void(0)')).toBeNull();
    expect(urlPath('blob:https://shop.example/1234')).toBeNull();
  });
});

describe('fingerprint', () => {
  it('normalises whitespace, clips to 120 characters and hashes the whole text', () => {
    const long = `Free delivery ${'and easy returns '.repeat(20)}`;
    const f = fingerprint(`  ${long}\n`);
    expect(f.text).toHaveLength(120);
    expect(f.text.startsWith('Free delivery and easy returns')).toBe(true);
    expect(f.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint(`${long} today`).text).toBe(f.text);
    expect(fingerprint(`${long} today`).hash).not.toBe(f.hash);
  });

  it('hashes deterministically', () => {
    expect(hash32('Add to cart')).toBe(hash32('Add to cart'));
    expect(hash32('')).toBe('811c9dc5');
  });
});

describe('similarities', () => {
  it('scores a slight edit of a short label by character bigrams', () => {
    expect(dice('Add to cart', 'Add to cart')).toBe(1);
    expect(dice('Add to cart', 'Add to basket')).toBeGreaterThan(0.5);
    expect(dice('Add to cart', 'Sign in')).toBeLessThan(0.2);
  });

  it('weighs words by how rare they are among the candidates', () => {
    const cards = ['Porto From 92 per night', 'Lisbon From 118 per night', 'Faro From 76 per night'];
    const idf = idfOver(cards);
    expect(weightedJaccard(cards[1] ?? '', 'Lisbon From 109 per night', idf)).toBeGreaterThan(0.5);
    expect(weightedJaccard(cards[1] ?? '', cards[2] ?? '', idf)).toBeLessThan(0.35);
  });

  it('aligns ancestor paths past an added wrapper', () => {
    const li = { tag: 'li', id: null, classes: ['Nav_item'] };
    const ul = { tag: 'ul', id: 'main-menu', classes: ['Nav_list'] };
    const wrapper = { tag: 'div', id: null, classes: ['Layout_inner'] };
    expect(pathSimilarity([li, ul], [wrapper, li, ul])).toBe(1);
    expect(pathSimilarity([li, ul], [ul])).toBeCloseTo(0.5);
    expect(pathSimilarity([], [li])).toBe(1);
  });
});
