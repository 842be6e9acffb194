// @vitest-environment happy-dom
import { jsonLdNodes, microdataNodes } from '@/lib/consistency/structured-data';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('structured data (schema.org) as extractors read it', () => {
  it('reads JSON-LD objects, arrays and @graph, with their types', () => {
    const doc = page(`
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization",
        "name":"Ventura Viajes S.L.","telephone":"+34 912 345 678",
        "address":{"@type":"PostalAddress","streetAddress":"Calle del Prado 12"}}</script>
      <script type="application/ld+json">{"@graph":[{"@type":["Store","LocalBusiness"],"email":"hola@ventura.example"}]}</script>
      <script type="application/ld+json">[{"@type":"http://schema.org/Offer","price":"489"}]</script>`);
    const nodes = jsonLdNodes(doc);
    expect(nodes.map((n) => n.types)).toEqual([
      ['Organization'],
      ['PostalAddress'],
      ['Store', 'LocalBusiness'],
      ['Offer'],
    ]);
    expect(nodes[0]?.props.telephone).toBe('+34 912 345 678');
    expect(nodes[0]?.element.tagName).toBe('SCRIPT');
  });

  it('skips what does not parse, untyped objects and other script types', () => {
    const doc = page(`
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">{"name":"no type"}</script>
      <script type="application/json">{"@type":"Organization"}</script>`);
    expect(jsonLdNodes(doc)).toEqual([]);
  });

  it('bounds a hostile document: deep nesting and thousands of nodes', () => {
    let deep = '{"@type":"Thing"}';
    for (let i = 0; i < 50; i++) deep = `{"@type":"Thing","x":${deep}}`;
    const many = JSON.stringify(Array.from({ length: 5000 }, () => ({ '@type': 'Thing' })));
    const doc = page(
      `<script type="application/ld+json">${deep}</script><script type="application/ld+json">${many}</script>`,
    );
    const nodes = jsonLdNodes(doc);
    expect(nodes.length).toBeLessThanOrEqual(500);
    expect(nodes.length).toBeGreaterThan(10);
  });

  it('reads microdata items with their own properties, nested items apart', () => {
    const doc = page(`
      <div itemscope itemtype="https://schema.org/LocalBusiness">
        <span itemprop="name">Ventura Madrid</span>
        <a itemprop="telephone" href="tel:+34912345678">91 234 56 78</a>
        <meta itemprop="openingHours" content="Mo-Fr 09:00-14:00">
        <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
          <span itemprop="streetAddress">Calle del Prado 12</span>
        </div>
      </div>`);
    const [business, address] = microdataNodes(doc);
    expect(business?.types).toEqual(['LocalBusiness']);
    expect(business?.props.name).toBe('Ventura Madrid');
    // A link's value is its href, as the microdata spec reads it; a meta's, its content.
    expect(business?.props.telephone).toBe('tel:+34912345678');
    expect(business?.props.openingHours).toBe('Mo-Fr 09:00-14:00');
    // The nested item's own property is not the parent's.
    expect(business?.props.streetAddress).toBeUndefined();
    expect(address?.types).toEqual(['PostalAddress']);
    expect(address?.props.streetAddress).toBe('Calle del Prado 12');
  });
});
