// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { barChart, chartFigure, dataTable, lineChart, shorten } from '@/lib/report/html/charts';
import { escapeHtml, html, imageDataUrl, join, jsonForScript, link, raw, safeHref } from '@/lib/report/html/escape';
import { documentFrame, REPORT_CSP, REPORT_DATA_ID } from '@/lib/report/html/frame';
import { sha256Base64 } from '@/lib/report/html/sha256';
import { REPORT_CSS } from '@/lib/report/html/styles';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=1</script>',
  `"><svg onload=alert(1)>`,
  `' onmouseover='alert(1)`,
  '<!-- <script>',
  'a\u0000b',
];

function parse(markup: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = markup;
  return doc;
}

describe('escapeHtml and the html tag', () => {
  it('turns every markup character into an entity, so hostile text stays text', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
    expect(escapeHtml('a\u0000b\u0007c\td')).toBe('abc\td');
  });

  it('escapes every interpolation in text and in attributes, and keeps fragments built with it', () => {
    for (const bad of HOSTILE) {
      const doc = parse(html`<p title="${bad}" data-x='${bad}'>${bad}</p>${html`<b>${bad}</b>`}`.value);
      expect(doc.querySelectorAll('img, script, svg').length).toBe(0);
      const p = doc.querySelector('p');
      expect(p?.getAttribute('title')).toBe(bad.replace('\u0000', ''));
      expect(p?.getAttribute('data-x')).toBe(bad.replace('\u0000', ''));
      expect(p?.textContent).toBe(bad.replace('\u0000', ''));
      expect(doc.querySelector('b')?.textContent).toBe(bad.replace('\u0000', ''));
      expect(p?.attributes.length).toBe(2);
    }
  });

  it('joins lists, drops null, undefined and false, and writes numbers', () => {
    expect(html`${[1, 'a<', null, undefined, false, raw('<i>')]}`.value).toBe('1a&lt;<i>');
    expect(join(['<', html`<br>`], ', ').value).toBe('&lt;, <br>');
  });
});

describe('safeHref and link', () => {
  it('links http(s) URLs only', () => {
    expect(safeHref('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeHref('  http://example.com ')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example/x',
      'not a url',
      'https://user:pw@example.com/',
      '',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });

  it('writes a non-http URL as text and an http one as a link without referrer', () => {
    const bad = parse(link('javascript:alert("x")').value);
    expect(bad.querySelector('a')).toBeNull();
    expect(bad.body.textContent).toBe('javascript:alert("x")');

    const good = parse(link('https://example.com/"onmouseover="x', '<b>page</b>').value);
    const a = good.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.com/%22onmouseover=%22x');
    expect(a?.getAttribute('rel')).toContain('noreferrer');
    expect(a?.textContent).toBe('<b>page</b>');
    expect(a?.attributes.length).toBe(3);
  });
});

describe('jsonForScript', () => {
  it('writes < > & U+2028 U+2029 as escapes and reads back unchanged', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!--', c: 'x\u2028y\u2029z', d: '&amp;' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('imageDataUrl', () => {
  const png = 'iVBORw0KGgoAAAANSUhEUg==';
  it('accepts PNG, JPEG and WebP whose bytes match, as plain base64', () => {
    expect(imageDataUrl('image/png', png)).toBe(`data:image/png;base64,${png}`);
    expect(imageDataUrl('image/jpeg', '/9j/4AAQ')).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(imageDataUrl('image/webp', 'UklGRiQA')).toBe('data:image/webp;base64,UklGRiQA');
  });
  it('refuses other types, mismatched bytes and anything that is not base64', () => {
    expect(imageDataUrl('image/svg+xml', 'PHN2Zz4=')).toBeNull();
    expect(imageDataUrl('text/html', png)).toBeNull();
    expect(imageDataUrl('image/jpeg', png)).toBeNull();
    expect(imageDataUrl('image/png', `${png}" onerror="x`)).toBeNull();
    expect(imageDataUrl('image/png', 'iVBORw0KGgo')).toBeNull();
    expect(imageDataUrl('__proto__', png)).toBeNull();
  });
});

describe('sha256Base64', () => {
  it('matches node:crypto on text of every length and on non-ASCII', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'ñandú «ü» 😀', REPORT_CSS]) {
      expect(sha256Base64(text)).toBe(createHash('sha256').update(text, 'utf8').digest('base64'));
    }
  });
});

describe('documentFrame', () => {
  const page = documentFrame({
    lang: 'es',
    title: '</title><script>alert(1)</script>',
    body: html`<main><h1>${'<img src=x onerror=alert(1)>'}</h1></main>`,
    generator: 'Touchpoint "0.1"',
    data: { note: '</script><script>alert(1)</script>' },
  });
  const doc = new DOMParser().parseFromString(page, 'text/html');

  it('opens its head with the policy: nothing loads, no script runs, the stylesheet by its hash', () => {
    const first = doc.head.firstElementChild;
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    const csp = first?.getAttribute('content') ?? '';
    expect(csp).toBe(REPORT_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain('img-src data:');
    const hash = createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(doc.querySelector('style')?.textContent).toBe(REPORT_CSS);
  });

  it('sets the language, escapes the title and embeds data that reads back', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('es');
    expect(doc.title).toBe('</title><script>alert(1)</script>');
    expect(doc.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelectorAll('img').length).toBe(0);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json']);
    expect(JSON.parse(doc.getElementById(REPORT_DATA_ID)?.textContent ?? '')).toEqual({
      note: '</script><script>alert(1)</script>',
    });
    expect(doc.querySelector('meta[name="generator"]')?.getAttribute('content')).toBe('Touchpoint "0.1"');
  });

  it('refuses a malformed language tag', () => {
    const bad = documentFrame({ lang: 'en" onload="x', title: 't', body: html`` });
    expect(bad).toContain('<html lang="en">');
  });
});

describe('charts', () => {
  it('draws a curve that breaks where a stage has no value, named for screen readers', () => {
    const svg = lineChart({
      label: 'Effort <by> stage',
      categories: ['Awareness', 'Purchase', 'Support', 'Loyalty'],
      series: { name: 'Effort', values: [3, 5, null, 2], tone: 'effort' },
      min: 1,
      max: 7,
      ticks: [
        { value: 1, label: '1' },
        { value: 7, label: '7' },
      ],
    });
    const doc = parse(svg.value);
    const el = doc.querySelector('svg');
    expect(el?.getAttribute('role')).toBe('img');
    expect(el?.getAttribute('aria-label')).toBe('Effort <by> stage');
    expect(el?.querySelector('title')?.textContent).toBe('Effort <by> stage');
    expect(doc.querySelectorAll('polyline').length).toBe(1);
    expect(doc.querySelectorAll('circle').length).toBe(3);
  });

  it('draws one bar per value, its length to the maximum, with the value written', () => {
    const doc = parse(
      barChart({
        label: 'Tags by severity',
        bars: [
          { label: 'Major', value: 2, valueLabel: '2', tone: 'sev-3' },
          { label: '<b>x</b>', value: 4, valueLabel: '4' },
        ],
      }).value,
    );
    const bars = [...doc.querySelectorAll('rect.bar')];
    expect(bars.map((b) => Number(b.getAttribute('width')))).toEqual([175, 350]);
    expect(bars[0]?.getAttribute('class')).toBe('bar sev-3');
    expect(doc.body.textContent).toContain('<b>x</b>');
    expect(doc.querySelector('b')).toBeNull();
  });

  it('puts the numbers in a table beside the chart, row headers first', () => {
    const table = dataTable({
      caption: 'c',
      columns: [{ label: 'Stage' }, { label: 'CES', numeric: true }],
      rows: [['A', 3]],
    });
    const doc = parse(chartFigure('Effort', html`<svg></svg>`, table).value);
    expect(doc.querySelector('figure figcaption')?.textContent).toBe('Effort');
    expect(doc.querySelector('tbody th[scope="row"]')?.textContent).toBe('A');
    expect(doc.querySelector('tbody td.num')?.textContent).toBe('3');
    expect(shorten('abcdef', 4)).toBe('abc…');
  });
});
