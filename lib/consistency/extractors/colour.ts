import {
  contentElements,
  describeElement,
  mostCommon,
  primaryButtons,
  rendered,
  type StyleView,
} from '@/lib/consistency/brand-style';
import { normaliseColour } from '@/lib/consistency/colour-distance';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';

type Role = 'primary-button' | 'link' | 'heading';

/**
 * The page's colour for each role, one fact per role (the most common colour among its elements,
 * near-identical shades counted as one), so that pages compare role by role:
 * - primary-button: the filled background of the primary buttons (brand-style.ts primaryButtons);
 * - link: the text colour of text links in the main content (nav, header and footer links are
 *   chrome and often styled apart; links styled as buttons are buttons);
 * - heading: the text colour of h1–h3 in the main content.
 * Only read from computed styles: without a view (no layout engine) nothing is returned.
 */
export const colourExtractor: Extractor = {
  kind: 'colour',
  extract(root, ctx) {
    const view = ctx.view;
    if (!view) return [];
    const out: Extracted[] = [];
    const add = (role: Role, items: { value: string; el: Element; raw: string }[]) => {
      const best = mostCommon(items, true);
      if (!best) return;
      const raw = items.find((i) => i.el === best.el)?.raw ?? best.value;
      const fact = { kind: 'colour' as const, value: best.value, raw, source: 'style' as const };
      out.push({ fact: { ...fact, context: `${role}: ${describeElement(best.el)}`, label: role }, element: best.el });
    };

    add(
      'primary-button',
      primaryButtons(root, view).map((b) => ({ value: b.background, el: b.el, raw: b.cs.backgroundColor })),
    );
    const links = contentElements(root, 'a[href]').filter(
      (a) => !/\b(?:btn|button)/i.test(a.getAttribute('class') ?? '') && a.getAttribute('role') !== 'button',
    );
    add('link', textColours(links, view));
    add('heading', textColours(contentElements(root, 'h1, h2, h3'), view));
    return out;
  },
};

/** The text colours of rendered elements that hold text (an image-only link shows no colour). */
function textColours(els: Element[], view: StyleView): { value: string; el: Element; raw: string }[] {
  const out: { value: string; el: Element; raw: string }[] = [];
  for (const el of els) {
    if ((el.textContent ?? '').trim() === '' || !rendered(el, view)) continue;
    const raw = view.getComputedStyle(el).color;
    const value = normaliseColour(raw);
    if (value) out.push({ value, el, raw });
  }
  return out;
}
