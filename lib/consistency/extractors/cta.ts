import { clip, place } from '@/lib/consistency/contact-text';
import { ctaAction, ctaValue } from '@/lib/consistency/cta-actions';
import { elementLabel, hiddenElement } from '@/lib/consistency/element-label';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';

const MAX_CONTROLS = 1000;
const MAX_FACTS = 200;

/** Buttons, submit inputs, and links styled or marked as buttons (`btn`, `button`, `cta` classes). */
const BUTTONS =
  'button, input[type="submit" i], input[type="button" i], [role="button" i], a[class*="btn" i], a[class*="button" i], a[class*="cta" i]';
const BUTTON_CLASS = /(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])/i;

function isButtonLike(el: Element): boolean {
  if (el.tagName.toLowerCase() !== 'a' || /^button$/i.test(el.getAttribute('role') ?? '')) return true;
  return BUTTON_CLASS.test(el.getAttribute('class') ?? '');
}

/**
 * Every call to action whose label names an action cta-actions.ts knows: one fact per control,
 * value its label in lower case, label the action. Labels that name no known action ("Ver
 * Lisboa", "×") are not facts. A button nested in a button-like link counts once.
 */
export const ctaExtractor: Extractor = {
  kind: 'cta',
  extract(root) {
    const out: Extracted[] = [];
    const controls = Array.from(root.querySelectorAll(BUTTONS)).slice(0, MAX_CONTROLS);
    for (const el of controls) {
      if (out.length >= MAX_FACTS) break;
      if (!isButtonLike(el) || hiddenElement(el)) continue;
      const outer = el.parentElement?.closest(BUTTONS);
      if (outer && isButtonLike(outer)) continue;
      const raw = elementLabel(el);
      const action = ctaAction(raw);
      const value = ctaValue(raw);
      if (!action || value === '') continue;
      out.push({
        fact: {
          kind: 'cta',
          value: clip(value, 500),
          raw: clip(raw, 500),
          source: 'text',
          context: place(el).context,
          label: action,
        },
        element: el,
      });
    }
    return out;
  },
  readValue(text) {
    const value = ctaValue(text);
    return ctaAction(text) && value ? value : null;
  },
};
