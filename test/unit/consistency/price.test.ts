// @vitest-environment happy-dom
import { parseAmount, priceExtractor } from '@/lib/consistency/extractors/price';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const run = (html: string) => priceExtractor.extract(page(html), { country: 'ES' });
const values = (html: string) => run(html).map((e) => e.fact.value);

describe('price extractor', () => {
  it('reads Spanish and English ways of writing a price, normalised to ISO code and two decimals', () => {
    expect(
      values(`
      <p>Total: 1.234,56 €</p><p>Suplemento 1234,56 €</p><p>Only €1,234.56 today</p>
      <p>Crucero 1.234 €</p><p>Tasas EUR 489</p><p>Pagas 489 euros</p>
      <p>Monthly $19.99</p><p>Ticket £12</p><p>Fee US$ 5</p><p>Extra 12,5 €</p>`),
    ).toEqual([
      'EUR 1234.56',
      'EUR 1234.56',
      'EUR 1234.56',
      'EUR 1234.00',
      'EUR 489.00',
      'EUR 489.00',
      'USD 19.99',
      'GBP 12.00',
      'USD 5.00',
      'EUR 12.50',
    ]);
  });

  it('parses amounts by their last separator', () => {
    expect(parseAmount('1.234,56')).toBe(1234.56);
    expect(parseAmount('1,234.56')).toBe(1234.56);
    expect(parseAmount('1.234')).toBe(1234);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('1.234.567')).toBe(1234567);
    expect(parseAmount('abc')).toBeNull();
  });

  it('reads schema.org offers from JSON-LD with the Product name as label', () => {
    const found = run(`
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
        "name":"Escapada Lisboa 3 noches","offers":{"@type":"Offer","price":"489","priceCurrency":"eur"}}</script>
      <script type="application/ld+json">{"@type":"Product","name":"Plan Pro",
        "offers":{"@type":"AggregateOffer","lowPrice":19.9,"priceCurrency":"USD"}}</script>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.label])).toEqual([
      ['json-ld', 'EUR 489.00', 'Escapada Lisboa 3 noches'],
      ['json-ld', 'USD 19.90', 'Plan Pro'],
    ]);
    expect(found[0]?.element).toBeNull();
    for (const e of found) expect(() => FactDraft.parse(e.fact)).not.toThrow();
  });

  it('reads microdata offers with the parent Product name, and skips offers without a currency', () => {
    const found = run(`
      <div itemscope itemtype="https://schema.org/Product"><h2 itemprop="name">Maleta cabina</h2>
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
          <meta itemprop="priceCurrency" content="EUR"><span itemprop="price" content="79.95">79,95</span>
        </div></div>
      <script type="application/ld+json">{"@type":"Offer","price":"10"}</script>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.label])).toEqual([
      ['microdata', 'EUR 79.95', 'Maleta cabina'],
    ]);
  });

  it('labels a text price with the heading of its card and keeps "desde", "al mes", IVA in context', () => {
    const found = run(`
      <h1>Nuestros planes</h1>
      <ul>
        <li><h3>Básico</h3><p>Desde <strong>9,99 €</strong> al mes + IVA</p></li>
        <li><h3>Premium</h3><p>From €29 per person, tax included</p></li>
      </ul>
      <p>Envío 4,95 €</p>`);
    expect(found.map((e) => [e.fact.value, e.fact.label])).toEqual([
      ['EUR 9.99', 'Básico'],
      ['EUR 29.00', 'Premium'],
      ['EUR 4.95', ''],
    ]);
    expect(found[0]?.fact.context).toContain('Desde');
    expect(found[0]?.fact.context).toContain('al mes + IVA');
    expect(found[1]?.fact.context).toContain('per person, tax included');
    expect(found[0]?.element?.tagName).toBe('STRONG');
  });

  it('does not take percentages, bare numbers, dates, phones, order numbers, IBANs, pages or years', () => {
    expect(
      values(`
      <p>Descuento del 20 % y -15% en la segunda unidad; € 20% off.</p>
      <p>Reserva antes del 31.12.2026 o el 15/03/2026. Temporada 2026.</p>
      <p>Llámanos al +34 912 345 678 o al 900 123 456.</p>
      <p>Pedido nº 123456789. IBAN ES91 2100 0418 4502 0005 1332.</p>
      <p>Véanse las páginas 12-15. CP 28013 Madrid. Vuelo IB3166 a las 18:30.</p>
      <p>Código AB12€ y ref ID$45. Ambiguo: 1 234 €.</p>`),
    ).toEqual([]);
  });

  it('never throws on junk and bounds the number of facts', () => {
    expect(run('<script type="application/ld+json">{"@type":"Offer","price":{"x":1}</script>')).toEqual([]);
    const many = Array.from({ length: 400 }, (_, i) => `<p>Item ${i + 1},00 €</p>`).join('');
    const found = run(many);
    expect(found).toHaveLength(200);
    expect(found[0]?.fact.value).toBe('EUR 1.00');
  });
});
