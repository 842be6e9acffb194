// @vitest-environment happy-dom
import { postalAddressExtractor } from '@/lib/consistency/extractors/postal-address';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const run = (html: string) => postalAddressExtractor.extract(page(html), { country: 'ES' });
const values = (html: string) => run(html).map((e) => e.fact.value);

describe('postal address extractor', () => {
  it('reads Spanish addresses in visible text, street words expanded, floor and city left out', () => {
    expect(
      values(`
      <p>Oficina: C/ Mayor, 12, 28013 Madrid</p>
      <p>Avda. de la Constitución 3 – 41001 Sevilla</p>
      <p>Calle de Alcalá, nº 5, 2º izq., 28014 Madrid</p>
      <address>Pº de Gracia 21, 3ª planta<br>08007 Barcelona</address>
      <p>Gran Vía 28, 28013 Madrid</p>
      <p>Plaza de España s/n, 50001 Zaragoza</p>
      <p>Ronda de Atocha 12 · 28012 Madrid</p>`),
    ).toEqual([
      '28013 calle mayor 12',
      '41001 avenida de la constitución 3',
      '28014 calle de alcalá 5',
      '08007 paseo de gracia 21',
      '28013 gran vía 28',
      '50001 plaza de españa s/n',
      '28012 ronda de atocha 12',
    ]);
  });

  it('reads UK and US addresses, the city and state between street and postcode skipped', () => {
    expect(
      values(`
      <p>Visit us at 221B Baker Street, London NW1 6XE.</p>
      <p>1600 Amphitheatre Pkwy, Mountain View, CA 94043</p>
      <p>350 Fifth Avenue, Suite 5100, New York, NY 10118-0110</p>
      <p>10 Downing St, London SW1A 2AA</p>
      <p>1 Infinite Loop, Cupertino, California 95014</p>
      <p>3542 Berry Street · Cheyenne Wells, CO 80810 · (317) 585-8468</p>`),
    ).toEqual([
      'nw1 6xe 221b baker street',
      '94043 1600 amphitheatre parkway',
      '10118 350 fifth avenue',
      'sw1a 2aa 10 downing street',
      '95014 1 infinite loop',
      '80810 3542 berry street',
    ]);
  });

  it('reads an address spread over inline elements and blocks, anchored to their common parent', () => {
    const found = run(
      `<footer><address id="a"><span>Calle Mayor</span>, <b>12</b><p>28013 Madrid</p></address></footer>`,
    );
    expect(found.map((e) => e.fact.value)).toEqual(['28013 calle mayor 12']);
    expect(found[0]?.element?.id).toBe('a');
    expect(found[0]?.fact.source).toBe('text');
    expect(found[0]?.fact.context).toContain('Calle Mayor');
  });

  it('reads schema.org PostalAddress from JSON-LD and microdata with their sources', () => {
    const found = run(`
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"TravelAgency","name":"Ventura",
        "address":{"@type":"PostalAddress","streetAddress":"C/ Mayor, 12, 2º izq.","postalCode":"28013","addressLocality":"Madrid"}}</script>
      <script type="application/ld+json">{"@type":"Store","name":"Sevilla","address":{"streetAddress":"Avda. de la Constitución, 3","postalCode":"41001"}}</script>
      <div itemscope itemtype="https://schema.org/PostalAddress">
        <span itemprop="streetAddress">221B Baker St</span>, <span itemprop="addressLocality">London</span>
        <span itemprop="postalCode">NW1 6XE</span></div>`);
    expect(found.map((e) => [e.fact.source, e.fact.value])).toEqual([
      ['json-ld', '28013 calle mayor 12'],
      ['json-ld', '41001 avenida de la constitución 3'],
      ['microdata', 'nw1 6xe 221b baker street'],
      ['text', 'nw1 6xe 221b baker street'],
    ]);
    expect(found[0]?.element).toBeNull();
    expect(found[2]?.element?.getAttribute('itemtype')).toContain('PostalAddress');
    for (const e of found) expect(() => FactDraft.parse(e.fact)).not.toThrow();
  });

  it('takes no postcode alone, phone numbers, prices, dates or "calle" in a sentence', () => {
    expect(
      values(`
      <p>Código postal 28013</p><p>Llámanos al 91 234 56 78 o al 912345678</p>
      <p>Precio: 28013 €</p><p>Pedido nº 28013 del 12 de mayo de 2026</p>
      <p>La calle está cortada por obras hasta el 12 de mayo.</p>
      <p>Cruza la calle y gira a la derecha en la Plaza Mayor.</p>
      <p>Calle Mayor esquina con Arenal</p><p>IBAN ES91 2100 0418 4502 0005 1332</p>
      <p>Tour de 3 días por la Costa Brava, 28013 plazas</p>
      <p>We are on Baker Street in London NW1.</p>`),
    ).toEqual([]);
  });

  it('never throws on junk structured data', () => {
    const found = run(`
      <script type="application/ld+json">{"@type":"PostalAddress","streetAddress":42}</script>
      <script type="application/ld+json">{not json</script>
      <script type="application/ld+json">{"@type":"Organization","address":[null,7,{"postalCode":"28013"}]}</script>`);
    expect(found).toEqual([]);
  });

  it('reads what an auditor noted', () => {
    const read = (s: string) => postalAddressExtractor.readValue?.(s, { country: 'ES' }) ?? null;
    expect(read('Estamos en C/ Mayor 12, 28013 Madrid')).toBe('28013 calle mayor 12');
    expect(read('dicen que están en calle mayor 14, 28013 madrid')).toBe('28013 calle mayor 14');
    expect(read('calle mayor 14')).toBe('calle mayor 14');
    expect(read('221b baker st, london nw1 6xe')).toBe('nw1 6xe 221b baker street');
    expect(read('no saben la dirección')).toBeNull();
    expect(read('28013')).toBeNull();
  });
});
