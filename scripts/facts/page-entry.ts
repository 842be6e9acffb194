// Runs inside the page (bundled into one IIFE by scripts/facts/bundle.ts, injected by Playwright):
// the extension's own extractors on the live document, so computed styles are real.
import { extractAll } from '@/lib/consistency/registry';
import type { CliFact } from '@/lib/model/facts-output';
import type { FactKind } from '@/lib/model/fact';

const MAX_DEPTH = 12;

function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`);
}

/** A short selector: the nearest ancestor with a unique id, then tag:nth-of-type steps down to the element. */
function selectorOf(el: Element): string {
  const doc = el.ownerDocument;
  const steps: string[] = [];
  let cur: Element | null = el;
  while (cur && steps.length < MAX_DEPTH) {
    if (cur.id) {
      const byId = `#${cssEscape(cur.id)}`;
      try {
        if (doc.querySelectorAll(byId).length === 1) {
          steps.unshift(byId);
          return steps.join(' > ');
        }
      } catch {
        // An id no selector can spell: fall through to its position.
      }
    }
    const tag = cur.localName;
    const parent: Element | null = cur.parentElement;
    if (!parent) {
      steps.unshift(tag);
      break;
    }
    const same = Array.from(parent.children).filter((c) => c.localName === tag);
    steps.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(cur) + 1})` : tag);
    cur = parent;
  }
  return steps.join(' > ');
}

export interface InPageResult {
  title: string;
  facts: CliFact[];
  failed: { kind: FactKind; error: string }[];
  rejected: number;
}

function extract(country: string): InPageResult {
  const report = extractAll(document, { country, view: window });
  return {
    title: document.title,
    facts: report.found.map(({ fact, element }) => ({ ...fact, selector: element ? selectorOf(element) : null })),
    failed: report.failed,
    rejected: report.rejected,
  };
}

(globalThis as unknown as { __touchpointFacts: { extract: typeof extract } }).__touchpointFacts = { extract };
