import { clip } from '@/lib/consistency/contact-text';
import type { Extractor } from '@/lib/consistency/extractor';
import { enoughProse, mainContent, prose } from '@/lib/consistency/page-text';

/**
 * Exclamation marks in the main content's prose per 100 sentences. A run of marks ("!!!") and
 * Spanish's opening "¡" count once: the figure is how often the page exclaims, not how loudly.
 * Only on pages with enough prose (page-text.ts); raw: the first exclamation, if any.
 */
export const exclamationExtractor: Extractor = {
  kind: 'exclamation',
  extract(root) {
    const p = prose(root);
    if (!enoughProse(p)) return [];
    let marks = 0;
    let first = '';
    for (const s of p.sentences) {
      const n = s.match(/!+/g)?.length ?? 0;
      if (n > 0 && first === '') first = s;
      marks += n;
    }
    const value = String(Math.round((100 * marks) / p.sentences.length));
    const context = `${marks} exclamations in ${p.sentences.length} sentences`;
    return [
      {
        fact: { kind: 'exclamation', value, raw: clip(first, 500), source: 'text', context, label: '' },
        element: mainContent(root),
      },
    ];
  },
};
