import { assetUrl } from '@/lib/consistency/asset-url';
import { docOf } from '@/lib/consistency/brand-style';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';

/**
 * The favicon the page declares: the first `<link rel~=icon>` (`icon`, `shortcut icon`; not
 * `apple-touch-icon`, another token for another use) with a usable `href`, as an absolute URL
 * without query. One fact per page: the icon a browser tab shows. `/favicon.ico` is not assumed
 * when none is declared: whether the server has one is not on the page, and it is never guessed.
 * Read from the markup, so it works without a view.
 */
export const faviconExtractor: Extractor = {
  kind: 'favicon',
  extract(root) {
    const doc = docOf(root);
    const links = Array.from(root.querySelectorAll('link[rel][href]')).slice(0, 100);
    for (const link of links) {
      const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (!rel.includes('icon')) continue;
      const href = link.getAttribute('href') ?? '';
      const value = assetUrl(href, doc?.baseURI);
      if (!value) continue;
      const sizes = link.getAttribute('sizes') ?? '';
      const type = link.getAttribute('type') ?? '';
      const context = [`link rel="${link.getAttribute('rel')}"`, type, sizes].filter(Boolean).join(' ').slice(0, 300);
      const found: Extracted = {
        fact: { kind: 'favicon', value, raw: href.trim().slice(0, 500), source: 'link', context, label: '' },
        element: link,
      };
      return [found];
    }
    return [];
  },
};
