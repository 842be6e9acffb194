// @vitest-environment happy-dom
import { navigationExtractor } from '@/lib/consistency/extractors/navigation';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string) => navigationExtractor.extract(page(html), { country: 'ES' }).map((x) => x.fact.value);

describe('navigation extractor', () => {
  it('reads the banner navigation’s top-level labels in order, submenus left out', () => {
    const found = navigationExtractor.extract(
      page(`<header><a href="/"><img alt="Ventura Viajes" src="/logo.svg"></a>
        <nav><ul>
          <li><a href="/">Inicio</a></li>
          <li><a href="/viajes">Viajes</a><ul><li><a href="/viajes/europa">Europa</a></li></ul></li>
          <li><button>Ofertas</button></li>
          <li><a href="/contacto">  Contacto </a></li>
        </ul></nav></header>`),
      { country: 'ES' },
    );
    expect(found.map((x) => x.fact.value)).toEqual(['inicio | viajes | ofertas | contacto']);
    expect(found[0]?.fact.raw).toBe('Inicio | Viajes | Ofertas | Contacto');
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('prefers a nav labelled main, and never takes breadcrumbs or the footer’s nav', () => {
    expect(
      run(`<nav aria-label="Breadcrumb"><a href="/">Home</a> / <a href="/shop">Shop</a></nav>
        <nav aria-label="Account"><a href="/login">Log in</a></nav>
        <nav aria-label="Main menu"><a href="/">Home</a><a href="/shop">Shop</a><a href="/about">About us</a></nav>
        <footer><nav><a href="/privacy">Privacy</a></nav></footer>`),
    ).toEqual(['home | shop | about us']);
    expect(run('<main><p>No menu here</p></main><footer><nav><a href="/privacy">Privacy</a></nav></footer>')).toEqual(
      [],
    );
  });

  it('reads a role=navigation without a list, and leaves a language switcher out', () => {
    expect(
      run(`<div role="navigation"><a href="/en/">Home</a><a href="/en/trips">Trips</a>
        <span class="lang-switcher"><a href="/es/" hreflang="es">ES</a></span></div>`),
    ).toEqual(['home | trips']);
  });

  it('leaves the brand link out of a navigation without a list', () => {
    expect(
      run(`<nav class="navbar"><a class="navbar-brand" href="/">Start Bootstrap</a>
        <a href="#about">About</a><a href="#services">Services</a></nav>`),
    ).toEqual(['about | services']);
  });
});
