// @vitest-environment happy-dom
import { titlePattern, titlePatternExtractor } from '@/lib/consistency/extractors/title-pattern';
import { FactDraft } from '@/lib/model/fact';

function page(head: string, body = ''): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}

const run = (head: string, body = '') => titlePatternExtractor.extract(page(head, body), { country: 'ES' });
const brand = ['venturaviajes'];

describe('title pattern', () => {
  it('keeps the brand side and replaces the page side by {page}', () => {
    expect(titlePattern('Contacto | Ventura Viajes', { brands: brand })).toBe('{page} | Ventura Viajes');
    expect(titlePattern('Ventura Viajes - Ofertas de verano', { brands: brand })).toBe('Ventura Viajes - {page}');
    expect(titlePattern('Lisboa · Destinos · Ventura Viajes', { brands: brand })).toBe('{page} · Ventura Viajes');
    expect(titlePattern('Blog – Ventura  Viajes', { brands: brand })).toBe('{page} – Ventura Viajes');
  });

  it('does not split inside words, and takes the exact brand over a segment that only shares a word', () => {
    expect(titlePattern('Atención e-mail | Ventura Viajes', { brands: brand })).toBe('{page} | Ventura Viajes');
    expect(titlePattern('Viajes Ventura | Ventura Viajes', { brands: brand })).toBe('{page} | Ventura Viajes');
  });

  it('with no name matching, the segment repeating the page heading is the page part', () => {
    expect(titlePattern('Login - SB Admin', { brands: [], headings: ['login'] })).toBe('{page} - SB Admin');
    expect(titlePattern('Acme | Pricing plans', { brands: [], headings: ['pricingplans'] })).toBe('Acme | {page}');
    // A stated brand that the title lacks outweighs the heading: the brand was dropped.
    expect(titlePattern('Login - SB Admin', { brands: ['acme'], headings: ['login'] })).toBe('{page}');
  });

  it('a title that is only the brand is the brand; one without it is all page; no name known, nothing', () => {
    expect(titlePattern('Ventura Viajes', { brands: brand })).toBe('Ventura Viajes');
    expect(titlePattern('Contacto', { brands: brand })).toBe('{page}');
    expect(titlePattern('Contacto | Madrid', { brands: [] })).toBeNull();
  });

  it('uses the host only to find the brand side, never to say it is missing', () => {
    expect(titlePattern('Contacto | Ventura', { brands: [], weak: ['ventura'] })).toBe('{page} | Ventura');
    expect(titlePattern('Contacto | Madrid', { brands: [], weak: ['ventura'] })).toBeNull();
  });
});

describe('title-pattern extractor', () => {
  it('finds the brand in og:site_name', () => {
    const found = run(`<title>Preguntas frecuentes | Ventura Viajes</title>
      <meta property="og:site_name" content="Ventura Viajes">`);
    expect(found.map((x) => [x.fact.value, x.fact.raw, x.fact.source])).toEqual([
      ['{page} | Ventura Viajes', 'Preguntas frecuentes | Ventura Viajes', 'text'],
    ]);
    expect(found[0]?.element?.tagName).toBe('TITLE');
    expect(() => FactDraft.parse(found[0]?.fact)).not.toThrow();
  });

  it('finds it in the schema.org Organization name or in the logo alt text', () => {
    const ld = `<script type="application/ld+json">{"@type":"Organization","name":"Acme Shoes"}</script>`;
    expect(run(`<title>Acme Shoes — Sale</title>`, ld)[0]?.fact.value).toBe('Acme Shoes — {page}');
    const logo = `<header><a href="/" class="logo"><img src="/l.svg" alt="Logo de Ventura Viajes"></a></header>`;
    expect(run(`<title>Contacto | Ventura Viajes</title>`, logo)[0]?.fact.value).toBe('{page} | Ventura Viajes');
  });

  it('reads the brand from an inline SVG logo, and the host from the canonical link of a saved copy', () => {
    const svg = `<header><a href="/" class="logo"><svg role="img"><title>Harbour & Pine</title><path d="M0 0"/></svg></a></header>`;
    expect(run(`<title>Sofas - Harbour &amp; Pine</title>`, svg)[0]?.fact.value).toBe('{page} - Harbour & Pine');
    const canonical = `<link rel="canonical" href="https://www.rumbo.example/tarifas">`;
    expect(run(`<title>Rumbo | Tarifas</title>${canonical}`)[0]?.fact.value).toBe('Rumbo | {page}');
  });

  it('takes the text of the header brand link as a weak name', () => {
    const nav = `<nav><a class="navbar-brand" href="#top">Start Bootstrap</a></nav>`;
    expect(run(`<title>Creative - Start Bootstrap Theme</title>`, nav)[0]?.fact.value).toBe(
      '{page} - Start Bootstrap Theme',
    );
    expect(run(`<title>Creative - Another Theme</title>`, nav)).toEqual([]);
  });

  it('gives nothing for an empty title or when no brand name is stated anywhere', () => {
    expect(run(`<title>  </title><meta property="og:site_name" content="Ventura">`)).toEqual([]);
    expect(run(`<title>Contacto | Ventura Viajes</title>`)).toEqual([]);
  });
});
