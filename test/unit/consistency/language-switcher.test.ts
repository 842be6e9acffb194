// @vitest-environment happy-dom
import { languageSwitcherExtractor } from '@/lib/consistency/extractors/language-switcher';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string) => languageSwitcherExtractor.extract(page(html), { country: 'ES' }).map((x) => x.fact.value);

describe('language-switcher extractor', () => {
  it('reads hreflang links, sorted codes', () => {
    const found = languageSwitcherExtractor.extract(
      page(`<header><ul class="idiomas"><li><a href="/en/" hreflang="en-GB">EN</a></li>
        <li><a href="/ca/" hreflang="ca">CA</a></li><li><span aria-current="true">ES</span></li></ul></header>`),
      { country: 'ES' },
    );
    expect(found.map((x) => x.fact.value)).toEqual(['ca,en,es']);
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('reads a switcher by its labels (Español / English) and a select of languages', () => {
    expect(run('<div class="language-switcher"><a href="/es/">Español</a> | <a href="/en/">English</a></div>')).toEqual(
      ['en,es'],
    );
    expect(
      run(
        '<label>Idioma <select aria-label="Idioma"><option value="es">Castellano</option><option value="ca">Català</option></select></label>',
      ),
    ).toEqual(['ca,es']);
  });

  it('gives nothing for head alternates, a lone "lang" class, or words that are not languages', () => {
    expect(run('<div class="slang-dictionary"><a href="/a">Cool</a> <a href="/b">Rad</a></div>')).toEqual([]);
    expect(run('<div class="lang"><a href="/en/">EN</a></div>')).toEqual([]);
    expect(run('<p>Hablamos español e inglés.</p>')).toEqual([]);
  });
});
