// @vitest-environment happy-dom
import { extractPage, extractPageSteps, type PageLoadInfo, runSliced } from '@/lib/facts/extract-page';

const info: PageLoadInfo = {
  auditId: 'a1',
  walkId: 'w1',
  recorderId: 'r1',
  tabId: 7,
  touchpointId: 't1',
  url: 'https://ventura.example/contacto',
  at: 5_000,
  country: 'ES',
  privacy: { maskAllText: false, blockSelectors: [] },
};

/** A page with several phones, an email, a price and hours: many facts, each anchored. */
function page(): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.head.innerHTML = '<title>Contacto | Ventura Viajes</title>';
  doc.body.innerHTML = `<main><h1>Islas griegas</h1><p>Desde 1.290 € por persona.</p>
    ${Array.from({ length: 6 }, (_, i) => `<p><a href="tel:+3491000${i}222">91 000 ${i}2 22</a></p>`).join('')}
    <footer><p>Escriba a <a href="mailto:hola@ventura.example">hola@ventura.example</a>. Lunes a viernes de 9:00 a 20:00</p></footer></main>`;
  return doc;
}

describe('reading a page in slices (the side panel gives its thread back)', () => {
  it('gives the same record as reading it at once, in several tasks', async () => {
    const whole = extractPage(page(), null, info, 9_000);
    let t = 0;
    const clock = () => (t += 10);
    let turns = 0;
    const sliced = await runSliced(
      extractPageSteps(page(), null, info, 9_000),
      async () => {
        turns++;
      },
      30,
      clock,
    );
    expect(sliced).toEqual(whole);
    expect(whole.facts.filter((f) => f.anchor !== null).length).toBeGreaterThan(3);
    // 24 extractors and every anchor yield a step; a 30 ms slice of 10 ms clock ticks holds only a few.
    expect(turns).toBeGreaterThan(5);
  });

  it('does not count the time it was away against the page’s anchoring budget', async () => {
    // The page's own clock moves only while the panel is away (1 s each turn).
    let t = 0;
    const budgetClock = () => t;
    const steps = extractPageSteps(page(), null, info, 9_000, undefined, 400, budgetClock);
    const facts = await runSliced(
      steps,
      async () => {
        t += 1000;
      },
      0,
      () => t,
    );
    const anchored = (r: typeof facts) => r.facts.filter((f) => f.anchor !== null).length;
    // Every turn away is 1 s, past the 400 ms budget: counted, only the first element would be anchored.
    expect(anchored(facts)).toBe(anchored(extractPage(page(), null, info, 9_000)));
    expect(anchored(facts)).toBeGreaterThan(3);
  });
});
