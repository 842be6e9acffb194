// A page with layout, as far as the tagging code reads it: happy-dom draws nothing, so each test
// places its elements (getBoundingClientRect) and says what hit-testing finds at a point.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gives `el` a box in the viewport. */
export function place(el: Element, r: Rect): void {
  el.getBoundingClientRect = () =>
    ({
      x: r.x,
      y: r.y,
      left: r.x,
      top: r.y,
      width: r.width,
      height: r.height,
      right: r.x + r.width,
      bottom: r.y + r.height,
      toJSON: () => r,
    }) as DOMRect;
}

export function byId(doc: Document, id: string): HTMLElement {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`no #${id} in the test page`);
  return el;
}

/**
 * Hit-testing as Chromium does it over the placed boxes: every placed element containing the
 * point, topmost (deepest, then later in the document) first, then body and html. `skip` leaves
 * elements out, as `pointer-events: none` does.
 */
export function hitTesting(doc: Document, skip: (el: Element) => boolean = () => false): void {
  doc.elementsFromPoint = (x: number, y: number) => {
    const hits = [...doc.body.querySelectorAll('*')].filter((el) => {
      if (skip(el)) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    });
    return [...hits.reverse(), doc.body, doc.documentElement];
  };
}

/** The travel page the tests tag, every element placed. */
export function travelPage(doc: Document): void {
  doc.title = 'Lisbon · Ventura Viajes';
  doc.body.innerHTML = `
    <main id="main">
      <h1 id="title">Lisbon</h1>
      <p id="price">From 489 € per person</p>
      <p id="actions"><button type="button" id="fav">Save to favourites</button>
      <a id="quote" href="/quote.html">Request a quote</a></p>
      <div id="hidden-box" hidden><button type="button" id="hidden">Not drawn</button></div>
      <input id="search" aria-label="Search trips">
    </main>`;
  place(doc.body, { x: 0, y: 0, width: 1000, height: 800 });
  place(byId(doc, 'main'), { x: 0, y: 0, width: 1000, height: 600 });
  place(byId(doc, 'title'), { x: 20, y: 20, width: 400, height: 40 });
  place(byId(doc, 'price'), { x: 20, y: 80, width: 400, height: 24 });
  place(byId(doc, 'actions'), { x: 20, y: 120, width: 600, height: 40 });
  place(byId(doc, 'fav'), { x: 20, y: 124, width: 160, height: 32 });
  place(byId(doc, 'quote'), { x: 200, y: 124, width: 160, height: 32 });
  place(byId(doc, 'hidden-box'), { x: 0, y: 0, width: 0, height: 0 });
  place(byId(doc, 'hidden'), { x: 0, y: 0, width: 0, height: 0 });
  place(byId(doc, 'search'), { x: 20, y: 180, width: 300, height: 30 });
}
