import { clip } from '@/lib/consistency/contact-text';
import type { Extractor } from '@/lib/consistency/extractor';
import { enoughProse, mainContent, prose, words } from '@/lib/consistency/page-text';

/**
 * The mean length of the main content's sentences, in words (navigation, footer, buttons and forms
 * are not prose: page-text.ts). Only on pages with enough prose; raw: the longest sentence, the
 * one an editor would shorten first.
 */
export const sentenceLengthExtractor: Extractor = {
  kind: 'sentence-length',
  extract(root) {
    const p = prose(root);
    if (!enoughProse(p)) return [];
    let longest = '';
    let longestWords = 0;
    for (const s of p.sentences) {
      const n = words(s).length;
      if (n > longestWords) [longest, longestWords] = [s, n];
    }
    const mean = Math.round(p.words / p.sentences.length);
    const context = `${p.words} words in ${p.sentences.length} sentences; longest ${longestWords} words`;
    return [
      {
        fact: {
          kind: 'sentence-length',
          value: String(mean),
          raw: clip(longest, 500),
          source: 'text',
          context,
          label: '',
        },
        element: mainContent(root),
      },
    ];
  },
};
