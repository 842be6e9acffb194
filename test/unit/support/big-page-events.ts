import { OVERLAY_TAG } from '@/lib/overlay-tag';
import { random } from './clock';
import { ODD_REFS, PAGE } from './odd-urls';

/**
 * rrweb events of the bench's 5,000-element page (test/fixtures/site/generated.html) as rrweb
 * serialises them: cards whose links rrweb writes as the page's URL plus `#trip-N`, and a run of
 * its workload's mutations. Sprinkled with the overlay's host and with URLs that test the URL
 * policy's corners (relative, odd fragments, typed values, credentials, non-http schemes).
 */

const CHARS = 'abcXYZ019-._~!$&\'()*+,;=:@/?#%" <>`\t\n\u0001\\é\u00a0\u2028';

/** Random references around a few shared heads: the redactor's cache is hit and missed. */
export function randomRefs(seed: number, count: number): string[] {
  const r = random(seed);
  const pick = (s: string) => s[Math.floor(r() * s.length)] ?? '';
  const heads = [PAGE, 'https://shop.example/a?q=lisbon', 'https://shop.example/b', '/rel?x=1', 'mailto:x@y'];
  const tail = (n: number) => Array.from({ length: Math.floor(r() * n) }, () => pick(CHARS)).join('');
  return Array.from({ length: count }, () => {
    const head = r() < 0.7 ? (heads[Math.floor(r() * heads.length)] ?? PAGE) : `https://h.example/${tail(12)}`;
    return r() < 0.8 ? `${head}#${tail(14)}` : `${head}${tail(8)}`;
  });
}

type Node = Record<string, unknown>;

/** The page's full snapshot: about 5,000 elements, the overlay's host under body and in a card. */
export function bigPageEvents(): { type: number; timestamp: number; data: Node }[] {
  let id = 1;
  const el = (tagName: string, attributes: Record<string, string>, childNodes: Node[] = []): Node => ({
    type: 2,
    tagName,
    attributes,
    childNodes,
    id: id++,
  });
  const text = (textContent: string): Node => ({ type: 3, textContent, id: id++ });
  const r = random(42);
  const cards: Node[] = [];
  for (let i = 0; i < 400; i++) {
    const odd = ODD_REFS[i % ODD_REFS.length] ?? PAGE;
    const link = el('a', { href: i % 10 === 0 ? odd : `${PAGE}#trip-${i}` }, [text(`Trip ${i}`)]);
    const kids = [
      el('div', { class: 'pic', style: `background: hsl(${Math.floor(r() * 360)},60%,75%)` }),
      el('div', { class: 'body' }, [
        el('h2', {}, [link]),
        el('p', { class: 'desc', title: 'A quiet escape' }, [text('A quiet escape.')]),
        el('p', { class: 'meta' }, [el('span', { class: 'price' }, [text('200 €')]), el('span', { class: 'tag' })]),
        el('label', { for: `note-${i}` }, [text('Note')]),
        el('input', { id: `note-${i}`, name: `note-${i}`, placeholder: 'Your note', value: '' }),
        el('button', { type: 'button', value: 'Save' }, [text('Save')]),
      ]),
    ];
    if (i === 123) kids.push(el(OVERLAY_TAG, {}, [el('div', {})]));
    cards.push(el('article', { class: 'card' }, kids));
  }
  const head = el('head', {}, [
    el('title', {}, [text('Trip catalogue')]),
    el('link', { rel: 'stylesheet', href: `${PAGE}#css`, _cssText: '.a{background:url(/x.png?q=1)}' }),
    el('link', { rel: 'canonical', href: `${PAGE}#canon` }),
    el('LINK', { rel: 'Alternate', href: 'https://shop.example/es?q=lisbon in may' }),
    el('meta', { name: 'description', content: 'Trips' }),
  ]);
  const body = el('body', {}, [
    el('form', { action: `${PAGE}&q=lisbon in may`, method: 'get' }, [
      el('input', { name: 'q', type: 'search' }),
      el('button', { formaction: '/search?q=Zq7hunter#x' }),
    ]),
    el('iframe', { src: 'https://frame.example/embed?token=abc#x' }),
    el('img', { src: `${PAGE}#img`, srcset: `${PAGE} 2x` }),
    el('main', {}, cards),
    el(OVERLAY_TAG, {}, [el('div', {}, [text('Touchpoint')])]),
  ]);
  const html = el('html', { lang: 'en' }, [head, body]);
  const doc = {
    type: 0,
    childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: id++ }, html],
    id: id++,
  };
  const meta = { type: 4, timestamp: 1, data: { href: PAGE, width: 1280, height: 720 } };
  const full = { type: 2, timestamp: 2, data: { node: doc, initialOffset: { top: 0, left: 0 } } };
  return [meta, full, ...mutations(id)];
}

/** The workload's mutations, plus adds and changes under the overlay's host (which must go). */
function mutations(firstId: number) {
  let id = firstId;
  const out: { type: number; timestamp: number; data: Node }[] = [];
  const m = (data: Node) => out.push({ type: 3, timestamp: 10 + out.length, data: { source: 0, ...data } });
  const host = id++;
  const inner = id++;
  m({
    adds: [
      { parentId: 5, nextId: null, node: { type: 2, tagName: 'div', attributes: {}, childNodes: [], id: id++ } },
      {
        parentId: 5,
        nextId: null,
        node: {
          type: 2,
          tagName: OVERLAY_TAG,
          attributes: {},
          childNodes: [{ type: 2, tagName: 'div', attributes: {}, childNodes: [], id: inner }],
          id: host,
        },
      },
      { parentId: inner, nextId: null, node: { type: 3, textContent: 'mine', id: id++ } },
      {
        parentId: 5,
        nextId: null,
        node: { type: 2, tagName: 'a', attributes: { href: `${PAGE}#new` }, childNodes: [], id: id++ },
      },
    ],
    removes: [{ parentId: 5, id: inner }],
    texts: [{ id: inner, value: 'x' }],
    attributes: [
      { id: host, attributes: { class: 'open' } },
      { id: 7, attributes: { href: 'https://shop.example/p?q=lisbon in may#a', title: 't' } },
    ],
  });
  for (let t = 0; t < 300; t++) {
    const flash = id++;
    m({
      adds:
        t % 2 === 0
          ? [
              {
                parentId: 9,
                nextId: 10,
                node: {
                  type: 2,
                  tagName: 'article',
                  attributes: { class: 'card flash' },
                  childNodes: [
                    {
                      type: 2,
                      tagName: 'h2',
                      attributes: {},
                      childNodes: [{ type: 3, textContent: 'Flash sale', id: id++ }],
                      id: id++,
                    },
                    {
                      type: 2,
                      tagName: 'a',
                      attributes: { href: ODD_REFS[t % ODD_REFS.length] ?? '' },
                      childNodes: [],
                      id: id++,
                    },
                  ],
                  id: flash,
                },
              },
            ]
          : [],
      removes: t % 2 === 1 ? [{ parentId: 9, id: flash - 2 }] : [],
      texts: [{ id: 20 + (t % 50), value: `Lisbon · ${t}` }],
      attributes: [
        { id: 30 + (t % 40), attributes: { class: t % 3 ? 'card featured' : 'card', href: `${PAGE}#t${t}` } },
      ],
    });
  }
  return out;
}
