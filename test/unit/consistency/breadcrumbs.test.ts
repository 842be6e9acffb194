// @vitest-environment happy-dom
import { breadcrumbsExtractor } from '@/lib/consistency/extractors/breadcrumbs';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string) =>
  breadcrumbsExtractor.extract(page(html), { country: 'ES' }).map((x) => [x.fact.source, x.fact.value]);

describe('breadcrumbs extractor', () => {
  it('reads an aria-labelled trail’s items in order, separators dropped', () => {
    const found = breadcrumbsExtractor.extract(
      page(`<nav aria-label="Breadcrumb"><ol>
        <li><a href="/">Inicio</a> /</li><li><a href="/viajes">Viajes</a> ›</li><li aria-current="page">Lisboa</li></ol></nav>`),
      { country: 'ES' },
    );
    expect(found.map((x) => x.fact.value)).toEqual(['inicio > viajes > lisboa']);
    expect(found[0]?.fact.raw).toBe('Inicio > Viajes > Lisboa');
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('reads a .breadcrumb without a list, and the JSON-LD BreadcrumbList as its own source', () => {
    expect(
      run(`<div class="breadcrumb"><a href="/">Home</a> » <a href="/trips">Trips</a> » <span aria-current="page">Lisbon</span></div>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[
        {"@type":"ListItem","position":2,"name":"Trips","item":"https://v.example/trips"},
        {"@type":"ListItem","position":1,"item":{"@id":"https://v.example/","name":"Home"}},
        {"@type":"ListItem","position":3,"name":"Lisboa"}]}</script>`),
    ).toEqual([
      ['text', 'home > trips > lisbon'],
      ['json-ld', 'home > trips > lisboa'],
    ]);
  });

  it('reads a microdata trail, and gives nothing on a page without one', () => {
    expect(
      run(`<ol itemscope itemtype="https://schema.org/BreadcrumbList">
        <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/"><span itemprop="name">Inicio</span></a></li>
        <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">Contacto</span></li></ol>`),
    ).toEqual([['text', 'inicio > contacto']]);
    expect(run('<nav><a href="/">Inicio</a> <a href="/viajes">Viajes</a></nav>')).toEqual([]);
  });
});
