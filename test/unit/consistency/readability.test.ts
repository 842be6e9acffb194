// @vitest-environment happy-dom
import {
  countText,
  fernandezHuerta,
  fleschBand,
  fleschReadingEase,
  infleszBand,
  readabilityExtractor,
  szigrisztPazos,
} from '@/lib/consistency/extractors/readability';
import { prose, splitSentences, syllablesEn, syllablesEs } from '@/lib/consistency/page-text';
import { FactDraft } from '@/lib/model/fact';

function page(html: string, lang = 'es'): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.documentElement.setAttribute('lang', lang);
  doc.body.innerHTML = html;
  return doc;
}

describe('syllable counters', () => {
  it('count Spanish syllables: diphthongs join, hiatus and accented weak vowels split', () => {
    const cases: [string, number][] = [
      ['ciudad', 2],
      ['leer', 2],
      ['país', 2],
      ['hoy', 1],
      ['buey', 1],
      ['prohibir', 3],
      ['aéreo', 4],
      ['murciélago', 4],
      ['guitarra', 3],
      ['teatro', 3],
      ['y', 1],
      ['Atención', 3],
    ];
    for (const [word, n] of cases) expect([word, syllablesEs(word)]).toEqual([word, n]);
  });

  it('count English syllables with silent e, -es and -ed', () => {
    const cases: [string, number][] = [
      ['the', 1],
      ['table', 2],
      ['make', 1],
      ['makes', 1],
      ['liked', 1],
      ['wanted', 2],
      ['boxes', 2],
      ['beautiful', 3],
      ['yellow', 2],
      ['information', 4],
    ];
    for (const [word, n] of cases) expect([word, syllablesEn(word)]).toEqual([word, n]);
  });
});

describe('readability formulas', () => {
  const c = { words: 100, sentences: 5, syllables: 200 };
  it('compute Fernández-Huerta, Szigriszt-Pazos and Flesch as hand-computed', () => {
    // 206.84 − 0.60·200 − 1.02·5 = 81.74
    expect(fernandezHuerta(c)).toBeCloseTo(81.74, 6);
    // 206.835 − 62.3·2 − 20 = 62.235
    expect(szigrisztPazos(c)).toBeCloseTo(62.235, 6);
    // 206.835 − 1.015·20 − 84.6·2 = 17.335
    expect(fleschReadingEase(c)).toBeCloseTo(17.335, 6);
  });

  it('count a short Spanish text by hand: 8 words, 14 syllables, 2 sentences', () => {
    const counts = countText(splitSentences('El gato come pescado. La casa es grande.'), 'es');
    expect(counts).toEqual({ words: 8, sentences: 2, syllables: 14 });
    // 206.835 − 62.3·14/8 − 8/2 = 93.81
    expect(szigrisztPazos(counts)).toBeCloseTo(93.81, 6);
  });

  it('count a short English text by hand: 11 words, 14 syllables, 2 sentences', () => {
    const counts = countText(splitSentences('The cat sat on the table. We liked the yellow boxes.'), 'en');
    // "the cat sat on the ta-ble": 6 words, 7 syllables; "we liked the yel-low box-es": 5 words, 7.
    expect(counts).toEqual({ words: 11, sentences: 2, syllables: 14 });
    // 206.835 − 1.015·5.5 − 84.6·14/11 = 91.6368…
    expect(fleschReadingEase(counts)).toBeCloseTo(206.835 - 1.015 * 5.5 - (84.6 * 14) / 11, 6);
  });

  it('band the scores on each index’s own scale', () => {
    expect([95, 85, 75, 65, 55, 40, 10].map(fleschBand)).toEqual([
      'very-easy',
      'easy',
      'fairly-easy',
      'normal',
      'fairly-difficult',
      'difficult',
      'very-difficult',
    ]);
    expect([81, 70, 60, 45, 39].map(infleszBand)).toEqual([
      'very-easy',
      'fairly-easy',
      'normal',
      'fairly-difficult',
      'very-difficult',
    ]);
  });
});

const ES_PROSE = `<main><h1>Nuestros viajes</h1>
  <p>Organizamos viajes a medida por toda Europa desde hace veinte años. Cada viaje se prepara con calma y con mucho cariño.
  El equipo habla con cada cliente antes de reservar nada. Así sabemos qué le gusta y qué prefiere evitar.
  Los hoteles se eligen por su ubicación y por su trato. Los trayectos se planean para no perder tiempo en esperas.</p>
  <p>Si algo cambia durante el viaje, una persona del equipo responde al teléfono a cualquier hora. Las familias con niños
  tienen planes pensados para ellos. Las parejas pueden pedir rutas tranquilas y cenas en sitios pequeños. Los grupos
  grandes viajan con un guía que conoce bien cada ciudad y cada museo.</p>
  <button>Reservar ahora</button></main>
  <footer><a href="/aviso">Aviso legal</a></footer>`;

describe('readability extractor', () => {
  it('scores Spanish prose on INFLESZ, with Fernández-Huerta in the context', () => {
    const found = readabilityExtractor.extract(page(ES_PROSE), { country: 'ES' });
    expect(found).toHaveLength(1);
    const fact = FactDraft.parse(found[0]?.fact);
    expect(fact.label).toBe('INFLESZ');
    expect(fact.raw).toMatch(/^INFLESZ \d+(\.\d)?$/);
    expect(fact.context).toMatch(/^Fernández-Huerta \d+(\.\d)?; \d+ words/);
    const score = Number(fact.raw.split(' ')[1]);
    expect(fact.value).toBe(infleszBand(score));
    // Buttons, headings and the footer are not prose.
    expect(prose(page(ES_PROSE)).sentences.some((s) => /Reservar|Aviso|Nuestros/.test(s))).toBe(false);
  });

  it('scores English prose with Flesch reading ease', () => {
    const sentences = Array.from(
      { length: 12 },
      (_, i) => `We plan trip number ${i + 1} with care and we call you back the same day.`,
    );
    const found = readabilityExtractor.extract(page(`<main><p>${sentences.join(' ')}</p></main>`, 'en'), {
      country: 'GB',
    });
    expect(found[0]?.fact.label).toBe('Flesch');
    expect(found[0]?.fact.raw).toMatch(/^Flesch \d+(\.\d)?$/);
    expect(['very-easy', 'easy', 'fairly-easy']).toContain(found[0]?.fact.value);
  });

  it('gives nothing on a page without enough prose, or in a language it does not score', () => {
    const short = page('<main><p>Viajes a medida. Llámanos hoy.</p><ul><li>Lisboa</li><li>Roma</li></ul></main>');
    expect(readabilityExtractor.extract(short, { country: 'ES' })).toEqual([]);
    const german = Array.from(
      { length: 12 },
      () => 'Wir planen die Reise mit der Familie und es ist nicht so weit von hier.',
    );
    expect(readabilityExtractor.extract(page(`<p>${german.join(' ')}</p>`, 'de'), { country: 'DE' })).toEqual([]);
  });
});
