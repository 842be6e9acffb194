// @vitest-environment happy-dom
import { sentenceLengthExtractor } from '@/lib/consistency/extractors/sentence-length';
import { MIN_PROSE_SENTENCES, MIN_PROSE_WORDS, prose, splitSentences } from '@/lib/consistency/page-text';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string) => sentenceLengthExtractor.extract(page(html), { country: 'ES' });
/** n sentences of exactly `len` words each. */
const sentences = (n: number, len: number, word = 'viaje') =>
  Array.from({ length: n }, () => `${'Nuestro '.repeat(1)}${`${word} `.repeat(len - 2)}termina.`).join(' ');

describe('sentence splitting', () => {
  it('splits after closing marks, keeps abbreviations and Spanish opening marks', () => {
    expect(splitSentences('Hola, Sr. García. ¿Quiere viajar? ¡Le esperamos! Precio 1.234,56 € hoy.')).toEqual([
      'Hola, Sr. García.',
      '¿Quiere viajar?',
      '¡Le esperamos!',
      'Precio 1.234,56 € hoy.',
    ]);
    expect(splitSentences('We fly at 9 a.m. to Rome. Then we rest.')).toHaveLength(2);
  });
});

describe('sentence-length extractor', () => {
  it('gives the mean words per sentence of the main prose, rounded', () => {
    // 6 sentences of 10 words and 6 of 20: mean 15.
    const found = run(`<main><p>${sentences(6, 10)}</p><p>${sentences(6, 20)}</p></main>`);
    expect(found).toHaveLength(1);
    expect(FactDraft.parse(found[0]?.fact).value).toBe('15');
    expect(found[0]?.fact.raw.split(' ')).toHaveLength(20);
  });

  it('reads English prose the same way, and leaves navigation, footer, buttons and forms out', () => {
    const en = Array.from({ length: 14 }, () => 'We answer every message within one working day.').join(' ');
    const found =
      run(`<header><nav><a href="/">Home</a> <a href="/trips">Trips and more trips for all</a></nav></header>
      <main><p>${en}</p><form><label>Your name please write it here in full</label><button>Send it to us now</button></form></main>
      <footer><p>All rights reserved by the company that wrote this long footer line.</p></footer>`);
    expect(found[0]?.fact.value).toBe('8');
    expect(found[0]?.fact.context).toMatch(/^112 words in 14 sentences/);
  });

  it('leaves a banner and footer out even without a main element, but keeps an article’s own header', () => {
    const en = Array.from({ length: 14 }, () => 'We answer every message within one working day.').join(' ');
    const long = 'This banner line is long enough to be a sentence of its own, with many words in it.';
    const p = prose(
      page(`<div class="page"><header><p>${long}</p></header>
        <article><header><p>Written by the team on a sunny day in late May.</p></header><p>${en}</p></article>
        <footer><p>${long}</p></footer></div>`),
    );
    expect(p.sentences).toHaveLength(15);
    expect(p.sentences[0]).toBe('Written by the team on a sunny day in late May.');
  });

  it(`needs ${MIN_PROSE_WORDS} words in ${MIN_PROSE_SENTENCES} sentences: a page of labels and short lines gives nothing`, () => {
    expect(run(`<main><p>${sentences(4, 30)}</p></main>`)).toEqual([]);
    expect(run(`<main><p>${sentences(8, 5)}</p></main>`)).toEqual([]);
    // Unpunctuated fragments (prices, list labels) are not sentences.
    const list = Array.from({ length: 40 }, (_, i) => `<li>Lisboa ${i} noches 489 €</li>`).join('');
    expect(prose(page(`<main><ul>${list}</ul></main>`)).sentences).toEqual([]);
  });

  it('reads a hostile page (deep nesting, huge text) without throwing, within its bounds', () => {
    const doc = page('');
    let el: Element = doc.body;
    for (let i = 0; i < 3_000; i++) el = el.appendChild(doc.createElement(i % 2 ? 'div' : 'span'));
    el.textContent = 'Una frase corta. '.repeat(50_000);
    const found = sentenceLengthExtractor.extract(doc, { country: 'ES' });
    expect(found.map((x) => x.fact.value)).toEqual(['3']);
  });
});
