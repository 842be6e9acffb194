// @vitest-environment happy-dom
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { pageCandidates } from '@/lib/anchors/candidates';
import { load } from './helpers';

/** Cards and a table that repeat tags, words and classes: what makes anchors share features. */
function page(): Document {
  const cards = Array.from(
    { length: 12 },
    (_, i) =>
      `<li class="card"><h3>Viaje ${i % 4}</h3><p class="price"><span>${100 + (i % 3)} €</span></p><button type="button" class="btn">Reservar</button></li>`,
  ).join('');
  const rows = Array.from(
    { length: 15 },
    (_, i) => `<tr><td>${10_000 + i}</td><td>Cliente ${i % 5}</td><td class="amount">${(i * 37) % 500},00 €</td></tr>`,
  ).join('');
  return load(`<main><ul>${cards}</ul><table><tbody>${rows}</tbody></table></main>
    <footer><a href="tel:+34910000000">910 000 000</a> <a href="/aviso">Aviso legal</a></footer>`);
}

describe('anchors built on one page with what they share', () => {
  it('are the anchors built one by one, for every element of the page, in any order', () => {
    const doc = page();
    const elements = [...doc.querySelectorAll('main *, footer *')];
    expect(elements.length).toBeGreaterThan(100);
    const alone = elements.map((el) => buildAnchor(el, doc));
    const shared = pageCandidates();
    // Reversed: what the shared reads hold must not depend on which element asked first.
    const together = [...elements].reverse().map((el) => buildAnchor(el, doc, undefined, undefined, shared));
    expect(together.reverse()).toEqual(alone);
    expect(shared.byTag.size).toBeGreaterThan(5);
  });
});
