import { clip } from '@/lib/consistency/contact-text';
import { elementLabel, hiddenElement } from '@/lib/consistency/element-label';
import type { Extractor } from '@/lib/consistency/extractor';
import { languageByName } from '@/lib/consistency/language-detect';
import { SWITCHER } from '@/lib/consistency/structure-lists';

const MAX_ELEMENTS = 500;

/** The language one switcher entry offers: its `hreflang`, its `lang`, or its label. */
function entryLanguage(el: Element): string | null {
  for (const attr of ['hreflang', 'lang']) {
    const v = el.getAttribute(attr);
    if (v && v.toLowerCase() !== 'x-default') return languageByName(v);
  }
  return languageByName(elementLabel(el).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
}

/**
 * The languages the page's switcher offers, sorted ISO 639-1 codes: the entries (links, buttons,
 * options, the current language's marker) of a container named for languages, and any visible
 * link with `hreflang`. A container counts only if two or more entries read as languages, so a
 * `.lang-*` class on unrelated markup gives nothing.
 */
export const languageSwitcherExtractor: Extractor = {
  kind: 'language-switcher',
  extract(root) {
    const found = new Set<string>();
    let where: Element | null = null;
    for (const a of Array.from(root.querySelectorAll('a[hreflang], link[hreflang]')).slice(0, MAX_ELEMENTS)) {
      if (a.tagName.toLowerCase() === 'link' || hiddenElement(a)) continue;
      const code = entryLanguage(a);
      if (!code) continue;
      found.add(code);
      where ??= a.parentElement?.closest(SWITCHER) ?? a.parentElement;
    }
    const containers = Array.from(root.querySelectorAll(SWITCHER))
      .slice(0, 50)
      .filter(
        (c) =>
          !c.parentElement?.closest(SWITCHER) &&
          c.tagName.toLowerCase() !== 'html' &&
          c.tagName.toLowerCase() !== 'body',
      );
    for (const c of containers) {
      const entries = Array.from(c.querySelectorAll('a, button, option, li, span, [lang]'))
        .filter((e) => !e.querySelector('a, button, option, li'))
        .slice(0, MAX_ELEMENTS);
      const codes = new Set<string>();
      for (const e of entries) {
        const code = entryLanguage(e);
        if (code) codes.add(code);
      }
      if (codes.size < 2) continue;
      for (const code of codes) found.add(code);
      where ??= c;
    }
    if (found.size === 0) return [];
    const value = [...found].sort().join(',');
    const raw = clip(where ? elementLabel(where) : value, 500);
    return [
      { fact: { kind: 'language-switcher', value, raw, source: 'text', context: '', label: '' }, element: where },
    ];
  },
};
