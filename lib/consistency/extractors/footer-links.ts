import { clip } from '@/lib/consistency/contact-text';
import type { Extractor } from '@/lib/consistency/extractor';
import { joinLabels, linkLabels, pageFooter } from '@/lib/consistency/structure-lists';

/** The page footer's link labels in order (icon links by their accessible name). */
export const footerLinksExtractor: Extractor = {
  kind: 'footer-links',
  extract(root) {
    const footer = pageFooter(root);
    if (!footer) return [];
    const { labels } = linkLabels(footer);
    if (labels.length === 0) return [];
    const value = clip(joinLabels(labels, ' | '), 500);
    return [
      {
        fact: {
          kind: 'footer-links',
          value,
          raw: clip(labels.join(' | '), 500),
          source: 'text',
          context: '',
          label: '',
        },
        element: footer,
      },
    ];
  },
};
