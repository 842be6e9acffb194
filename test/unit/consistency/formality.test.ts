// @vitest-environment happy-dom
import { formalityExtractor } from '@/lib/consistency/extractors/formality';
import { FactDraft } from '@/lib/model/fact';

function page(html: string, lang = 'es'): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.documentElement.setAttribute('lang', lang);
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string, lang = 'es') => formalityExtractor.extract(page(html, lang), { country: 'ES' });
const one = (html: string, lang = 'es') => run(html, lang).map((x) => [x.fact.value, x.fact.raw, x.fact.label]);

describe('formality extractor (Spanish)', () => {
  it('reads usted from "usted", formal imperatives and enclitics', () => {
    const found = run(`<main><h1>Contacto</h1>
      <p>Si tiene cualquier duda, puede usted llamarnos de lunes a viernes.</p>
      <p>Póngase en contacto con nuestro equipo y le atenderemos con gusto.</p>
      <button>Contacte con nosotros</button></main>`);
    expect(found.map((x) => [x.fact.value, x.fact.label])).toEqual([['usted', 'es']]);
    expect(found[0]?.fact.raw).toBe('puede usted llamarnos');
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('reads tú from possessives, second-person verbs and enclitics, and imperative buttons', () => {
    expect(
      one(`<main><p>Ponte en contacto con nosotros cuando quieras.</p>
      <p>Puedes cambiar tu reserva hasta dos días antes.</p><button>Reserva</button></main>`),
    ).toEqual([['tu', 'ponte en', 'es']]);
  });

  it('reads vosotros', () => {
    expect(
      one(
        '<main><p>Os esperamos en la tienda. Vuestro pedido llega mañana y podéis cambiarlo cuando queráis.</p></main>',
      ),
    ).toEqual([['vosotros', 'os esperamos', 'es']]);
  });

  it('does not take "su" or a third-person verb for usted, nor a mid-sentence "descubre" for tú', () => {
    // "su" is also his/her/their; "puede" is also "it can"; "el viajero descubre" is a statement.
    expect(
      run(`<main><p>La empresa y su equipo puede ayudar a sus clientes. El viajero descubre la ciudad y su historia.
      El hotel ofrece su desayuno. El guía conoce su oficio.</p></main>`),
    ).toEqual([]);
  });

  it('reads regular verbs’ imperatives, and "no" + indicative as a question to usted, not a tú imperative', () => {
    expect(
      one(
        `<main><h1>Confirme su reserva</h1><p>¿No encuentra lo que busca? Revise los datos antes de pagar.</p></main>`,
      ),
    ).toEqual([['usted', 'confirme su', 'es']]);
    // "Entre semana" is a preposition, "Marca" a noun: neither is an imperative.
    expect(
      run('<main><h2>Marca y diseño</h2><p>Entre semana abrimos de 9 a 14. La tienda abre los sábados.</p></main>'),
    ).toEqual([]);
  });

  it('does not read "1 ud." (one unit) as usted', () => {
    expect(
      one(
        '<main><h1>Revisa tu pedido</h1><p>Portátil 1 ud. · Funda 2 uds. · Al confirmar aceptas las condiciones.</p></main>',
      ),
    ).toEqual([['tu', 'revisa tu', 'es']]);
  });

  it('gives nothing when registers are mixed without one leading', () => {
    expect(
      run('<main><p>Puedes llamarnos o, si lo prefiere, usted puede escribirnos. Tu opinión cuenta.</p></main>'),
    ).toEqual([]);
  });

  it('leaves the banner, navigation and footer out (they repeat on every page)', () => {
    expect(
      run(`<header><nav><a href="/">Únete a tu club</a></nav></header><main><p>Catálogo de viajes.</p></main>
      <footer><p>Síguenos en redes y suscríbete a tu boletín. Te esperamos.</p></footer>`),
    ).toEqual([]);
  });
});

describe('formality extractor (English)', () => {
  it('reads informal from contractions and casual words', () => {
    expect(
      one(
        `<main><p>Hey there! We're so glad you're here.</p><p>You'll love our trips, and it's easy to book.</p></main>`,
        'en',
      ),
    ).toEqual([['informal', 'hey there', 'en']]);
  });

  it('reads formal from uncontracted forms and formal phrases', () => {
    const found = run(
      `<main><p>Should you require assistance, do not hesitate to contact us. We are pleased to help.</p>
      <p>You will receive a confirmation. Kindly retain it.</p></main>`,
      'en',
    );
    expect(found.map((x) => x.fact.value)).toEqual(['formal']);
  });

  it('reads formal from a reader named in the third person, and informal from casual phrases', () => {
    expect(
      one(`<main><p>Clients wishing to discuss their requirements are invited to contact the firm.</p></main>`, 'en'),
    ).toEqual([['formal', 'clients wishing', 'en']]);
    expect(one(`<main><p>Not sure about the colour? You'll find swatches below.</p></main>`, 'en')).toEqual([
      ['informal', 'not sure', 'en'],
    ]);
  });

  it('gives nothing on neutral copy', () => {
    expect(
      run(
        '<main><p>Tailor-made trips across Europe. Prices include flights and hotels.</p><button>Book now</button></main>',
        'en',
      ),
    ).toEqual([]);
  });
});

describe('formality readValue', () => {
  it('reads what an auditor noted', () => {
    const ctx = { country: 'ES' };
    expect(formalityExtractor.readValue?.('usted', ctx)).toBe('usted');
    expect(formalityExtractor.readValue?.('Tú', ctx)).toBe('tu');
    expect(formalityExtractor.readValue?.('Hola, ¿puedes decirme tu número de pedido?', ctx)).toBe('tu');
    expect(formalityExtractor.readValue?.('Buenos días, nada más.', ctx)).toBeNull();
  });
});
