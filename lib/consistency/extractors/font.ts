import {
  contentElements,
  describeElement,
  docOf,
  mostCommon,
  rendered,
  type StyleView,
} from '@/lib/consistency/brand-style';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';

const MAX_STACK = 500;

/**
 * The first family of a computed `font-family` stack, unquoted and in lower case
 * (`"Helvetica Neue", Arial, sans-serif` → `helvetica neue`): the family the page asks for. Which
 * one the machine then has installed is the reader's machine's business, not the site's.
 */
export function firstFamily(stack: string): string | null {
  const s = stack.slice(0, MAX_STACK).trim();
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^,]*))/.exec(s);
  const family = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim().toLowerCase();
  return family === '' ? null : family.slice(0, 200);
}

/**
 * Two facts, one per label: `body`, the most common family of the main content's paragraphs and
 * list items (the body element's when it has none), and `heading`, that of h1–h3 in the main
 * content. Only read from computed styles: without a view nothing is returned.
 */
export const fontExtractor: Extractor = {
  kind: 'font',
  extract(root, ctx) {
    const view = ctx.view;
    if (!view) return [];
    const out: Extracted[] = [];
    const add = (label: 'body' | 'heading', els: Element[]) => {
      const best = mostCommon(families(els, view));
      if (!best) return;
      const raw = view.getComputedStyle(best.el).fontFamily.slice(0, 500);
      const fact = { kind: 'font' as const, value: best.value, raw, source: 'style' as const };
      out.push({ fact: { ...fact, context: `${label}: ${describeElement(best.el)}`, label }, element: best.el });
    };
    const text = contentElements(root, 'p, li').filter((el) => (el.textContent ?? '').trim() !== '');
    const body = docOf(root)?.body;
    add('body', text.length > 0 ? text : body ? [body] : []);
    add('heading', contentElements(root, 'h1, h2, h3'));
    return out;
  },
};

function families(els: Element[], view: StyleView): { value: string; el: Element }[] {
  const out: { value: string; el: Element }[] = [];
  for (const el of els) {
    if ((el.textContent ?? '').trim() === '' || !rendered(el, view)) continue;
    const value = firstFamily(view.getComputedStyle(el).fontFamily ?? '');
    if (value) out.push({ value, el });
  }
  return out;
}
