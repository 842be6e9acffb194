import { clip, visibleTextNodes } from '@/lib/consistency/contact-text';
import type { Extractor } from '@/lib/consistency/extractor';
import { detectLanguage, languageByName } from '@/lib/consistency/language-detect';
import { mainContent, proseBlocks } from '@/lib/consistency/page-text';

const MAX_TEXT = 20_000;

/** The `lang` the page declares for its content: the nearest `lang` above the main content. */
function declared(root: Document | Element, main: Element | null): string {
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const holder = main?.closest('[lang]') ?? doc?.documentElement;
  return clip((holder?.getAttribute('lang') ?? '').trim(), 500);
}

/**
 * The language the page is written in, detected from its main content's text (headings and
 * buttons too), else from all its visible text; raw is the declared `lang`, so a page declaring
 * `en` and written in Spanish shows both. No fact when the text is too short or too mixed to tell.
 */
export const languageExtractor: Extractor = {
  kind: 'language',
  extract(root) {
    const main = mainContent(root);
    let text = proseBlocks(root, { keepControls: true })
      .map((b) => b.text)
      .join('\n')
      .slice(0, MAX_TEXT);
    let found = detectLanguage(text);
    if (!found) {
      text = visibleTextNodes(root, MAX_TEXT)
        .map((t) => t.data)
        .join(' ');
      found = detectLanguage(text);
    }
    if (!found) return [];
    const raw = declared(root, main);
    const context = clip(text.replace(/\s+/g, ' ').trim(), 200);
    const element = ('documentElement' in root ? root.documentElement : root) ?? null;
    return [{ fact: { kind: 'language', value: found.lang, raw, source: 'text', context, label: '' }, element }];
  },
  readValue(text) {
    return languageByName(text) ?? detectLanguage(text)?.lang ?? null;
  },
};
