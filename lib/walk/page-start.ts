import type { RecorderContext } from '@/lib/model';

export interface StructuredData {
  blocks: string[];
  dropped: number;
}

export interface JsonLdBounds {
  blocks: number;
  chars: number;
  total: number;
}

/** What `startPage` answers: whether it claimed the document, and the JSON-LD it read there. */
export interface PageStart {
  claimed: boolean;
  jsonLd: StructuredData | null;
}

/**
 * Runs in a walk tab's isolated world (scripting.executeScript), once as each page has loaded,
 * and does there in one injection what used to take two (each injection is a message to the tab's
 * renderer and a task on its main thread):
 *
 * - `claim`: claims the document for one recorder and leaves it its context under `claim.key`,
 *   so the recorder starts without a message round trip. A tab's load and the walk's start can
 *   both ask to inject, and a second instance of a WXT content script stops the first; claiming
 *   in one synchronous step lets only one through. A tab opened by a link is about:blank at first:
 *   that document is not recorded. Null: claim nothing (the worker's later read of a page).
 * - `bounds`: reads the texts of the page's JSON-LD blocks (lib/walk/structured-data.ts), bounded
 *   here so nothing large crosses to the worker: one query and a string read per block. Null
 *   under *Mask all page text*, or when the document was not claimed.
 *
 * Self-contained: executeScript sends its source, not its closure; its arguments arrive
 * structured-cloned.
 */
export function startPage(
  claim: { key: string; context: RecorderContext } | null,
  bounds: JsonLdBounds | null,
): PageStart {
  let claimed = false;
  if (claim) {
    const doc = document as Document & { __touchpointClaimed?: true };
    if (doc.__touchpointClaimed || !/^https?:$/.test(location.protocol)) return { claimed, jsonLd: null };
    doc.__touchpointClaimed = true;
    // The isolated world's global: the page's scripts cannot read or replace it.
    Object.defineProperty(globalThis, claim.key, { value: claim.context, configurable: true });
    claimed = true;
  }
  if (!bounds) return { claimed, jsonLd: null };
  const blocks: string[] = [];
  let dropped = 0;
  let total = 0;
  const all = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < all.length; i++) {
    // Full: the rest are counted, not read (a page may hold any number of them).
    if (blocks.length >= bounds.blocks) {
      dropped += all.length - i;
      break;
    }
    const text = all[i]?.textContent ?? '';
    if (text.length > bounds.chars || total + text.length > bounds.total) {
      dropped++;
      continue;
    }
    total += text.length;
    blocks.push(text);
  }
  return { claimed, jsonLd: { blocks, dropped } };
}
