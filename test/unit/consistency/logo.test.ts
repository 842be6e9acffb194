// @vitest-environment happy-dom
import { logoExtractor } from '@/lib/consistency/extractors/logo';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = '<base href="https://ventura.example/">';
  doc.body.innerHTML = html;
  return doc;
}

const run = (html: string) => logoExtractor.extract(page(html), { country: 'ES' });
const facts = (html: string) => run(html).map((x) => [x.fact.source, x.fact.value, x.fact.raw]);

describe('logo extractor', () => {
  it('reads the header logo image: absolute URL without query, alt text as raw', () => {
    const found = run(`<header><a href="/" class="navbar-brand">
        <img src="/img/logo.svg?v=3" alt="Ventura Viajes"></a>
        <img src="/img/banner.jpg" alt="Playa"></header>
      <main><img src="/img/lisboa.jpg" alt="Lisboa"></main>`);
    expect(found.map((x) => [x.fact.source, x.fact.value, x.fact.raw])).toEqual([
      ['text', 'https://ventura.example/img/logo.svg', 'Ventura Viajes'],
    ]);
    expect(found[0]?.element?.tagName).toBe('IMG');
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('reads the schema.org Organization logo besides the visible one', () => {
    expect(
      facts(`<script type="application/ld+json">{"@type":"Organization","name":"Ventura Viajes",
          "logo":{"@type":"ImageObject","url":"https://ventura.example/img/logo-512.png"}}</script>
        <header><img class="site-logo" src="img/logo.svg" alt="Logo de Ventura Viajes"></header>`),
    ).toEqual([
      ['json-ld', 'https://ventura.example/img/logo-512.png', ''],
      ['text', 'https://ventura.example/img/logo.svg', 'Logo de Ventura Viajes'],
    ]);
    expect(
      facts(
        `<div itemscope itemtype="https://schema.org/Organization"><img itemprop="logo" src="/l.png" alt="V"></div>`,
      ),
    ).toContainEqual(['microdata', 'https://ventura.example/l.png', 'V']);
  });

  it('prefers the header logo to a footer copy, and never takes partners or payment logos', () => {
    expect(
      facts(`<section class="partners"><img class="logo" src="/p/iberia.png" alt="Iberia logo"></section>
        <header><div class="logo"><img src="/img/logo.png" alt="Ventura"></div></header>
        <footer><img class="logo" src="/img/logo-white.png" alt="Ventura"></footer>`),
    ).toEqual([['text', 'https://ventura.example/img/logo.png', 'Ventura']]);
    expect(
      facts(`<footer><ul class="payment-methods"><li><img src="/visa.svg" alt="Visa logo"></li></ul></footer>`),
    ).toEqual([]);
  });

  it('takes an unmarked image linked to the home page in the header, and an SVG sprite by its symbol', () => {
    expect(facts(`<header><a href="/"><img src="/brand.png" alt="Ventura"></a></header>`)).toEqual([
      ['text', 'https://ventura.example/brand.png', 'Ventura'],
    ]);
    expect(
      facts(
        `<header><a href="/" class="logo"><svg aria-label="Ventura"><use href="/sprite.svg?v=2#logo"></use></svg></a></header>`,
      ),
    ).toEqual([['text', 'https://ventura.example/sprite.svg#logo', 'Ventura']]);
  });

  it('gives no visible fact for an inline SVG drawing (it has no URL) and none for ordinary images', () => {
    expect(facts(`<header><a class="logo" href="/"><svg><path d="M0 0h10"/></svg></a></header>`)).toEqual([]);
    expect(facts(`<main><img src="/a.jpg" alt="Playa"><img src="/b.jpg"></main>`)).toEqual([]);
  });

  it('with a view, skips a logo that is not rendered (a mobile-only variant)', () => {
    document.head.innerHTML = '<style>.mobile-only { display: none; }</style>';
    document.body.innerHTML = `<header><img class="logo mobile-only" src="/logo-small.png" alt="V">
      <img class="logo" src="/logo.png" alt="V"></header>`;
    const found = logoExtractor.extract(document, { country: 'ES', view: window });
    expect(found.map((x) => x.fact.value)).toEqual(['http://localhost:3000/logo.png']);
  });
});
