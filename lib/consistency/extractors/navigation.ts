import { clip } from '@/lib/consistency/contact-text';
import type { Extractor } from '@/lib/consistency/extractor';
import { joinLabels, mainNav, navLabels } from '@/lib/consistency/structure-lists';

/** The main navigation's top-level labels in order (structure-lists.ts says which nav is main). */
export const navigationExtractor: Extractor = {
  kind: 'navigation',
  extract(root) {
    const nav = mainNav(root);
    if (!nav) return [];
    const labels = navLabels(nav);
    if (labels.length === 0) return [];
    const value = clip(joinLabels(labels, ' | '), 500);
    const context = clip(nav.getAttribute('aria-label') ?? '', 300);
    return [
      {
        fact: { kind: 'navigation', value, raw: clip(labels.join(' | '), 500), source: 'text', context, label: '' },
        element: nav,
      },
    ];
  },
};
