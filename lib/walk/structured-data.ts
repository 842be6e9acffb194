// A page load's JSON-LD, read by the worker once per page load and kept on its recorder mark. A
// recording never holds it (rrweb drops script text), yet issue 12 reads structured data as a
// source of facts, compared with the page's visible text; facts are extracted from the recording
// (docs/architecture.md, "Where facts are extracted, and why"), so the texts are stored beside it.
// The reading function is the worker's (lib/walk/page-start.ts, run with each page's claim): the
// recorder does not grow.
import type { Db } from '@/lib/db/open-db';
import {
  RecorderMark,
  STRUCTURED_DATA_MAX_BLOCKS,
  STRUCTURED_DATA_MAX_CHARS,
  STRUCTURED_DATA_MAX_TOTAL,
} from '@/lib/model';
import { redactReference, type UrlPolicy } from '@/lib/privacy/url-policy';
import type { JsonLdBounds, StructuredData } from '@/lib/walk/page-start';

export type { StructuredData } from '@/lib/walk/page-start';

export const STRUCTURED_DATA_BOUNDS: JsonLdBounds = {
  blocks: STRUCTURED_DATA_MAX_BLOCKS,
  chars: STRUCTURED_DATA_MAX_CHARS,
  total: STRUCTURED_DATA_MAX_TOTAL,
};

/** Every URL-looking string of a JSON value (absolute, or a path) through the walk's URL policy. */
function redactUrls(v: unknown, policy: UrlPolicy, depth = 0): unknown {
  if (typeof v === 'string') return /^(https?:\/\/|\/)\S*$/i.test(v) ? redactReference(v, policy) : v;
  if (v === null || typeof v !== 'object' || depth > 32) return v;
  if (Array.isArray(v)) return v.map((x) => redactUrls(x, policy, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = redactUrls(x, policy, depth + 1);
  return out;
}

/**
 * What the page answered, checked again (a page's answer is untrusted, whatever ran there): the
 * same bounds; a block that is not JSON is dropped (no extractor could read it); the URLs it
 * holds go through the URL policy, as the recording's do (a JSON-LD `url` or `target` may carry
 * a session token the recording would not keep).
 */
export function boundStructuredData(raw: unknown, policy: UrlPolicy): StructuredData {
  const r = (raw ?? {}) as Partial<StructuredData>;
  const given = Array.isArray(r.blocks) ? r.blocks : [];
  let dropped = typeof r.dropped === 'number' && Number.isInteger(r.dropped) && r.dropped > 0 ? r.dropped : 0;
  const blocks: string[] = [];
  let total = 0;
  for (const b of given) {
    if (typeof b !== 'string' || b.length > STRUCTURED_DATA_MAX_CHARS || blocks.length >= STRUCTURED_DATA_MAX_BLOCKS) {
      dropped++;
      continue;
    }
    let text: string;
    try {
      text = JSON.stringify(redactUrls(JSON.parse(b), policy));
    } catch {
      dropped++;
      continue;
    }
    if (text.length > STRUCTURED_DATA_MAX_CHARS || total + text.length > STRUCTURED_DATA_MAX_TOTAL) {
      dropped++;
      continue;
    }
    total += text.length;
    blocks.push(text);
  }
  return { blocks, dropped: Math.min(dropped, 1_000_000) };
}

/** Stores a page load's structured data on its mark, unless it holds some already (one read per page load). */
export async function storeStructuredData(db: Db, recorderId: string, data: StructuredData): Promise<boolean> {
  const tx = db.transaction('recorders', 'readwrite');
  const mark = await tx.store.get(recorderId);
  if (!mark || mark.structuredData !== undefined) {
    await tx.done;
    return false;
  }
  await tx.store.put(RecorderMark.parse({ ...mark, structuredData: data }));
  await tx.done;
  return true;
}

/** What one run of the reader in a page answered: its document, and what it read there. */
export interface PageRead {
  documentId?: string | undefined;
  result: unknown;
}

export interface StructuredDataDeps {
  db: Db;
  /**
   * Reads a page's JSON-LD in a tab (lib/walk/page-start.ts, claiming nothing): in the document
   * `documentId` when given, else in its top frame; answers the document it ran in. Rejects when
   * it cannot.
   */
  read: (tabId: number, documentId: string | undefined) => Promise<PageRead | undefined>;
  /** The audit's *Mask all page text*. */
  masksText: (walkId: string) => Promise<boolean>;
  policy: (walkId: string) => Promise<UrlPolicy>;
}

/** Page loads read but not flushed yet, kept in the worker: bounded, the oldest let go. */
const MAX_PENDING = 50;
const MAX_STARTED = 1000;

/**
 * Reads each page load's JSON-LD once and stores it on its recorder mark. The page is read in the
 * injection that claims it for its recorder (it has loaded, and it is still there: many pages are
 * left before their first flush, whose document is gone by the time the worker could read it), kept by its
 * document id, and stored when that document's first flush makes its mark. Where the browser
 * gives no document id, or the worker slept in between, the page is read at the first flush.
 * Never under *Mask all page text*: structured data repeats the page's text (names, addresses,
 * hours, prices), which that option keeps out of the recording. A page that refuses or fails the
 * script (it navigated away, it is gone, it is hostile) loses only its structured data.
 */
export function createStructuredDataReader(deps: StructuredDataDeps) {
  const pending = new Map<string, unknown>();
  const started = new Set<string>();
  const bounded = <T>(m: { size: number; keys(): IterableIterator<T>; delete(k: T): boolean }, max: number) => {
    if (m.size > max) m.delete(m.keys().next().value as T);
  };
  return {
    /** A walk tab's page was given its recorder, and read as it was claimed (`read`). */
    async loaded(walkId: string, read: PageRead): Promise<void> {
      if (!read.documentId || (await deps.masksText(walkId))) return;
      pending.set(read.documentId, read.result);
      bounded(pending, MAX_PENDING);
    },
    /** A page load's first flush is stored: its mark exists. */
    async atFirstFlush(walkId: string, recorderId: string, tabId: number, documentId?: string): Promise<boolean> {
      if (started.has(recorderId)) return false;
      started.add(recorderId);
      bounded(started, MAX_STARTED);
      try {
        if (await deps.masksText(walkId)) return false;
        let raw: unknown;
        if (documentId && pending.has(documentId)) {
          raw = pending.get(documentId);
          pending.delete(documentId);
        } else {
          raw = (await deps.read(tabId, documentId))?.result;
        }
        return await storeStructuredData(deps.db, recorderId, boundStructuredData(raw, await deps.policy(walkId)));
      } catch {
        return false;
      }
    },
  };
}
