// @vitest-environment happy-dom
import { REPORT_DATA_ID } from '@/lib/report/html/frame';
import { HOSTILE, hostileReport, parse, render, words } from './html-fixture';

const { file, report } = hostileReport();
const page = render(report, file, 'en');
const doc = parse(page);
const text = (selector: string) => [...doc.querySelectorAll(selector)].map((el) => el.textContent ?? '');

describe('the HTML report with hostile page content', () => {
  it('never writes a payload as markup: it appears only escaped', () => {
    for (const raw of ['<img src=x', '<script>globalThis', '<svg onload', 'onerror="globalThis']) {
      expect(page, raw).not.toContain(raw);
    }
    // Quotes are harmless in the JSON block (no attribute there); everywhere else they are entities.
    const markup = page.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(markup).not.toContain("' onmouseover='");
    expect(markup).toContain('&#39; onmouseover=&#39;');
    expect(page).toContain('&lt;img src=x onerror=&quot;globalThis.__pwned=1&quot;&gt;');
  });

  it('has no event handler attribute, no script but the JSON block, no frame, form, link or base', () => {
    const all = [...doc.querySelectorAll('*')];
    const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name));
    expect(handlers).toEqual([]);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => [s.getAttribute('type'), s.id])).toEqual([['application/json', REPORT_DATA_ID]]);
    expect(
      doc.querySelectorAll('iframe, frame, object, embed, form, link, base, image, use, foreignObject').length,
    ).toBe(0);
    expect(doc.querySelectorAll('meta[http-equiv="refresh" i]').length).toBe(0);
  });

  it('embeds the report as JSON that reads back whole and holds no raw markup', () => {
    const block = doc.getElementById(REPORT_DATA_ID)?.textContent ?? '';
    expect(block).not.toMatch(/[<>]/);
    expect(JSON.parse(block)).toEqual(report);
  });

  it('links only http(s) URLs and in-page anchors: javascript: and data: stay text', () => {
    const hrefs = [...doc.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href, href).toMatch(/^(#[a-z0-9-]+|https?:\/\/)/);
    expect(page).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    // The friction's page URL and a divergence's place URL are shown, as text.
    expect(text('span.url')).toContain(HOSTILE.jsUrl);
    expect(text('span.url')).toContain(HOSTILE.dataUrl);
  });

  it('loads nothing: images are checked data: URLs, no attribute or style reaches a network', () => {
    for (const img of doc.querySelectorAll('img')) {
      expect(img.getAttribute('src')).toMatch(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/);
    }
    const resourceAttrs = ['src', 'srcset', 'poster', 'action', 'formaction', 'data', 'background', 'xlink:href'];
    for (const el of doc.querySelectorAll('*')) {
      for (const name of resourceAttrs) {
        const v = el.getAttribute(name);
        if (v !== null) expect(v, `${el.tagName} ${name}`).not.toMatch(/^\s*(https?:)?\/\//i);
      }
      const href = el.getAttribute('href');
      if (href !== null) expect(el.tagName).toBe('A');
    }
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css).not.toMatch(/url\(|@import/i);
    // Outside links and escaped text, no http(s) URL at all (a namespace would be one).
    const outside = page
      .replace(/<a [^>]*href="https?:[^"]*"/g, '')
      .replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    const visible = doc.body.textContent ?? '';
    for (const m of outside.match(/https?:\/\/[^\s"'<)]+/g) ?? []) {
      expect(visible, m).toContain(m.replace(/&amp;/g, '&'));
    }
  });

  it('shows every hostile string as text where it lands', () => {
    expect(doc.querySelector('h1')?.textContent).toBe(`${HOSTILE.img} audit`);
    expect(doc.title).toContain(HOSTILE.img);
    expect(doc.querySelector('.meta')?.textContent).toContain(HOSTILE.script);
    expect(text('#summary tbody th').some((s) => s.includes(`${HOSTILE.quote}Ana`))).toBe(true);
    expect(text('#summary td')).toContain(HOSTILE.apos);
    expect(text('.note')).toContain(`${HOSTILE.script}\n${HOSTILE.img}`);
    expect(text('.friction p strong')).toContain(HOSTILE.quote);
    expect(text('#journey .journey strong').every((s) => s.startsWith(HOSTILE.img))).toBe(true);
    expect(text('#agreement li').some((s) => s.startsWith(HOSTILE.apos))).toBe(true);
    const { t } = words('en');
    const alts = [...doc.querySelectorAll('img')].map((i) => i.getAttribute('alt'));
    expect(alts.length).toBeGreaterThan(0);
    expect(alts).toContain(t('tagScreenshotAlt', `button “${HOSTILE.quote}”`));
  });

  it('shows a divergence’s hostile values, subject and places as text', () => {
    const article = doc.querySelector('#consistency article.divergence');
    expect(article?.querySelector('h4')?.textContent).toContain(HOSTILE.script);
    const values = [...(article?.querySelectorAll('dt q') ?? [])].map((q) => q.textContent);
    expect(values).toEqual([HOSTILE.img, `${HOSTILE.quote}${HOSTILE.apos}`]);
    expect(article?.textContent).toContain(HOSTILE.script);
  });

  it('leaves out a screenshot whose type is not PNG, JPEG or WebP, and says so', () => {
    const { t } = words('en');
    expect(text('.friction p.muted')).toContain(t('reportScreenshotRefused'));
    expect(page).not.toContain('image/svg+xml');
    expect(page).not.toContain('PHN2ZyBvbmxvYWQ9');
  });
});
