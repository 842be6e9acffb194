// @vitest-environment happy-dom
import type { Extractor } from '@/lib/consistency/extractor';
import { READ_WITHOUT_TEXT } from '@/lib/consistency/unreadable';
import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import { countryOf } from '@/lib/facts/country';
import { extractPage, type PageLoadInfo } from '@/lib/facts/extract-page';
import { PageFacts } from '@/lib/model/fact';

const info = (maskAllText = false): PageLoadInfo => ({
  auditId: 'a1',
  walkId: 'w1',
  recorderId: 'r1',
  tabId: 7,
  touchpointId: 't1',
  url: 'https://ventura.example/contacto',
  at: 5_000,
  country: 'ES',
  privacy: { maskAllText, blockSelectors: [] },
});

function page(): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.head.innerHTML = '<title>Contacto |  Ventura Viajes</title>';
  doc.body.innerHTML = `<footer><p>Llámenos al <a id="tel" href="tel:+34910000222">910 000 222</a> o escriba a
    <a href="mailto:Hola@Ventura.example">Hola@Ventura.example</a></p></footer>`;
  return doc;
}

describe('extractPage', () => {
  it('reads every kind into one PageFacts record, each fact anchored to its element', () => {
    const r = PageFacts.parse(extractPage(page(), null, info(), 9_000));
    expect(r).toMatchObject({
      id: 'w1:r1',
      at: 5_000,
      version: EXTRACTION_VERSION,
      title: 'Contacto | Ventura Viajes',
    });
    expect(r.unreadable).toEqual([]);
    const phone = r.facts.find((f) => f.kind === 'phone');
    expect(phone?.value).toBe('+34910000222');
    expect(phone?.anchor?.tag).toBe('a');
    expect(r.facts.find((f) => f.kind === 'email')?.value).toBe('hola@ventura.example');
  });

  it('with all page text masked, lists the kinds read from text as unreadable and reads none of them', () => {
    const r = extractPage(page(), null, info(true), 9_000);
    expect(r.facts).toEqual([]);
    expect(r.title).toBe('');
    expect(r.unreadable).toContain('phone');
    expect(r.unreadable).not.toContain('colour');
    for (const k of READ_WITHOUT_TEXT) expect(r.unreadable).not.toContain(k);
  });

  it('an extractor that throws loses its kind on this page only, and says why', () => {
    const broken: Extractor = {
      kind: 'email',
      extract: () => {
        throw new Error('bad page');
      },
    };
    const ok: Extractor = { kind: 'phone', extract: () => [] };
    const r = extractPage(page(), null, info(), 9_000, [broken, ok]);
    expect(r.failed).toEqual([{ kind: 'email', error: 'bad page' }]);
  });
});

describe('extractPage bounds', () => {
  const repeated = (n: number) => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = Array.from(
      { length: n },
      (_, i) => `<p id="p${i}"><a href="tel:+3491000${String(i % 2 ? 1 : 0).repeat(4)}">call</a></p>`,
    ).join('');
    return doc;
  };
  it('anchors at most three places of one value of one kind', () => {
    const r = extractPage(repeated(10), null, info(), 9_000);
    const anchored = (v: string) => r.facts.filter((f) => f.value === v && f.anchor !== null).length;
    expect(r.facts.filter((f) => f.kind === 'phone').length).toBeGreaterThan(6);
    expect(anchored('+34910000000')).toBe(3);
    expect(anchored('+34910001111')).toBe(3);
  });
  it('stops anchoring once the page has had its time, keeping the facts', () => {
    let t = 0;
    const clock = () => (t += 300);
    const r = extractPage(repeated(4), null, info(), 9_000, undefined, 400, clock);
    expect(r.facts.filter((f) => f.kind === 'phone').length).toBe(4);
    expect(r.facts.filter((f) => f.anchor !== null).length).toBe(1);
  });
});

describe('countryOf', () => {
  it("takes the persona's locale region, else the start URL's country-code domain, else Spain", () => {
    expect(countryOf('en-GB', 'https://ventura.es/')).toBe('GB');
    expect(countryOf('es', 'https://ventura.pt/')).toBe('PT');
    expect(countryOf('', 'https://ventura.co.uk/')).toBe('GB');
    expect(countryOf('', 'https://ventura.com/')).toBe('ES');
    expect(countryOf(null, 'not a url')).toBe('ES');
  });
});
