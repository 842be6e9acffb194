/**
 * The pages of the bench's generated audit (bench/big-audit.ts) as rrweb serializes them: a full
 * snapshot tree of a travel site's page (head with the inlined stylesheet, header navigation,
 * cards, a form on form pages, footer), Spanish text with accents, and the elements steps and tags
 * can act on. Deterministic for a given seed.
 */

export type Rand = () => number;

/** mulberry32: a small seeded generator, so the file is the same on every run. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = (
  'viaje escapada hotel vuelo playa montaña ciudad oferta reserva habitación desayuno incluido cancelación gratuita ' +
  'niños familia pensión completa traslado aeropuerto excursión guía temporada días noches precio final tasas ' +
  'atención cliente teléfono correo electrónico condiciones política devolución equipaje señal pago seguro ' +
  'isla costa interior rural casa apartamento crucero circuito Lisboa Oporto Sevilla Granada Córdoba Málaga ' +
  'Mallorca Tenerife Cádiz Valencia Bilbao Santiago Asturias Galicia Alhambra mezquita catedral museo' +
  ' disfruta descubre elige compara ahorra últimas plazas salida garantizada ¡novedad! ¿dudas? opinión valoración'
).split(' ');

export const sentence = (r: Rand, min: number, max: number) => {
  const n = between(r, min, max);
  const w = Array.from({ length: n }, () => pick(r, WORDS));
  const s = w.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
};

/** rrweb's serialized nodes (the fields the bench writes). */
export type SNode =
  | { type: 0; childNodes: SNode[]; compatMode: string; id: number }
  | { type: 1; name: string; publicId: string; systemId: string; id: number }
  | { type: 2; tagName: string; attributes: Record<string, string>; childNodes: SNode[]; id: number }
  | { type: 3; textContent: string; id: number };

/** An element a step or a tag can act on, with what an anchor and a step target keep of it. */
export interface Actionable {
  id: number;
  tag: string;
  role: string | null;
  kind: 'button' | 'link' | 'field' | 'image' | 'heading';
  name: string;
  selector: string;
  context: string;
}

export interface BuiltPage {
  snapshot: SNode;
  /** The next free rrweb node id (mutations add nodes from here). */
  nextId: number;
  actionable: Actionable[];
  /** Text nodes a mutation may change (prices, counters, carousel captions). */
  texts: number[];
  /** Containers lazy loading adds cards to. */
  lists: number[];
  elements: number;
  isForm: boolean;
}

let cssCache: string | null = null;
/** The site's stylesheet, inlined as rrweb does (`_cssText`): the same on every page. */
function siteCss(): string {
  if (cssCache) return cssCache;
  const r = seeded(7);
  const rules: string[] = [];
  for (let i = 0; i < 420; i++) {
    const sel = `.${pick(r, ['c', 'card', 'btn', 'nav', 'hero', 'f', 'grid', 'u'])}-${i.toString(36)}`;
    const decl = [
      `color: rgb(${between(r, 0, 255)}, ${between(r, 0, 255)}, ${between(r, 0, 255)});`,
      `margin: ${between(r, 0, 32)}px ${between(r, 0, 32)}px;`,
      `padding: ${between(r, 0, 24)}px;`,
      r() < 0.5
        ? `font-size: ${between(r, 12, 32)}px;`
        : `display: ${pick(r, ['flex', 'grid', 'block', 'inline-flex'])};`,
    ];
    rules.push(`${sel} { ${decl.join(' ')} }`);
  }
  cssCache = rules.join(' ');
  return cssCache;
}

export interface PageSpec {
  title: string;
  heading: string;
  /** Cards in the main list. */
  cards: number;
  form: string[] | null;
}

/** Builds one page load's full snapshot. */
export function buildPage(spec: PageSpec, seed: number): BuiltPage {
  const r = seeded(seed);
  let id = 1;
  let elements = 0;
  const actionable: Actionable[] = [];
  const texts: number[] = [];
  const lists: number[] = [];
  const text = (t: string): SNode & { type: 3 } => ({ type: 3, textContent: t, id: id++ });
  const el = (tagName: string, attributes: Record<string, string>, childNodes: SNode[] = []): SNode & { type: 2 } => {
    elements++;
    return { type: 2, tagName, attributes, childNodes, id: id++ };
  };
  const act = (node: SNode & { type: 2 }, a: Omit<Actionable, 'id' | 'tag'>) => {
    actionable.push({ ...a, id: node.id, tag: node.tagName });
    return node;
  };

  const doc = id++;
  const doctype: SNode = { type: 1, name: 'html', publicId: '', systemId: '', id: id++ };
  const head = el('head', {}, [
    el('meta', { charset: 'utf-8' }),
    el('title', {}, [text(`${spec.title} | Viajes Ventura`)]),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('meta', { name: 'description', content: sentence(r, 12, 24) }),
    el('link', { rel: 'stylesheet', href: '/static/app.css', _cssText: siteCss() }),
  ]);
  const navLabels = [
    'Destinos',
    'Ofertas',
    'Escapadas',
    'Cruceros',
    'Mis viajes',
    'Ayuda',
    'Contacto',
    'Iniciar sesión',
  ];
  const nav = el(
    'ul',
    { class: 'nav-list' },
    navLabels.map((label, i) =>
      el('li', { class: 'nav-item' }, [
        act(el('a', { href: `/${label.toLowerCase().replace(/ /g, '-')}`, class: 'nav-link' }, [text(label)]), {
          role: 'link',
          kind: 'link',
          name: label,
          selector: `header nav li:nth-of-type(${i + 1}) > a`,
          context: navLabels.join(' '),
        }),
      ]),
    ),
  );
  const header = el('header', { class: 'site-header' }, [
    act(el('img', { src: '/static/logo.svg', alt: 'Viajes Ventura', class: 'logo' }), {
      role: 'img',
      kind: 'image',
      name: 'Viajes Ventura',
      selector: 'header img.logo',
      context: 'Viajes Ventura',
    }),
    el('nav', { 'aria-label': 'Principal' }, [nav]),
  ]);
  const h1 = el('h1', { class: 'hero-title' }, [text(spec.heading)]);
  const heroButton = act(el('a', { href: '#ofertas', class: 'btn btn-primary' }, [text('Ver ofertas')]), {
    role: 'link',
    kind: 'link',
    name: 'Ver ofertas',
    selector: 'section.hero a.btn-primary',
    context: spec.heading,
  });
  const hero = el('section', { class: 'hero' }, [h1, el('p', {}, [text(sentence(r, 10, 22))]), heroButton]);
  const cards: SNode[] = [];
  for (let i = 0; i < spec.cards; i++) {
    const place = pick(r, ['Lisboa', 'Oporto', 'Sevilla', 'Granada', 'Córdoba', 'Mallorca', 'Tenerife', 'Cádiz']);
    const title = `${place}: ${sentence(r, 2, 5).slice(0, -1)}`;
    const price = text(`${between(r, 89, 1890)} €`);
    texts.push(price.id);
    const button = el('button', { type: 'button', class: 'btn card-btn', 'data-testid': `reservar-${i}` }, [
      text('Reservar'),
    ]);
    if (i < 24) {
      act(button, {
        role: 'button',
        kind: 'button',
        name: 'Reservar',
        selector: `main article.card:nth-of-type(${i + 1}) button.card-btn`,
        context: `${title} ${price.textContent}`,
      });
    }
    cards.push(
      el('article', { class: 'card' }, [
        el('img', { src: `/img/${place.toLowerCase()}-${i}.jpg`, alt: title, loading: 'lazy' }),
        el('div', { class: 'card-body' }, [
          el('h3', {}, [text(title)]),
          el('p', { class: 'card-text' }, [text(sentence(r, 8, 20))]),
          el('span', { class: 'price' }, [price]),
          button,
        ]),
      ]),
    );
  }
  const grid = el('div', { class: 'grid', id: 'ofertas' }, cards);
  lists.push(grid.id);
  const main: SNode[] = [hero, grid];
  if (spec.form) {
    const fields = spec.form.map((label, i) => {
      const input = act(el('input', { type: i === 1 ? 'email' : 'text', name: `f${i}`, id: `campo-${i}` }), {
        role: 'textbox',
        kind: 'field',
        name: label,
        selector: `#campo-${i}`,
        context: spec.title,
      });
      return el('div', { class: 'field' }, [el('label', { for: `campo-${i}` }, [text(label)]), input]);
    });
    const submit = act(el('button', { type: 'submit', class: 'btn btn-primary' }, [text('Continuar')]), {
      role: 'button',
      kind: 'button',
      name: 'Continuar',
      selector: 'form button[type=submit]',
      context: spec.title,
    });
    main.unshift(el('form', { class: 'form', method: 'post' }, [...fields, submit]));
  }
  const footer = el(
    'footer',
    { class: 'site-footer' },
    ['Empresa', 'Ayuda', 'Legal', 'Síguenos'].map((col) =>
      el('div', { class: 'f-col' }, [
        el('h4', {}, [text(col)]),
        el(
          'ul',
          {},
          Array.from({ length: 6 }, () => {
            const label = sentence(r, 1, 3).slice(0, -1);
            return el('li', {}, [el('a', { href: `/${col.toLowerCase()}/${id}` }, [text(label)])]);
          }),
        ),
      ]),
    ),
  );
  const body = el('body', { class: 'page' }, [header, el('main', {}, main), footer]);
  const html = el('html', { lang: 'es' }, [head, body]);
  const snapshot: SNode = { type: 0, childNodes: [doctype, html], compatMode: 'CSS1Compat', id: doc };
  return { snapshot, nextId: id, actionable, texts, lists, elements, isForm: spec.form !== null };
}

/** A card as lazy loading adds it: rrweb `adds` entries (parent first, each with its next sibling). */
export function lazyCard(r: Rand, parentId: number, firstId: number) {
  let id = firstId;
  const node = (tagName: string, attributes: Record<string, string>) => ({
    type: 2 as const,
    tagName,
    attributes,
    childNodes: [] as SNode[],
    id: id++,
  });
  const article = node('article', { class: 'card' });
  const img = node('img', { src: `/img/lazy-${firstId}.jpg`, alt: sentence(r, 2, 4) });
  const bodyDiv = node('div', { class: 'card-body' });
  const h3 = node('h3', {});
  const h3t = { type: 3 as const, textContent: sentence(r, 2, 6), id: id++ };
  const p = node('p', { class: 'card-text' });
  const pt = { type: 3 as const, textContent: sentence(r, 8, 18), id: id++ };
  const adds = [
    { parentId, nextId: null, node: article },
    { parentId: article.id, nextId: null, node: img },
    { parentId: article.id, nextId: null, node: bodyDiv },
    { parentId: bodyDiv.id, nextId: null, node: h3 },
    { parentId: h3.id, nextId: null, node: h3t },
    { parentId: bodyDiv.id, nextId: null, node: p },
    { parentId: p.id, nextId: null, node: pt },
  ];
  return { adds, nextId: id };
}
