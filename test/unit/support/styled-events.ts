/**
 * rrweb events of pages that share large stylesheets, in the places rrweb puts them with
 * `inlineStylesheet`: a `<link>`'s `_cssText`, a `<style>`'s text node (`isStyle`), a style added
 * by a mutation, and the `_cssText` an attribute mutation sets when a `<link>` loads late.
 */

/** `kB` kilobytes (about) of distinct CSS rules named by `prefix`. */
export function css(prefix: string, kB: number): string {
  const out: string[] = [];
  for (let i = 0, size = 0; size < kB * 1000; i++) {
    const rule = `.${prefix}-${i} { margin: ${i % 17}px; color: #${(i * 7919).toString(16).slice(-6).padStart(6, '0')}; }\n`;
    out.push(rule);
    size += rule.length;
  }
  return out.join('');
}

export const BASE_CSS = css('base', 6);
export const THEME_CSS = css('theme', 3);
export const LATE_CSS = css('late', 2);
/** Under the threshold: stays inline. */
export const SMALL_CSS = '.small { color: red; }';

/** Page `i`'s events: a Meta, a full snapshot with the shared sheets, then mutations. */
export function styledPage(i: number, t0 = 10_000): { type: number; timestamp: number; data: unknown }[] {
  const ts = t0 + i * 1000;
  return [
    { type: 4, timestamp: ts, data: { href: `https://ventura.example/p/${i}.html`, width: 1280, height: 800 } },
    {
      type: 2,
      timestamp: ts + 1,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            {
              type: 2,
              id: 2,
              tagName: 'html',
              attributes: {},
              childNodes: [
                {
                  type: 2,
                  id: 3,
                  tagName: 'head',
                  attributes: {},
                  childNodes: [
                    {
                      type: 2,
                      id: 4,
                      tagName: 'link',
                      attributes: { rel: 'stylesheet', _cssText: BASE_CSS },
                      childNodes: [],
                    },
                    {
                      type: 2,
                      id: 5,
                      tagName: 'style',
                      attributes: {},
                      childNodes: [{ type: 3, id: 6, textContent: THEME_CSS, isStyle: true }],
                    },
                    {
                      type: 2,
                      id: 7,
                      tagName: 'style',
                      attributes: {},
                      childNodes: [{ type: 3, id: 8, textContent: SMALL_CSS, isStyle: true }],
                    },
                  ],
                },
                {
                  type: 2,
                  id: 9,
                  tagName: 'body',
                  attributes: {},
                  childNodes: [{ type: 3, id: 10, textContent: `Page ${i} ${'text '.repeat(300)}` }],
                },
              ],
            },
          ],
        },
        initialOffset: { left: 0, top: 0 },
      },
    },
    {
      type: 3,
      timestamp: ts + 2,
      data: {
        source: 0,
        texts: [],
        removes: [],
        attributes: [{ id: 4, attributes: { _cssText: LATE_CSS } }],
        adds: [
          {
            parentId: 3,
            nextId: null,
            node: {
              type: 2,
              id: 11,
              tagName: 'style',
              attributes: {},
              childNodes: [{ type: 3, id: 12, textContent: BASE_CSS, isStyle: true }],
            },
          },
        ],
      },
    },
    { type: 3, timestamp: ts + 3, data: { source: 2, type: 2, id: 9, x: 1, y: 2 } },
  ];
}
