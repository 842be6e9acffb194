// @vitest-environment happy-dom
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { findAnchor } from '@/lib/anchors/find-anchor';
import { load, marked, renameHashes, stripMarkers } from './helpers';

/** A product listing of `n` cards, 12 elements each: 420 cards make a page of about 5,000 elements. */
function listing(n: number, first = 0, mark = -1): string {
  const cards: string[] = [];
  for (let i = first; i < first + n; i++) {
    const m = (what: string) => (i === mark ? ` data-expect="${what}"` : '');
    cards.push(`
      <li class="Grid_cell__g7h8j"><div class="Card_card__c9v8b"${m('card')}>
        <a class="Card_link__c9v8b" href="/p/${i}"><img class="Card_img__c9v8b" src="/img/${i}.jpg" alt="Product ${i}"></a>
        <div class="Card_body__c9v8b">
          <h3 class="Card_title__c9v8b">Product ${i}</h3>
          <p class="Card_price__c9v8b"><span>€${(i % 90) + 10}.00</span> <s>€${(i % 90) + 20}.00</s></p>
          <div class="Card_actions__c9v8b">
            <button type="button" class="Button_primary__b7k2m"${m('button')}>Add to cart</button>
            <button type="button" class="Button_icon__b7k2m" aria-label="Save">♡</button>
          </div>
        </div>
      </div></li>`);
  }
  return `<main><ul class="Grid_grid__g7h8j">${cards.join('')}</ul></main>`;
}

// About 60 ms (buttons) and 110 ms (divs) in happy-dom on a developer machine, printed, not
// asserted: a timed assert fails on a busy machine (one did at 1.1 s during a bench run), and
// time is the bench's to measure (rows F: the facts, anchored, per page).
describe('a page of about 5,000 elements', () => {
  it.each(['button', 'card'])('finds a %s again after a card is added above and a rebuild', (key) => {
    const before = load(listing(420, 0, 250));
    expect(before.body.querySelectorAll('*').length).toBeGreaterThanOrEqual(5000);
    const el = marked(before, key);
    stripMarkers(before);
    let t = performance.now();
    const anchor = buildAnchor(el, before);
    const buildMs = performance.now() - t;

    const after = load(listing(1, 9999) + listing(420, 0, 250));
    const expected = marked(after, key);
    renameHashes(after);
    stripMarkers(after);
    t = performance.now();
    const found = findAnchor(anchor, after);
    const findMs = performance.now() - t;
    expect(found?.element).toBe(expected);
    console.info(`${key}: build ${buildMs.toFixed(0)} ms, find ${findMs.toFixed(0)} ms (happy-dom)`);
  });
});
