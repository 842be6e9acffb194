import { describeElement, mostCommon, mainPrimaryButtons, type Styled } from '@/lib/consistency/brand-style';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';

/** A CSS length in px (`6px`, `6.5px`), or null for anything else (`auto`, `""`). */
function px(v: string | undefined): number | null {
  const m = /^(-?\d+(?:\.\d+)?)px$/.exec((v ?? '').trim());
  return m ? Number(m[1]) : null;
}

/**
 * `radius <r>px height <h>px` of one button, or null when its layout is unknown. The height is the
 * laid-out box's (the border box, what a reader sees), else the computed `height` where the engine
 * has no layout. The radius is the top-left corner's, in px (a percentage is of the height) and
 * capped at half the height: that is what is drawn, so `border-radius: 9999px` and `50rem` pills
 * of one height read the same. An elliptical corner (`8px 4px`) reads its horizontal radius.
 */
export function shapeOf(b: Styled): string | null {
  let height = 0;
  try {
    height = b.el.getBoundingClientRect().height;
  } catch {
    height = 0;
  }
  if (!(height > 0)) height = px(b.cs.height) ?? 0;
  if (!(height > 0) || height > 2000) return null;
  const first = (b.cs.borderTopLeftRadius ?? '').trim().split(/\s+/)[0] ?? '';
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(first);
  const radius = pct ? (Number(pct[1]) / 100) * height : (px(first) ?? (first === '' ? 0 : null));
  if (radius === null || radius < 0) return null;
  return `radius ${Math.round(Math.min(radius, height / 2))}px height ${Math.round(height)}px`;
}

/**
 * The shape (corner radius, height) of the page's primary buttons in their main colour (brand-style.ts mainPrimaryButtons):
 * one fact, the most common shape among them, labelled `primary-button`. Only read from computed
 * styles and layout: without a view nothing is returned.
 */
export const buttonShapeExtractor: Extractor = {
  kind: 'button-shape',
  extract(root, ctx) {
    const view = ctx.view;
    if (!view) return [];
    const items: { value: string; el: Element; raw: string }[] = [];
    for (const b of mainPrimaryButtons(root, view)) {
      const value = shapeOf(b);
      // raw: the radius as the style computes it; the height is the drawn box's (in the value).
      if (value) items.push({ value, el: b.el, raw: `border-radius: ${b.cs.borderRadius}` });
    }
    const best = mostCommon(items);
    if (!best) return [];
    const raw = (items.find((i) => i.el === best.el)?.raw ?? '').slice(0, 500);
    const fact = { kind: 'button-shape' as const, value: best.value, raw, source: 'style' as const };
    const found: Extracted = {
      fact: { ...fact, context: `primary-button: ${describeElement(best.el)}`, label: 'primary-button' },
      element: best.el,
    };
    return [found];
  },
};
