// @vitest-environment happy-dom
import { footerLinksExtractor } from '@/lib/consistency/extractors/footer-links';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string) => footerLinksExtractor.extract(page(html), { country: 'ES' }).map((x) => x.fact.value);

describe('footer-links extractor', () => {
  it('reads the page footer’s links in order, icon links by their name', () => {
    const found = footerLinksExtractor.extract(
      page(`<main><article><p>Texto</p><footer><a href="/autora">Autora</a></footer></article></main>
        <footer><ul><li><a href="/aviso-legal">Aviso legal</a></li><li><a href="/privacidad">Política de privacidad</a></li>
        <li><a href="/cookies">Cookies</a></li></ul>
        <a href="https://instagram.com/v" aria-label="Instagram"><svg></svg></a>
        <a href="/x" hidden>Oculto</a><p>Tel. 912 345 678</p></footer>`),
      { country: 'ES' },
    );
    expect(found.map((x) => x.fact.value)).toEqual(['aviso legal | política de privacidad | cookies | instagram']);
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('reads role=contentinfo in English, and gives nothing without a footer or links', () => {
    expect(
      run('<div role="contentinfo"><a href="/terms">Terms of use</a> · <a href="/privacy">Privacy</a></div>'),
    ).toEqual(['terms of use | privacy']);
    expect(run('<footer><p>© 2026 Ventura Viajes</p></footer>')).toEqual([]);
    expect(run('<main><a href="/a">A</a></main>')).toEqual([]);
  });
});
