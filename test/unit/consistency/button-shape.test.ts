// @vitest-environment happy-dom
import { buttonShapeExtractor } from '@/lib/consistency/extractors/button-shape';
import { FactDraft } from '@/lib/model/fact';

function mount(css: string, html: string): Document {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = html;
  return document;
}

const shape = (doc: Document) => buttonShapeExtractor.extract(doc, { country: 'ES', view: window });

describe('button-shape extractor', () => {
  it('reads the radius and height of the primary buttons, rounded to whole pixels', () => {
    const doc = mount(
      `.btn { background-color: #6c757d; border-radius: 0px; height: 30px; }
       .btn-primary { background-color: #0d6efd; border-radius: 6.4px; height: 38px; }`,
      `<main><button class="btn">Uno</button><button class="btn">Dos</button>
        <a class="btn btn-primary" href="/r">Reservar</a><button class="btn btn-primary">Pagar</button></main>`,
    );
    const found = shape(doc);
    expect(found.map((x) => [x.fact.label, x.fact.value])).toEqual([['primary-button', 'radius 6px height 38px']]);
    expect(found[0]?.element?.textContent).toBe('Reservar');
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('caps the radius at half the height, so pills of one height read the same however written', () => {
    const pill = (radius: string) =>
      shape(
        mount(
          `.btn-primary { background-color: #0d6efd; height: 40px; border-radius: ${radius}; }`,
          `<button class="btn-primary">Ir</button>`,
        ),
      )[0]?.fact.value;
    expect(pill('9999px')).toBe('radius 20px height 40px');
    expect(pill('50%')).toBe('radius 20px height 40px');
    expect(pill('8px 4px')).toBe('radius 8px height 40px');
  });

  it('takes the shape of the buttons in the main primary colour', () => {
    const doc = mount(
      `.a { background-color: #0d6efd; height: 38px; border-radius: 4px; }
       .b { background-color: #dc3545; height: 50px; border-radius: 0px; }`,
      `<button class="btn-primary a">1</button><button class="btn-primary a">2</button>
       <button class="btn-primary b">3</button>`,
    );
    expect(shape(doc)[0]?.fact.value).toBe('radius 4px height 38px');
  });

  it('returns nothing without a view, or when no height is known', () => {
    const css = `.btn-primary { background-color: #0d6efd; border-radius: 4px; }`;
    const doc = mount(`${css} .btn-primary { height: 38px; }`, `<button class="btn-primary">Ir</button>`);
    expect(buttonShapeExtractor.extract(doc, { country: 'ES' })).toEqual([]);
    expect(shape(mount(css, `<button class="btn-primary">Ir</button>`))).toEqual([]);
  });
});
