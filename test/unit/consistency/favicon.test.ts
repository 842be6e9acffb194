// @vitest-environment happy-dom
import { faviconExtractor } from '@/lib/consistency/extractors/favicon';
import { FactDraft } from '@/lib/model/fact';

function page(head: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  return doc;
}

const run = (head: string) => faviconExtractor.extract(page(head), { country: 'ES' });

describe('favicon extractor', () => {
  it('reads the first declared icon as an absolute URL without query', () => {
    const found = run(`<base href="https://ventura.example/es/">
      <link rel="apple-touch-icon" href="/apple.png">
      <link rel="Shortcut Icon" href="img/favicon.ico?v=3">
      <link rel="icon" type="image/png" sizes="32x32" href="/favicon-32.png">`);
    expect(found.map((x) => [x.fact.value, x.fact.raw, x.fact.source])).toEqual([
      ['https://ventura.example/es/img/favicon.ico', 'img/favicon.ico?v=3', 'link'],
    ]);
    expect(found[0]?.element?.tagName).toBe('LINK');
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('names a long inline icon by its type and a hash, and keeps a short one as written', () => {
    const long = `data:image/png;base64,${'A'.repeat(2000)}`;
    const [a] = run(`<link rel="icon" href="${long}">`);
    expect(a?.fact.value).toMatch(/^data:image\/png;fnv1a=[0-9a-f]{8}$/);
    const [b] = run(`<link rel="icon" href="data:image/svg+xml,<svg/>">`);
    expect(b?.fact.value).toBe('data:image/svg+xml,<svg/>');
  });

  it('assumes no /favicon.ico when none is declared, and skips unusable hrefs', () => {
    expect(run(`<link rel="manifest" href="/site.webmanifest"><link rel="apple-touch-icon" href="/t.png">`)).toEqual(
      [],
    );
    expect(run(`<link rel="icon" href="javascript:alert(1)">`)).toEqual([]);
  });
});
