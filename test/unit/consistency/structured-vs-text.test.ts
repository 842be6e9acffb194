// @vitest-environment happy-dom
import { extractAll } from '@/lib/consistency/registry';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const SCHEMA = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"TravelAgency",
  "name":"Ventura Viajes","telephone":"+34 912 345 678",
  "address":{"@type":"PostalAddress","streetAddress":"Calle Mayor 12","postalCode":"28013","addressLocality":"Madrid"},
  "openingHoursSpecification":[{"@type":"OpeningHoursSpecification",
    "dayOfWeek":["Monday","Tuesday","Wednesday","Thursday","Friday"],"opens":"09:00","closes":"18:00"}]}</script>`;

describe('structured data and visible text are read as separate sources', () => {
  it('JSON-LD opening hours that differ from the visible ones give two facts, with their sources', () => {
    const doc = page(`${SCHEMA}
      <section><h2>Horario</h2><p>Lunes a viernes de 9:00 a 14:00</p></section>
      <footer><p>Tel. 91 234 56 78 · Calle Mayor 14, 28013 Madrid</p></footer>`);
    const { found } = extractAll(doc, { country: 'ES' });
    const of = (kind: string) =>
      found.filter((x) => x.fact.kind === kind).map((x) => [x.fact.source, x.fact.value, x.element === null]);
    expect(of('opening-hours')).toEqual([
      ['json-ld', 'mo 09:00-18:00; tu 09:00-18:00; we 09:00-18:00; th 09:00-18:00; fr 09:00-18:00', true],
      ['text', 'mo 09:00-14:00; tu 09:00-14:00; we 09:00-14:00; th 09:00-14:00; fr 09:00-14:00', false],
    ]);
    // The address too: the JSON-LD says number 12, the footer 14.
    expect(of('postal-address')).toEqual([
      ['json-ld', '28013 calle mayor 12', true],
      ['text', '28013 calle mayor 14', false],
    ]);
    // And where they agree, both sources still show, with one value.
    expect(of('phone')).toEqual([
      ['json-ld', '+34912345678', true],
      ['text', '+34912345678', false],
    ]);
  });

  it('microdata hours are their own source, and the JSON-LD script text is never read as visible text', () => {
    const doc = page(`${SCHEMA}
      <div itemscope itemtype="https://schema.org/Store">
        <meta itemprop="openingHours" content="Mo-Fr 10:00-19:00"><p>Mon-Fri 10am-7pm</p></div>`);
    const hours = extractAll(doc, { country: 'ES' })
      .found.filter((x) => x.fact.kind === 'opening-hours')
      .map((x) => [x.fact.source, x.fact.value.slice(0, 14)]);
    expect(hours).toEqual([
      ['json-ld', 'mo 09:00-18:00'],
      ['microdata', 'mo 10:00-19:00'],
      ['text', 'mo 10:00-19:00'],
    ]);
  });
});
