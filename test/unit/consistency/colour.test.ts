// @vitest-environment happy-dom
import { colourExtractor } from '@/lib/consistency/extractors/colour';
import { FactDraft } from '@/lib/model/fact';

function mount(css: string, html: string): Document {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = html;
  return document;
}

const CSS = `
  .btn { background-color: #6c757d; }
  .btn-primary { background-color: rgb(13, 110, 253); }
  .btn-outline-primary { background-color: transparent; }
  a { color: #0a58ca; }
  nav a, footer a { color: #ffffff; }
  h1, h2 { color: #212529; }
  h3 { color: #dc3545; }
  footer h3 { color: #ffffff; }
  .hidden { display: none; }`;

const byRole = (doc: Document) =>
  Object.fromEntries(colourExtractor.extract(doc, { country: 'ES', view: window }).map((x) => [x.fact.label, x]));

describe('colour extractor', () => {
  it('reads the primary button, content link and heading colours, one fact per role', () => {
    const doc = mount(
      CSS,
      `<nav><a href="/">Inicio</a><a href="/b">Blog</a><a href="/c">Contacto</a></nav>
       <main><h1>Viajes a medida</h1><h2>Destinos</h2><h3>Oferta</h3>
         <p>Lee <a href="/faq">las preguntas</a> o <a href="/cond">las condiciones</a>.</p>
         <a class="btn btn-primary" href="/reservar">Reservar</a>
         <button class="btn">Ver más</button><button class="btn">Compartir</button>
         <button class="btn btn-outline-primary">Guardar</button></main>
       <footer><h3>Contacto</h3><a href="/aviso">Aviso legal</a><a href="/priv">Privacidad</a></footer>`,
    );
    const found = byRole(doc);
    expect(Object.keys(found).sort()).toEqual(['heading', 'link', 'primary-button']);
    expect(found['primary-button']?.fact.value).toBe('#0d6efd');
    expect(found['primary-button']?.element?.textContent).toBe('Reservar');
    expect(found.link?.fact.value).toBe('#0a58ca');
    expect(found.heading?.fact.value).toBe('#212529');
    for (const x of Object.values(found)) {
      expect(x.fact.source).toBe('style');
      expect(() => FactDraft.parse(x.fact)).not.toThrow();
    }
  });

  it('without a marked primary, takes the main form submit over a search box and other buttons', () => {
    const doc = mount(
      `.go { background-color: #198754; } .search button, .chip { background-color: #6c757d; }`,
      `<header><form class="search" role="search"><input name="q"><button>Buscar</button></form></header>
       <main><button class="chip">Playa</button><button class="chip">Montaña</button>
         <form><input name="email"><button class="go" type="submit">Enviar</button></form></main>`,
    );
    expect(byRole(doc)['primary-button']?.fact.value).toBe('#198754');
  });

  it('counts near-identical shades as one colour, and skips hidden buttons', () => {
    const doc = mount(
      CSS,
      `<main><button class="btn-primary" style="background-color:#0d6efd">A</button>
        <button class="btn-primary" style="background-color:#0e6ffd">B</button>
        <button class="btn-primary" style="background-color:#dc3545">C</button>
        <div class="hidden"><button class="btn-primary" style="background-color:#dc3545">D</button>
          <button class="btn-primary" style="background-color:#dc3545">E</button></div></main>`,
    );
    expect(byRole(doc)['primary-button']?.fact.value).toBe('#0d6efd');
  });

  it('reads links drawn as buttons by utility classes; a fill like its background, or no label, is no button', () => {
    const doc = mount(
      `.bg-indigo-600 { background-color: #4f46e5; } .bg-white { background-color: #ffffff; }
       .card { background-color: #f8f9fa; } .card .same { background-color: #f8f9fa; }`,
      `<main><a class="bg-indigo-600 rounded-md" href="/start">Get started</a>
         <button class="bg-white">Learn more</button><button class="bg-white">Docs</button>
         <div class="card"><button class="same">A</button><button class="same">B</button></div>
         <a class="social" href="/in" style="background-color:#495057"><i></i></a>
         <a class="social" href="/x" style="background-color:#495057"><i></i></a></main>`,
    );
    expect(byRole(doc)['primary-button']?.fact.value).toBe('#4f46e5');
  });

  it('returns nothing without a view: no layout engine, no guess', () => {
    const doc = mount(CSS, `<main><h1>T</h1><a href="/x">x</a><a class="btn btn-primary">Go</a></main>`);
    expect(colourExtractor.extract(doc, { country: 'ES' })).toEqual([]);
    expect(colourExtractor.extract(doc, { country: 'ES', view: null })).toEqual([]);
  });
});
