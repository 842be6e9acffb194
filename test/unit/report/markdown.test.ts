// @vitest-environment happy-dom
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { AuditExport } from '@/lib/model';
import type { Divergence } from '@/lib/model/divergence';
import { auditMarkdown, TOP_FRICTIONS } from '@/lib/report/markdown';
import { mdLink, mdText } from '@/lib/report/markdown-text';
import { distinctAnchor, makeFile, T0, tag, words } from './csv-fixture';

const EN = words('en');
const ES = words('es');

/**
 * The Markdown as GitHub would render it (GFM), but with raw HTML and every link protocol let
 * through: whatever is safe here is safe because of what we wrote, not the renderer's filter.
 */
function render(markdown: string): Document {
  const html = micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
  });
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}

/** A table by its first header cell, as rows of cell texts (the header row first). */
function table(doc: Document, firstHeader: string): string[][] {
  const found = [...doc.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === firstHeader);
  if (!found) throw new Error(`no table headed ${firstHeader}`);
  return [...found.querySelectorAll('tr')].map((tr) =>
    [...tr.querySelectorAll('th,td')].map((c) => c.textContent ?? ''),
  );
}

function withOutcomes(file: AuditExport): AuditExport {
  const [w1, w2] = file.walks;
  if (!w1 || !w2) throw new Error('fixture');
  w1.outcome = { goal: 'yes', minutes: 10, nps: 10, note: '' };
  w2.outcome = { goal: 'no', minutes: 8, nps: 8, note: '' };
  return file;
}

function divergence(key: string, values: string[]): Divergence {
  return {
    key,
    kind: 'phone',
    group: 'information',
    subject: '',
    baseline: values[0] ?? '',
    severity: 3,
    reason: 'across-places',
    lang: '',
    values: values.map((value, i) => ({
      value,
      places: Array.from({ length: values.length - i }, (_, n) => ({
        type: 'offsite' as const,
        walkId: 'w1',
        eventId: `e${i}-${n}`,
        touchpointId: 'tp-phone',
        channel: 'phone' as const,
        raw: value,
        label: '',
      })),
    })),
  };
}

/** A confirmed divergence, one left open and one dismissed: only the first is reported. */
function withDivergences(file: AuditExport, values: string[]): AuditExport {
  file.divergences = [
    divergence('k-confirmed', values),
    divergence('k-open', ['1', '2']),
    divergence('k-no', ['3', '4']),
  ];
  const decide = (key: string, status: 'confirmed' | 'dismissed') => ({
    id: `a1:${key}`,
    auditId: 'a1',
    key,
    kind: 'phone' as const,
    status,
    tagId: null,
    decidedAt: T0 + 5,
  });
  file.decisions = [decide('k-confirmed', 'confirmed'), decide('k-no', 'dismissed')];
  return file;
}

describe('Markdown summary', () => {
  it('gives the summary figures, personas, top frictions, divergences and touchpoints in English', () => {
    const file = withDivergences(withOutcomes(makeFile([tag('w1', 1, { note: 'Hidden fee' })])), [
      '+34 900 000 000',
      '+34 911 111 111',
    ]);
    const markdown = auditMarkdown(file, EN.present, EN.t);
    const doc = render(markdown);
    expect(doc.querySelector('h1')?.textContent).toBe('Customer experience audit: Tienda — auditoría');
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Summary',
      'Top frictions',
      'Confirmed divergences',
      'Touchpoints',
    ]);
    expect(doc.body.textContent).toContain('Auditors: Ana and Luis');
    expect(table(doc, 'Measure').slice(1)).toEqual([
      ['Customer effort (CES 1–7, higher is easier)', '3.5 (2 ratings)'],
      ['Satisfaction (CSAT 1–5)', '2.5 · 50% satisfied (2 ratings)'],
      ['Net Promoter Score (NPS)', '+50 · 2 of 2 walks answered (1 promoters, 0 detractors)'],
      ['Walks', '2'],
      ['Touchpoints met', '2'],
      ['Tags', '2'],
      ['Frictions', '1'],
      ['Confirmed divergences', '1'],
      ['Moments of truth', '1'],
    ]);
    expect(table(doc, 'Persona').slice(1)).toEqual([
      ['Begoña', 'Comprar café', 'Pagar', 'Yes (yes 1, partly 0, no 0)', '1', '2'],
      ['Tomás', '', '', 'No (yes 0, partly 0, no 1)', '1', '5'],
    ]);
    const frictions = table(doc, 'Rank');
    // Ana's and Luis's tags on the same button are one friction met in two walks.
    expect(frictions[1]).toEqual([
      '1',
      '3 · Major',
      'Form and input effort',
      'button “Pay”',
      'Cesta',
      '2',
      '3.5',
      'Ana, Luis',
      'Cart',
      'Hidden fee',
    ]);
    expect(doc.querySelector('table a[href="https://shop.example/cart"]')?.textContent).toBe('Cart');
    expect(table(doc, 'What').slice(1)).toEqual([
      ['Phone number', '+34 900 000 000 (2 places); +34 911 111 111 (1 place)', '3 · Major'],
    ]);
    expect(table(doc, 'Touchpoint').slice(1)).toEqual([
      ['Home', 'Web', 'Awareness', '1', '12 sec', '—', '—', '0 / 0 / 0 / 0 / 0'],
      ['Cesta', 'Web', 'Purchase', '2', '45 sec', '3.5', '2.5', '0 / 1 / 0 / 1 / 0'],
    ]);
    expect(
      markdown.endsWith(`Generated by Touchpoint from the export of ${EN.present.dateTime(file.exportedAt)}.\n`),
    ).toBe(true);
  });

  it('is worded in Spanish', () => {
    const doc = render(auditMarkdown(withOutcomes(makeFile()), ES.present, ES.t));
    expect(doc.querySelector('h1')?.textContent).toBe('Auditoría de experiencia de cliente: Tienda — auditoría');
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Resumen',
      'Principales fricciones',
      'Divergencias confirmadas',
      'Puntos de contacto',
    ]);
    expect(doc.body.textContent).toContain('Auditores: Ana y Luis');
    expect(doc.body.textContent).toContain('No hay divergencias confirmadas.');
    expect(table(doc, 'Medida')[1]).toEqual([
      'Esfuerzo del cliente (CES 1–7, más alto es más fácil)',
      '3,5 (2 valoraciones)',
    ]);
    expect(table(doc, 'Persona')[1]?.[3]).toBe('Sí (sí 1, en parte 0, no 0)');
    expect(table(doc, 'Puesto')[1]?.slice(1, 5)).toEqual([
      '3 · Grave',
      'Esfuerzo en formularios',
      'botón «Pay»',
      'Cesta',
    ]);
    expect(table(doc, 'Punto de contacto')[2]?.slice(0, 3)).toEqual(['Cesta', 'Web', 'Compra']);
  });

  it('keeps hostile page text as text: no markup, no raw HTML, no javascript: link', () => {
    const hostile = {
      title: '<img src=x onerror="window.pwned=1"></script><script>window.pwned=1</script>',
      name: '`code` *bold* _it_ ~~gone~~ $x^2$ ![i](https://evil.example/i.png) [a](javascript:alert(1))',
      note: 'one\n# heading\n| a | b |\n```\n<!-- c -->\n---\n> quote\n1. item',
    };
    const file = makeFile([
      tag('w1', 1, {
        pageTitle: hostile.title,
        url: 'javascript:alert(1)',
        note: hostile.note,
        target: { kind: 'link', name: hostile.name },
      }),
      tag('w1', 2, {
        severity: 2,
        anchor: distinctAnchor(1),
        pageTitle: 'Sale | 50% *off*',
        url: 'https://shop.example/a b(c)|d`e',
      }),
    ]);
    const w2 = file.walks[1];
    if (w2) w2.tags = [];
    file.audit.name = '# <script>window.pwned=1</script>';
    const persona = file.personas[0];
    if (!persona) throw new Error('fixture');
    persona.name = '*Bego*ña_ | x';
    persona.jobToBeDone = '[click](javascript:alert(1)) <a href="javascript:alert(1)">x</a>';
    withDivergences(file, ['<b>900</b> | 1', 'javascript:alert(1)']);

    const markdown = auditMarkdown(file, EN.present, EN.t);
    const doc = render(markdown);
    for (const sel of ['img', 'script', 'code', 'em', 'strong', 'del', 'pre', 'blockquote', 'ol', 'hr', 'h3 + h1']) {
      expect(doc.querySelector(sel), sel).toBeNull();
    }
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')?.textContent).toBe('Customer experience audit: # <script>window.pwned=1</script>');
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    // A URL in page text stays text; the only links are the ones the report writes.
    expect(doc.querySelector('a[href*="evil"]')).toBeNull();
    expect(markdown).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);

    const personas = table(doc, 'Persona');
    expect(personas[1]?.slice(0, 2)).toEqual(['*Bego*ña_ | x', persona.jobToBeDone]);
    const frictions = table(doc, 'Rank');
    expect(frictions.every((row) => row.length === 10)).toBe(true);
    expect(frictions[1]?.slice(3)).toEqual([
      `link “${hostile.name}”`,
      'Cesta',
      '1',
      '2',
      'Ana',
      hostile.title,
      hostile.note.replace(/\s+/g, ' '),
    ]);
    // An http(s) URL stays a link, to the very same address, however it is spelled.
    const link = doc.querySelector('a[href^="https://shop.example/a"]');
    expect(link?.textContent).toBe('Sale | 50% *off*');
    expect(new URL(link?.getAttribute('href') ?? '').href).toBe(
      new URL('https://shop.example/a%20b%28c%29%7Cd%60e').href,
    );
    expect(table(doc, 'What')[1]?.[1]).toBe('<b>900</b> | 1 (2 places); javascript:alert(1) (1 place)');
  });

  it(`lists the ${TOP_FRICTIONS} worst frictions and says how many there are`, () => {
    const tags = Array.from({ length: 12 }, (_, i) =>
      tag('w1', i + 1, { severity: (i % 4) + 1, anchor: distinctAnchor(i), target: { kind: 'button', name: `B${i}` } }),
    );
    const file = makeFile(tags);
    const w2 = file.walks[1];
    if (w2) w2.tags = [];
    const doc = render(auditMarkdown(file, EN.present, EN.t));
    expect(table(doc, 'Rank')).toHaveLength(TOP_FRICTIONS + 1);
    expect(doc.body.textContent).toContain('The 10 worst of 12 frictions');
  });
});

describe('Markdown text', () => {
  it('escapes what Markdown reads, and drops line breaks and controls', () => {
    expect(mdText('a | b * c _ d ` e [f] (g) # h ~ i $ j ! k \\ l')).toBe(
      'a \\| b \\* c \\_ d \\` e \\[f\\] (g) \\# h \\~ i \\$ j ! k \\\\ l',
    );
    expect(mdText('<b>&amp;</b>')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('---')).toBe('\\---');
    expect(mdText('-2')).toBe('-2');
    expect(mdText('12. item')).toBe('12\\. item');
    expect(mdText('3.5 (2 ratings)')).toBe('3.5 (2 ratings)');
    expect(mdText('one\r\ntwo\u2028three\u202efour\u0000')).toBe('one two three four');
    expect(mdText('abcdef', 4)).toBe('abc…');
    expect(mdText('see https://x.example/a_b or WWW.x.example')).toBe(
      'see https\\://x.example/a\\_b or WWW\\.x.example',
    );
  });

  it('links only absolute http(s) URLs', () => {
    expect(mdLink('https://shop.example/x', 'X')).toBe('[X](https://shop.example/x)');
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/relative',
      'file:///etc/passwd',
    ]) {
      expect(mdLink(url, 'X'), url).toBe('X');
    }
    expect(mdLink('java\nscript:alert(1)')).toBe('java script:alert(1)');
  });
});
