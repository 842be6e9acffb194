// @vitest-environment happy-dom
import { legalNameExtractor, normaliseLegalName } from '@/lib/consistency/extractors/legal-name';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const run = (html: string) => legalNameExtractor.extract(page(html), { country: 'ES' });
const values = (html: string) => run(html).map((e) => e.fact.value);

describe('legal-name extractor', () => {
  it('normalises spacing, commas and the form so two spellings compare equal', () => {
    expect(normaliseLegalName('Ventura Viajes', 'S.L.')).toBe('ventura viajes sl');
    expect(normaliseLegalName('VENTURA  VIAJES,', 'SL')).toBe('ventura viajes sl');
    expect(normaliseLegalName('Acme Travel', 'Limited')).toBe(normaliseLegalName('Acme Travel', 'Ltd.'));
  });

  it('reads legalName from JSON-LD and microdata, and name only when it has a legal form', () => {
    const found = run(`
      <script type="application/ld+json">{"@type":"TravelAgency","name":"Ventura Viajes",
        "legalName":"VENTURA VIAJES, SL"}</script>
      <script type="application/ld+json">{"@type":"Organization","name":"Acme Travel Ltd"}</script>
      <script type="application/ld+json">{"@type":"Organization","name":"Acme Travel"}</script>
      <script type="application/ld+json">{"@type":"Product","name":"Maleta Pro S.L."}</script>
      <div itemscope itemtype="https://schema.org/Organization">
        <meta itemprop="legalName" content="Viajes del Sur S.A.U."></div>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.raw])).toEqual([
      ['json-ld', 'ventura viajes sl', 'VENTURA VIAJES, SL'],
      ['json-ld', 'acme travel ltd', 'Acme Travel Ltd'],
      ['microdata', 'viajes del sur sau', 'Viajes del Sur S.A.U.'],
    ]);
    expect(found[0]?.element).toBeNull();
    for (const e of found) expect(() => FactDraft.parse(e.fact)).not.toThrow();
  });

  it('reads the footer after © and a year, and after "Razón social:"', () => {
    const found = run(`
      <footer><p>© 2024 <strong>Ventura Viajes S.L.</strong> Todos los derechos reservados.</p>
      <p>Razón social: Ventura Viajes, S.L. · CIF B12345678</p></footer>`);
    expect(found.map((e) => [e.fact.value, e.fact.raw])).toEqual([['ventura viajes sl', 'Ventura Viajes S.L.']]);
    expect(found[0]?.element?.tagName).toBe('P');
    expect(found[0]?.fact.context).toContain('Todos los derechos');
  });

  it('reads a sentence where the company states and registers itself', () => {
    expect(
      values(`
      <p>Harbour &amp; Pine Ltd, registered in England and Wales, company number 09876543.</p>
      <p>The firm is small. Larkspur Legal LLP is authorised and regulated by the SRA.</p>
      <p>Viajes Norte S.L., inscrita en el Registro Mercantil de Madrid.</p>
      <p>MERCADO ALBA ONLINE, S.L.U. — NIF B87654321 · C/ Alcalá, 45, 28014 Madrid</p>`),
    ).toEqual(['harbour & pine ltd', 'larkspur legal llp', 'viajes norte sl', 'mercado alba online slu']);
  });

  it('reads English, German, French and Dutch forms', () => {
    expect(
      values(`
      <p>Copyright (c) 2019-2024 Acme Travel Limited. All rights reserved.</p>
      <p>© Northwind Holidays, Inc.</p>
      <p>Reisen & Meer GmbH</p>
      <p>Company name: Voyages Lumière SARL</p>
      <p>Zon en Zee B.V. | KvK 12345678</p>`),
    ).toEqual([
      'acme travel ltd',
      'northwind holidays inc',
      'reisen & meer gmbh',
      'voyages lumière sarl',
      'zon en zee bv',
    ]);
  });

  it('takes no form alone, no year alone, no prose mention and no name longer than six words', () => {
    expect(
      values(`
      <p>© 2024 Todos los derechos reservados.</p>
      <p>S.L.</p>
      <p>Fundada en 1998, Ventura Viajes S.L. organiza viajes a medida por toda Europa.</p>
      <p>We have partnered with Northwind Holidays Inc. since 2010 to bring you better prices.</p>
      <p>Razón social: Una Empresa Con Un Nombre Muy Largo Demasiado S.L.</p>
      <p>Pedido 2024-00123 · 49,90 € · 21% IVA · 10:00</p>
      <p>IBAN ES91 2100 0418 4502 0005 1332</p>`),
    ).toEqual([]);
  });

  it('reads lower-case forms as prose, and never throws on junk', () => {
    expect(values('<p>la sl del coche</p><p>inc.</p>')).toEqual([]);
    const junk = `<script type="application/ld+json">{"@type":"Organization","legalName":42}</script>
      <script type="application/ld+json">{not json</script><p>${'Aa '.repeat(5000)}S.L.</p>`;
    expect(() => run(junk)).not.toThrow();
  });

  it('bounds the facts returned', () => {
    const html = Array.from({ length: 80 }, (_, i) => `<p>Empresa Número${i} S.L.</p>`).join('');
    expect(run(html).length).toBe(50);
  });
});
