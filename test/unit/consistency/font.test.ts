// @vitest-environment happy-dom
import { firstFamily, fontExtractor } from '@/lib/consistency/extractors/font';
import { FactDraft } from '@/lib/model/fact';

function mount(css: string, html: string): Document {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = html;
  return document;
}

describe('font extractor', () => {
  it('takes the first family of a stack, unquoted, in lower case', () => {
    expect(firstFamily('"Helvetica Neue", Arial, sans-serif')).toBe('helvetica neue');
    expect(firstFamily("'Open Sans',sans-serif")).toBe('open sans');
    expect(firstFamily('Inter, system-ui')).toBe('inter');
    expect(firstFamily('serif')).toBe('serif');
    expect(firstFamily('')).toBeNull();
    expect(firstFamily('  ,Arial')).toBeNull();
  });

  it('reads the body family from the content paragraphs and the heading family from h1–h3', () => {
    const doc = mount(
      `body { font-family: Georgia, serif; } main p { font-family: "Open Sans", Arial, sans-serif; }
       h1, h2, h3 { font-family: 'Playfair Display', serif; } nav { font-family: Courier, monospace; }`,
      `<nav><p>Menú</p></nav>
       <main><h1>Viajes</h1><p>Primer párrafo.</p><p>Segundo párrafo.</p><h2>Destinos</h2></main>`,
    );
    const found = fontExtractor.extract(doc, { country: 'ES', view: window });
    expect(found.map((x) => [x.fact.label, x.fact.value])).toEqual([
      ['body', 'open sans'],
      ['heading', 'playfair display'],
    ]);
    expect(found[0]?.fact.raw).toContain('Open Sans');
    for (const x of found) expect(() => FactDraft.parse(x.fact)).not.toThrow();
  });

  it('falls back to the body element when the content has no paragraphs', () => {
    const doc = mount(`body { font-family: Inter, sans-serif; }`, `<div>Solo un bloque</div>`);
    const found = fontExtractor.extract(doc, { country: 'ES', view: window });
    expect(found.map((x) => [x.fact.label, x.fact.value])).toEqual([['body', 'inter']]);
  });

  it('returns nothing without a view', () => {
    const doc = mount(`body { font-family: Inter; }`, `<main><h1>T</h1><p>x</p></main>`);
    expect(fontExtractor.extract(doc, { country: 'ES' })).toEqual([]);
  });
});
