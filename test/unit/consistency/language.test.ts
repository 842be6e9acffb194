// @vitest-environment happy-dom
import { languageExtractor } from '@/lib/consistency/extractors/language';
import { detectLanguage, languageByName } from '@/lib/consistency/language-detect';
import { FactDraft } from '@/lib/model/fact';

function page(html: string, lang: string | null): Document {
  const doc = document.implementation.createHTMLDocument('t');
  if (lang !== null) doc.documentElement.setAttribute('lang', lang);
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string, lang: string | null) => languageExtractor.extract(page(html, lang), { country: 'ES' });

describe('language detector', () => {
  it('tells apart the languages audits meet, on a sentence or two', () => {
    const cases: [string, string][] = [
      ['Organizamos viajes a medida para que no tengas que preocuparte por nada durante las vacaciones.', 'es'],
      ['We plan tailor-made trips so that you do not have to worry about anything on your holiday.', 'en'],
      [
        'Organitzem viatges a mida perquè no us hàgiu de preocupar per res durant les vacances, amb tot el que cal.',
        'ca',
      ],
      ['Organizamos viagens à medida para que você não tenha de se preocupar com nada durante as férias.', 'pt'],
      ['Nous organisons des voyages sur mesure pour que vous ne vous souciez de rien pendant les vacances.', 'fr'],
      ['Wir planen Reisen nach Maß, damit Sie sich im Urlaub um nichts kümmern müssen und es nicht schwer ist.', 'de'],
      [
        'Organizziamo viaggi su misura perché non dobbiate preoccuparvi di nulla durante le vacanze, e questo è tutto.',
        'it',
      ],
    ];
    for (const [text, lang] of cases) expect([text, detectLanguage(text)?.lang]).toEqual([text, lang]);
  });

  it('says nothing about a few words or a list of names', () => {
    expect(detectLanguage('Lisboa · Roma · Oporto')).toBeNull();
    expect(detectLanguage('Hola')).toBeNull();
  });

  it('reads switcher and auditor labels as codes', () => {
    expect(['ES', 'Español', 'english', 'en-GB', 'Català', 'x-default', 'the'].map(languageByName)).toEqual([
      'es',
      'es',
      'en',
      'en',
      'ca',
      null,
      null,
    ]);
  });
});

describe('language extractor', () => {
  it('detects Spanish and keeps the declared lang as raw', () => {
    const found = run(
      '<main><h1>Viajes</h1><p>Organizamos viajes a medida para toda la familia y con el mejor precio.</p></main>',
      'es-ES',
    );
    expect(found.map((x) => [x.fact.value, x.fact.raw])).toEqual([['es', 'es-ES']]);
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('reports English text on a page declaring Spanish, so the comparison can flag it', () => {
    const found = run(
      '<main><p>We plan tailor-made trips for the whole family and at the best price.</p></main>',
      'es',
    );
    expect(found.map((x) => [x.fact.value, x.fact.raw])).toEqual([['en', 'es']]);
  });

  it('falls back to the whole page when the main content is short, and gives nothing on no text', () => {
    const found = run(
      '<header><p>Somos una agencia de viajes con oficinas en toda la costa y en el centro de la ciudad.</p></header><main><p>Lisboa</p></main>',
      null,
    );
    expect(found.map((x) => [x.fact.value, x.fact.raw])).toEqual([['es', '']]);
    expect(run('<main><p>Lisboa · 489 €</p></main>', 'es')).toEqual([]);
  });
});
