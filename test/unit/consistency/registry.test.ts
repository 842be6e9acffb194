// @vitest-environment happy-dom
import type { Extractor } from '@/lib/consistency/extractor';
import { EXTRACTORS, extractAll } from '@/lib/consistency/registry';
import { FACT_GROUP, FactKind } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('the extractor registry', () => {
  it('has one extractor per fact kind, and every kind has one', () => {
    const kinds = EXTRACTORS.map((e) => e.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual([...FactKind.options].sort());
  });

  it('runs them all on a page: a contact block and a footer give every information kind, and no style kind without a layout', () => {
    const doc = page(`
      <section><h2>Atención al cliente</h2>
        <p>Llámanos al <a href="tel:+34912345678">91 234 56 78</a> o escribe a
           <a href="mailto:hola@ventura.example">hola@ventura.example</a>.</p>
        <p>Lunes a viernes de 9:00 a 14:00</p>
        <p>Calle Mayor 12, 28013 Madrid. Te respondemos en menos de 24 h.</p></section>
      <article><h3>Lisboa</h3><p>Desde 489 € por persona</p></article>
      <footer><p>© 2026 Ventura Viajes S.L.</p>
        <a href="https://www.instagram.com/venturaviajes/">Instagram</a></footer>`);
    const { found, failed, rejected } = extractAll(doc, { country: 'ES' });
    expect(failed).toEqual([]);
    expect(rejected).toBe(0);
    const kinds = new Set(found.map((x) => x.fact.kind));
    const information = FactKind.options.filter((k) => FACT_GROUP[k] === 'information');
    for (const k of information) expect(kinds, k).toContain(k);
    // Computed styles need a layout engine (ctx.view): without one they are not read, never guessed.
    for (const k of ['colour', 'font', 'button-shape'] as const) expect(kinds).not.toContain(k);
    // The corpus test (corpus.test.ts) shows every kind on real pages in Chromium.
    expect(found.find((x) => x.fact.kind === 'phone')?.fact.value).toBe('+34912345678');
    expect(found.find((x) => x.fact.kind === 'email')?.fact.value).toBe('hola@ventura.example');
    expect(found.find((x) => x.fact.kind === 'price')?.fact.value).toBe('EUR 489.00');
    expect(found.find((x) => x.fact.kind === 'legal-name')?.fact.value).toBe('ventura viajes sl');
    expect(found.find((x) => x.fact.kind === 'social')?.fact.value).toBe('instagram:venturaviajes');
  });

  it('a failing extractor loses only its kind, and a fact that breaks the schema is dropped', () => {
    const broken: Extractor = {
      kind: 'email',
      extract: () => {
        throw new Error('boom');
      },
    };
    const sloppy: Extractor = {
      kind: 'phone',
      extract: () => [
        { fact: { kind: 'phone', value: '', raw: '', source: 'text', context: '', label: '' }, element: null },
        {
          fact: { kind: 'email', value: 'a@b.example', raw: '', source: 'text', context: '', label: '' },
          element: null,
        },
        {
          fact: { kind: 'phone', value: '+34912345678', raw: '91 234 56 78', source: 'text', context: '', label: '' },
          element: null,
        },
      ],
    };
    const report = extractAll(page('<p>x</p>'), { country: 'ES' }, [broken, sloppy]);
    expect(report.failed).toEqual([{ kind: 'email', error: 'boom' }]);
    expect(report.rejected).toBe(2); // an empty value; a fact of another kind than its extractor's
    expect(report.found.map((x) => x.fact.value)).toEqual(['+34912345678']);
  });
});
