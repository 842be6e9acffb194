// @vitest-environment happy-dom
import { exclamationExtractor } from '@/lib/consistency/extractors/exclamation';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const run = (html: string) => exclamationExtractor.extract(page(html), { country: 'ES' });
const calm = (n: number) => Array.from({ length: n }, () => 'Preparamos cada viaje con calma y con tiempo.').join(' ');

describe('exclamation extractor', () => {
  it('counts exclamations per 100 sentences; ¡…! and !!! count once', () => {
    const found = run(`<main><p>¡Ofertas de verano!!! ${calm(14)} ¡Reserva ya! ¡Te esperamos!</p></main>`);
    // 3 exclamations in 17 sentences: 17.6 per 100.
    expect(found).toHaveLength(1);
    expect(FactDraft.parse(found[0]?.fact).value).toBe('18');
    expect(found[0]?.fact.raw).toBe('¡Ofertas de verano!!!');
  });

  it('gives 0 for calm English prose, ignoring a shouting button and banner', () => {
    const en = Array.from({ length: 14 }, () => 'We plan every trip with care and time.').join(' ');
    const found = run(`<header><p>Sale now on!</p></header><main><p>${en}</p><button>Buy now!</button></main>`);
    expect(found[0]?.fact.value).toBe('0');
    expect(found[0]?.fact.raw).toBe('');
  });

  it('gives nothing without enough prose', () => {
    expect(run('<main><p>¡Hola! ¡Bienvenida! ¡Reserva ya!</p></main>')).toEqual([]);
  });
});
