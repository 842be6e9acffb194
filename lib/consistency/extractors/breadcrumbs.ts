import { clip } from '@/lib/consistency/contact-text';
import { elementLabel, hiddenElement } from '@/lib/consistency/element-label';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';
import { BREADCRUMB, joinLabels, MAX_ITEMS } from '@/lib/consistency/structure-lists';
import { jsonLdNodes, propStrings } from '@/lib/consistency/structured-data';

/** Separators sites draw between crumbs, as text: not part of a label. */
const SEPARATORS = /^[\s>›»/|·•→\\-]+|[\s>›»/|·•→\\-]+$/g;

const clean = (label: string): string => label.replace(SEPARATORS, '').trim();

/** The crumbs of a visible trail: its list items, else its links and current-page marker. */
function trailLabels(trail: Element): string[] {
  const list = trail.matches('ol, ul') ? trail : trail.querySelector('ol, ul');
  const items = list
    ? Array.from(list.children).filter((c) => c.tagName.toLowerCase() === 'li')
    : Array.from(trail.querySelectorAll('a[href], [aria-current], [itemprop="name"]')).filter(
        (el) => !el.parentElement?.closest('a[href], [aria-current]'),
      );
  const labels: string[] = [];
  for (const item of items.slice(0, MAX_ITEMS)) {
    if (hiddenElement(item)) continue;
    const label = clean(elementLabel(item));
    if (label) labels.push(label);
  }
  return labels;
}

/** A JSON-LD BreadcrumbList's names, by position: `name`, or its `item`'s name. */
function structuredLabels(props: Record<string, unknown>): string[] {
  const items = Array.isArray(props.itemListElement) ? props.itemListElement : [props.itemListElement];
  const crumbs: { pos: number; name: string }[] = [];
  items.slice(0, MAX_ITEMS).forEach((it, i) => {
    if (!it || typeof it !== 'object') return;
    const o = it as Record<string, unknown>;
    const item = o.item && typeof o.item === 'object' ? (o.item as Record<string, unknown>) : {};
    const name = propStrings(o.name)[0] ?? propStrings(item.name)[0] ?? '';
    const pos = Number(o.position);
    if (name.trim()) crumbs.push({ pos: Number.isFinite(pos) ? pos : i + 1, name: name.trim() });
  });
  return crumbs.sort((a, b) => a.pos - b.pos).map((c) => c.name);
}

/**
 * The breadcrumb trail's labels in order: the visible trail (`nav[aria-label*=breadcrumb]`,
 * `.breadcrumb`, microdata BreadcrumbList), and schema.org BreadcrumbList in JSON-LD as its own
 * source, so a trail the data and the page tell differently shows.
 */
export const breadcrumbsExtractor: Extractor = {
  kind: 'breadcrumbs',
  extract(root) {
    const out: Extracted[] = [];
    const trail = Array.from(root.querySelectorAll(BREADCRUMB))
      .slice(0, 50)
      .find((el) => !hiddenElement(el) && !el.parentElement?.closest(BREADCRUMB));
    if (trail) {
      const labels = trailLabels(trail);
      if (labels.length > 0) {
        const value = clip(joinLabels(labels, ' > '), 500);
        out.push({
          fact: {
            kind: 'breadcrumbs',
            value,
            raw: clip(labels.join(' > '), 500),
            source: 'text',
            context: '',
            label: '',
          },
          element: trail,
        });
      }
    }
    for (const node of jsonLdNodes(root)) {
      if (!node.types.includes('BreadcrumbList')) continue;
      const labels = structuredLabels(node.props);
      if (labels.length === 0) continue;
      const value = clip(joinLabels(labels, ' > '), 500);
      const fact = {
        kind: 'breadcrumbs' as const,
        value,
        raw: clip(labels.join(' > '), 500),
        source: 'json-ld' as const,
      };
      out.push({ fact: { ...fact, context: 'BreadcrumbList', label: '' }, element: null });
      break;
    }
    return out;
  },
};
