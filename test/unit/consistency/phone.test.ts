// @vitest-environment happy-dom
import { phoneExtractor } from '@/lib/consistency/extractors/phone';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const ES = { country: 'ES' };
const US = { country: 'US' };
const run = (html: string, ctx = ES) => phoneExtractor.extract(page(html), ctx);
const values = (html: string, ctx = ES) => run(html, ctx).map((e) => e.fact.value);

describe('phone extractor', () => {
  it('reads Spanish numbers in text as E.164, with the default country', () => {
    const found = run(`
      <p>Llámanos al 91 234 56 78</p><p>o al +34 912 345 678.</p>
      <p>Teléfono gratuito 900 123 456</p>
      <p>Móvil (+34) 600-123-456</p>`);
    expect(found.map((e) => [e.fact.value, e.fact.raw, e.fact.source])).toEqual([
      ['+34912345678', '91 234 56 78', 'text'],
      ['+34912345678', '+34 912 345 678', 'text'],
      ['+34900123456', '900 123 456', 'text'],
      ['+34600123456', '(+34) 600-123-456', 'text'],
    ]);
    for (const e of found) expect(() => FactDraft.parse(e.fact)).not.toThrow();
    expect(found[0]?.element?.tagName).toBe('P');
  });

  it('reads English numbers with the country of the audit', () => {
    expect(values('<p>Call us on +44 20 7946 0958 or (212) 555-0142.</p>', US)).toEqual([
      '+442079460958',
      '+12125550142',
    ]);
    // Without the default country a national number cannot be placed; the international one can.
    expect(values('<p>Call us on +44 20 7946 0958 or (212) 555-0142.</p>', { country: 'XX' })).toEqual([
      '+442079460958',
    ]);
  });

  it('takes no dates, references, order numbers, IBANs, postcodes, prices, times or percentages', () => {
    const html = `
      <p>Fecha de salida: 12/05/2026 (2026-12-05), vuelta 19.05.2026.</p>
      <p>Referencia VV-2027-0412. Pedido 123456789. Pedido nº 912345678. Order #2125550142.</p>
      <p>Expediente 775 123 456, lote 412345678.</p>
      <p>IBAN ES91 2100 0418 4502 0005 1332, cuenta 2100 0418 45 0200051332.</p>
      <p>Calle del Prado 12, 28014 Madrid. Precio 1.234,56 € o 912345678 €, total $2125550142.</p>
      <p>Horario 09:00-14:00 y 16:30-19:30. Descuento del 15 %.</p>`;
    expect(values(html)).toEqual([]);
    expect(values(html.replace(/Order #/, 'Call '), US)).toEqual(['+12125550142']);
  });

  it('reads tel: links first, then JSON-LD and microdata, then text', () => {
    const found = run(`
      <script type="application/ld+json">{"@type":"Organization","name":"Ventura Viajes",
        "telephone":"+34 912 345 678","contactPoint":{"@type":"ContactPoint",
        "telephone":"900123456","contactType":"Atención al cliente"}}</script>
      <div itemscope itemtype="https://schema.org/LocalBusiness">
        <span itemprop="telephone">600 123 456</span></div>
      <p>Reservas: <a href="tel:+34%20912%20345%20678;ext=2">91 234 56 78</a></p>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.label])).toEqual([
      ['link', '+34912345678', 'Reservas'],
      ['json-ld', '+34912345678', ''],
      ['json-ld', '+34900123456', 'Atención al cliente'],
      ['microdata', '+34600123456', ''],
      ['text', '+34600123456', ''],
      ['text', '+34912345678', 'Reservas'],
    ]);
    expect(found[0]?.element?.tagName).toBe('A');
    expect(found[1]?.element).toBeNull();
    expect(found[1]?.fact.context).toContain('Ventura Viajes');
  });

  it('labels a number from the text or the structure that names it', () => {
    const found = run(`
      <dl><dt>Atención al cliente</dt><dd>91 234 56 78</dd>
          <dt>Ventas</dt><dd><a href="tel:+34600123456">600 123 456</a></dd></dl>
      <section><h3>Customer service</h3><p>Opening hours vary.</p><p>+44 20 7946 0958</p></section>
      <p>Departamento comercial: 900 123 456</p>
      <p>Si tienes cualquier duda sobre tu viaje o tu reserva, llámanos al 611 222 333</p>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.label])).toEqual([
      ['link', '+34600123456', 'Ventas'],
      ['text', '+34912345678', 'Atención al cliente'],
      ['text', '+34600123456', 'Ventas'],
      ['text', '+442079460958', 'Customer service'],
      ['text', '+34900123456', 'Departamento comercial'],
      // A sentence before the number is not a label.
      ['text', '+34611222333', ''],
    ]);
  });

  it('gives the text around the number as context, bounded', () => {
    const long = 'palabra '.repeat(60);
    const [fact] = run(`<p>${long}Atención al cliente: 91 234 56 78. ${long}</p>`).map((e) => e.fact);
    expect(fact?.context).toMatch(/^palabra .*Atención al cliente: 91 234 56 78\. palabra/);
    expect(fact?.context.length).toBeLessThanOrEqual(200);
  });

  it('skips scripts, styles, templates, noscript and hidden inputs, and de-duplicates', () => {
    const found = run(`
      <script>var tel = "91 234 56 78";</script><style>/* 600 123 456 */</style>
      <template><p>900 123 456</p></template><noscript>600 111 222</noscript>
      <input type="hidden" value="912 345 678"><div hidden>611 222 333</div>
      <p>91 234 56 78 — 912 34 56 78</p><p>91 234 56 78</p>`);
    expect(found.map((e) => e.fact.value)).toEqual(['+34912345678', '+34912345678']);
    expect(found[0]?.element).not.toBe(found[1]?.element);
  });

  it('never throws on junk and bounds what it returns', () => {
    const junk = `<a href="tel:%E0%A4%A">x</a><a href="tel:">y</a>
      <script type="application/ld+json">{"@type":"Thing","telephone":[1,{"a":2},"not a number"]}</script>`;
    expect(values(junk)).toEqual([]);
    const many = Array.from({ length: 400 }, (_, i) => `<p>6${String(10_000_000 + i)}</p>`).join('');
    expect(run(many)).toHaveLength(200);
  });
});
