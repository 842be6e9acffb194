// @vitest-environment happy-dom
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { findAnchor, MIN_CONFIDENCE, rankCandidates } from '@/lib/anchors/find-anchor';
import type { AnchorRect } from '@/lib/model';
import { load, marked, stripMarkers } from './helpers';

function row(product: string, price: string, mark = ''): string {
  return `
    <tr class="Cart_row__h3j4k">
      <td class="Cart_product__h3j4k">${product}</td>
      <td class="Cart_price__h3j4k">${price}</td>
      <td><button type="button" class="Cart_remove__h3j4k"${mark}>Remove</button></td>
    </tr>`;
}

const CART = (rows: string): string => `<table class="Cart_table__h3j4k"><tbody>${rows}</tbody></table>`;
const ROWS = row('Trail Shell Jacket, M', '€129.00') + row('Merino Beanie', '€25.00', ' data-expect="t"');

function anchorOn(html: string, geometry?: Parameters<typeof buildAnchor>[2]) {
  const doc = load(html);
  const el = marked(doc, 't');
  stripMarkers(doc);
  return buildAnchor(el, doc, geometry);
}

function pageWith(html: string): { doc: Document; expected: Element } {
  const doc = load(html);
  const expected = marked(doc, 't');
  stripMarkers(doc);
  return { doc, expected };
}

describe('near-identical elements', () => {
  it('tells two "Remove" buttons apart by their rows, after a row is added above', () => {
    const anchor = anchorOn(CART(ROWS));
    const { doc, expected } = pageWith(CART(row('Hiking Socks', '€12.00') + ROWS));
    const found = findAnchor(anchor, doc);
    expect(found?.element).toBe(expected);
    expect(found?.strategy).toBe('score');
  });

  it('does not fall back on the other row once its own row is gone', () => {
    const anchor = anchorOn(CART(ROWS));
    const doc = load(CART(row('Trail Shell Jacket, M', '€129.00')));
    expect(findAnchor(anchor, doc)).toBeNull();
    expect(rankCandidates(anchor, doc)[0]?.score).toBeLessThan(MIN_CONFIDENCE);
  });

  it('ranks the row that is left well below the one that was removed', () => {
    const anchor = anchorOn(CART(ROWS));
    const { doc, expected } = pageWith(CART(ROWS));
    const [best, other] = rankCandidates(anchor, doc);
    expect(best?.element).toBe(expected);
    expect((best?.score ?? 0) - (other?.score ?? 0)).toBeGreaterThan(0.3);
  });

  it('tells identical buttons with identical surroundings apart by where they are drawn', () => {
    // Two "Zoom" buttons on photos without captions: nothing but their place tells them apart.
    // The site reorders them in the DOM and lays them out as before with CSS `order`.
    const zoom = (mark = '') => `<button type="button" class="Gallery_zoom__p0o9i"${mark}>Zoom</button>`;
    const rects = new Map<string, AnchorRect>([
      ['first', { x: 0, y: 400, width: 48, height: 48 }],
      ['second', { x: 320, y: 400, width: 48, height: 48 }],
    ]);
    const anchor = anchorOn(`<div class="Gallery_grid__p0o9i">${zoom()}${zoom(' data-expect="t"')}</div>`, {
      rect: { x: 320, y: 100, width: 48, height: 48 },
      viewport: { width: 1280, height: 800 },
      scroll: { x: 0, y: 300 },
    });
    const { doc, expected } = pageWith(`<div class="Gallery_grid__p0o9i">${zoom(' data-expect="t"')}${zoom()}</div>`);
    const geometryOf = (el: Element): AnchorRect | null =>
      (el === expected ? rects.get('second') : rects.get('first')) ?? null;
    const found = findAnchor(anchor, doc, geometryOf);
    expect(found?.element).toBe(expected);
    expect(found?.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
  });

  it('lowers the confidence when nothing recorded tells the best from the runner-up', () => {
    const button = (label: string) => `<button class="Btn_share__x1y2z">${label}</button>`;
    const distinct = load(`<p>${button('Save')}${button('Share')}</p>`);
    const anchor = buildAnchor(distinct.querySelectorAll('button')[1] as Element, distinct);
    expect(findAnchor(anchor, distinct)).toMatchObject({ confidence: 1, strategy: 'selector' });
    // Identical twins: only their order is left to go by, and the confidence says so.
    const twins = load(`<p>${button('Share')}${button('Share')}</p>`);
    const twin = buildAnchor(twins.querySelectorAll('button')[1] as Element, twins);
    const found = findAnchor(twin, twins);
    expect(found?.element).toBe(twins.querySelectorAll('button')[1]);
    expect(found?.confidence).toBeLessThan(0.8);
  });
});
