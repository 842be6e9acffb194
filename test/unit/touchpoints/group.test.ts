import type { Touchpoint } from '@/lib/model';
import { assignTouchpoint, nameFromPattern, nameFromTitle } from '@/lib/touchpoints/group';

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

/** Visits in order, as a walk reaches them; the touchpoints they leave behind. */
function walk(visits: readonly (readonly [string, string])[], ids = sequence()): Touchpoint[] {
  const touchpoints: Touchpoint[] = [];
  visits.forEach(([url, title], i) => {
    const result = assignTouchpoint(url, title, touchpoints, ids, NOW + i, AUDIT);
    if (result?.created) touchpoints.push(result.touchpoint);
  });
  return touchpoints;
}

describe('assignTouchpoint', () => {
  it('creates a web touchpoint for a new page, named from its title, with a guessed stage', () => {
    const result = assignTouchpoint('https://shop.example/cart?x=1', 'Your cart — Shop', [], sequence(), NOW, AUDIT);
    expect(result).toEqual({
      created: true,
      touchpoint: {
        id: 'tp-1',
        auditId: AUDIT,
        name: 'Your cart',
        channel: 'web',
        stage: 'purchase',
        stageGuessed: true,
        patterns: ['shop.example/cart'],
        createdAt: NOW,
      },
    });
  });

  it('puts /product/123 and /product/456?ref=x in one touchpoint', () => {
    const first = assignTouchpoint('https://shop.example/product/123', 'Red shoes | Shop', [], sequence(), NOW, AUDIT);
    if (!first) throw new Error('no touchpoint');
    const ids = vi.fn(() => 'never');
    const second = assignTouchpoint(
      'https://shop.example/product/456?ref=x',
      'Blue',
      [first.touchpoint],
      ids,
      NOW,
      AUDIT,
    );
    expect(second).toEqual({ touchpoint: first.touchpoint, created: false });
    expect(ids).not.toHaveBeenCalled();
  });

  it('puts /product/123 and /cart in two touchpoints', () => {
    const touchpoints = walk([
      ['https://shop.example/product/123', 'Red shoes'],
      ['https://shop.example/cart', 'Cart'],
    ]);
    expect(touchpoints.map((t) => [t.patterns, t.stage])).toEqual([
      [['shop.example/product/:id'], 'consideration'],
      [['shop.example/cart'], 'purchase'],
    ]);
  });

  it('turns a walk through a Spanish shop into one touchpoint per template', () => {
    const touchpoints = walk([
      ['https://www.zapatos-sol.es/', 'Zapatos Sol'],
      ['https://www.zapatos-sol.es/es/productos/zapatillas-running', 'Zapatillas running | Zapatos Sol'],
      ['https://www.zapatos-sol.es/es/producto/12345?talla=42', 'Zapatilla Trail X — Zapatos Sol'],
      ['https://www.zapatos-sol.es/es/producto/67890#opiniones', 'Zapatilla Road Y — Zapatos Sol'],
      ['https://www.zapatos-sol.es/es/carrito', 'Carrito - Zapatos Sol'],
      ['https://www.zapatos-sol.es/es/checkout/pago?step=1', 'Pago | Zapatos Sol'],
      ['https://www.zapatos-sol.es/es/checkout/pago?step=2', 'Pago | Zapatos Sol'],
      ['https://www.zapatos-sol.es/es/pedido/ord_8f3a9c21/confirmacion', ''],
      ['https://www.zapatos-sol.es/index.html', 'Zapatos Sol'],
      ['https://m.zapatos-sol.es/es/carrito', 'Carrito - Zapatos Sol'],
    ]);
    expect(touchpoints.map((t) => [t.name, t.channel, t.stage])).toEqual([
      ['Zapatos Sol', 'web', 'awareness'],
      ['Zapatillas running', 'web', 'consideration'],
      ['Zapatilla Trail X', 'web', 'consideration'],
      ['Carrito', 'web', 'purchase'],
      ['Pago', 'web', 'purchase'],
      ['Confirmacion', 'web', 'purchase'],
      ['Carrito', 'mobile-web', 'purchase'],
    ]);
    expect(touchpoints.map((t) => t.id)).toEqual(['tp-1', 'tp-2', 'tp-3', 'tp-4', 'tp-5', 'tp-6', 'tp-7']);
    expect(touchpoints.map((t) => t.createdAt)).toEqual([0, 1, 2, 4, 5, 7, 9].map((i) => NOW + i));
  });

  it('names a page from its path when it has no title, and the home page from its host', () => {
    const named = (url: string) => assignTouchpoint(url, '  ', [], sequence(), NOW, AUDIT)?.touchpoint.name;
    expect(named('https://tienda.example/es/mi-cuenta/pedidos/123')).toBe('Pedidos');
    expect(named('https://tienda.example/es/')).toBe('tienda.example');
  });

  it('prefers an exact pattern to a wildcard, whatever their order', () => {
    const slugs = tp({ id: 'slugs', patterns: ['shop.example/product/*'] });
    const gift = tp({ id: 'gift', patterns: ['shop.example/product/gift-card'] });
    for (const existing of [
      [slugs, gift],
      [gift, slugs],
    ]) {
      const at = (url: string) => assignTouchpoint(url, '', existing, sequence(), NOW, AUDIT)?.touchpoint.id;
      expect(at('https://shop.example/product/gift-card')).toBe('gift');
      expect(at('https://shop.example/product/red-shoes')).toBe('slugs');
    }
  });

  it('ignores other audits’ touchpoints and off-site ones', () => {
    const other = tp({ id: 'other', auditId: 'audit-2', patterns: ['shop.example/cart'] });
    const phone = tp({ id: 'phone', channel: 'phone', patterns: [] });
    const result = assignTouchpoint('https://shop.example/cart', 'Cart', [other, phone], sequence(), NOW, AUDIT);
    expect(result).toMatchObject({ created: true, touchpoint: { id: 'tp-1', auditId: AUDIT } });
  });

  it('gives no touchpoint to a page that is no web page, and takes no id for it', () => {
    const ids = vi.fn(sequence());
    for (const url of ['', 'about:blank', 'chrome://newtab', 'not a url', 'file:///tmp/x.html'])
      expect(assignTouchpoint(url, 'Title', [], ids, NOW, AUDIT), url).toBeNull();
    expect(ids).not.toHaveBeenCalled();
  });

  it('leaves the list it is given as it was', () => {
    const existing = Object.freeze([Object.freeze(tp())]);
    assignTouchpoint('https://shop.example/cart', 'Cart', existing, sequence(), NOW, AUDIT);
    expect(existing).toEqual([tp()]);
  });
});

describe('names', () => {
  it('strips only the trailing site name from a title', () => {
    expect(nameFromTitle('Cart — Ventura')).toBe('Cart');
    expect(nameFromTitle('  Tu  carrito | Tienda Sol ')).toBe('Tu carrito');
    expect(nameFromTitle('Paso 2 - Datos del viajero - Viajes Alba')).toBe('Paso 2 - Datos del viajero');
    expect(nameFromTitle('Hipoteca fija · Banco Sol')).toBe('Hipoteca fija');
    expect(nameFromTitle('Ventura')).toBe('Ventura');
    expect(nameFromTitle('Blu-ray players')).toBe('Blu-ray players');
    expect(nameFromTitle('x'.repeat(500))).toHaveLength(200);
  });

  it('reads the last word-like segment of a pattern', () => {
    expect(nameFromPattern('shop.example/product/:id')).toBe('Product');
    expect(nameFromPattern('shop.example/es/producto/zapatilla_roja.html')).toBe('Zapatilla roja');
    expect(nameFromPattern('shop.example/blog/:id/:id/mejores-playas')).toBe('Mejores playas');
    expect(nameFromPattern('shop.example/:id')).toBe('shop.example');
    expect(nameFromPattern('shop.example/es')).toBe('shop.example');
  });
});
