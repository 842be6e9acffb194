// @vitest-environment happy-dom
import { ctaAction, ctaValue } from '@/lib/consistency/cta-actions';
import { ctaExtractor } from '@/lib/consistency/extractors/cta';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string) =>
  ctaExtractor.extract(page(html), { country: 'ES' }).map((x) => [x.fact.label, x.fact.value]);

describe('action groups', () => {
  it('group the same action named in Spanish and English', () => {
    expect(['Comprar', 'Comprar ahora', 'Buy now', 'Compra ya'].map(ctaAction)).toEqual(['buy', 'buy', 'buy', 'buy']);
    expect(['Añadir a la cesta', 'Añadir al carrito', 'Add to cart', 'ADD TO BASKET'].map(ctaAction)).toEqual([
      'add-to-cart',
      'add-to-cart',
      'add-to-cart',
      'add-to-cart',
    ]);
    expect(
      ['Reservar', 'Book now', 'Pedir presupuesto', 'Request a quote', 'Suscríbete', 'Iniciar sesión', 'Sign up'].map(
        ctaAction,
      ),
    ).toEqual(['book', 'book', 'quote', 'quote', 'subscribe', 'log-in', 'sign-up']);
    expect(
      ['Contacta con nosotros', 'Get in touch', 'Más información →', 'Learn more', 'Descargar PDF', 'Buscar'].map(
        ctaAction,
      ),
    ).toEqual(['contact', 'contact', 'learn-more', 'learn-more', 'download', 'search']);
  });

  it('read an account provider after the action as the same action, and nothing else after it', () => {
    expect(
      ['Register Account', 'Register with Google', 'Regístrate con Google', 'Sign up with email'].map(ctaAction),
    ).toEqual(['sign-up', 'sign-up', 'sign-up', 'sign-up']);
    expect(['Register with us today for a tour', 'Log in with a smile', 'Book with Bob'].map(ctaAction)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('map nothing for labels that only contain a verb, or name no action', () => {
    expect(['Comprar en tienda física: horarios', 'Ver Lisboa', '×', '', 'Buyer guide'].map(ctaAction)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('keep the label as the value, lower case, arrows trimmed', () => {
    expect(ctaValue('  Más información  →')).toBe('más información');
    expect(ctaValue('¡Reserva ya!')).toBe('¡reserva ya!');
  });
});

describe('cta extractor', () => {
  it('reads buttons, submit inputs and button-like links, one fact per control', () => {
    const found = ctaExtractor.extract(
      page(`<main>
        <a class="btn btn-primary" href="/carrito">Añadir a la cesta</a>
        <button type="button"><svg><text>icon</text></svg> Comprar ahora</button>
        <form><input type="submit" value="Suscribirse"></form>
        <div role="button">Book now</div>
        <a class="wp-block-button__link" href="/contacto">Contacta con nosotros</a></main>`),
      { country: 'ES' },
    );
    expect(found.map((x) => [x.fact.label, x.fact.value])).toEqual([
      ['add-to-cart', 'añadir a la cesta'],
      ['buy', 'comprar ahora'],
      ['subscribe', 'suscribirse'],
      ['book', 'book now'],
      ['contact', 'contacta con nosotros'],
    ]);
    for (const x of found) expect(() => FactDraft.parse(x.fact)).not.toThrow();
    expect(found[0]?.element?.tagName).toBe('A');
  });

  it('skips plain links, hidden buttons, unmapped labels, and a button nested in a button link', () => {
    expect(
      run(`<nav><a href="/comprar">Comprar</a></nav>
        <p>Puede <a href="/info">comprar</a> en tienda.</p>
        <button hidden>Comprar</button>
        <button>Ver Lisboa</button>
        <button aria-label="Cerrar">×</button>
        <a class="cta" href="/r"><button>Reservar</button></a>`),
    ).toEqual([['book', 'reservar']]);
  });

  it('names icon buttons by their accessible name', () => {
    expect(run('<button aria-label="Buscar"><svg></svg></button>')).toEqual([['search', 'buscar']]);
  });
});
