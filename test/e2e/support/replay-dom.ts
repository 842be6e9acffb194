import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expandAssets } from '@/lib/assets/refs';
import { OVERLAY_TAG } from '@/lib/overlay-tag';
import { PASSWORD_MASK, siteOptions } from '@/lib/record/options';

/**
 * For the replay test (test/e2e/replay-profile.spec.ts): a reference recording of every page the
 * walk's tabs load, made by rrweb as published at its defaults plus the walk's privacy, and the
 * DOM rrweb's Replayer rebuilds from a recording, summed up to compare two recordings of one page.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Event = { type: number; timestamp: number; data?: Record<string, unknown> };
export interface RefPage {
  href: string;
  events: Event[];
}

/** The reference recorder: the test reads each page's recording by page, or as it is sent. */
export interface Reference {
  /** Every recorded document, in the order each started. */
  pages: RefPage[];
  /**
   * Reads `page`'s recording from the page itself (where it is kept too), for a page whose events
   * did not all reach the test (a tab about to close); one that was never recorded (a tab a page
   * opened before the test could script it) starts recording now: the snapshot is its end state.
   */
  pull(page: Page): Promise<void>;
}

/**
 * Records every http(s) top document of `context` from DOMContentLoaded on, in the page's own
 * world, each event sent to the test as rrweb emits it (a CDP binding: nothing is lost when the
 * page unloads) and kept in the page.
 */
export async function recordReference(context: BrowserContext): Promise<Reference> {
  const pages: RefPage[] = [];
  const byDoc = new Map<string, RefPage>();
  // By index: an event both sent and pulled is kept once.
  const add = (doc: string, href: string, i: number, json: string) => {
    let page = byDoc.get(doc);
    if (!page) {
      page = { href, events: [] };
      byDoc.set(doc, page);
      pages.push(page);
    }
    page.events[i] = JSON.parse(json) as Event;
  };
  await context.exposeBinding('__tpRef', (_source, doc: string, href: string, i: number, json: string) =>
    add(doc, href, i, json),
  );
  const source = await readFile(path.join(root, 'node_modules/@rrweb/record/dist/record.umd.min.cjs'), 'utf8');
  const { maskInputFn: _fn, ...plain } = siteOptions({ maskAllText: false, blockSelectors: [] });
  const recorder = `if (window.top === window && /^https?:$/.test(location.protocol) && !window.__tpRefDoc) {
  (function () {\n${source}\n}).call(window);
  const record = window.rrwebRecord.record;
  const ref = { doc: Math.random().toString(36).slice(2), events: [] };
  window.__tpRefDoc = ref;
  const opts = ${JSON.stringify(plain)};
  // lib/record/options.ts's maskInputFn: passwords to nothing, the rest to asterisks.
  opts.maskInputFn = (text, el) => {
    const pw = el && el.getAttribute && (/^password$/i.test(el.getAttribute('type') || '') || el.hasAttribute('data-rr-is-password') || /password/i.test(el.getAttribute('autocomplete') || ''));
    return pw ? ${JSON.stringify(PASSWORD_MASK)} : '*'.repeat(text.length);
  };
  const emit = (e) => {
    const json = JSON.stringify(e);
    ref.events.push(json);
    if (typeof window.__tpRef === 'function') window.__tpRef(ref.doc, location.href, ref.events.length - 1, json);
  };
  const start = () => record(Object.assign(opts, { emit }));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}`;
  await context.addInitScript({ content: recorder });
  return {
    pages,
    async pull(page) {
      await page.evaluate(recorder);
      const kept = (await page.evaluate(
        '({ doc: window.__tpRefDoc.doc, href: location.href, events: window.__tpRefDoc.events })',
      )) as { doc: string; href: string; events: string[] };
      for (const [i, json] of kept.events.entries()) add(kept.doc, kept.href, i, json);
    },
  };
}

/** One page load of Touchpoint's walk as stored, events in order and stylesheets put back. */
export interface StoredPage {
  recorderId: string;
  url: string;
  events: Event[];
}

/** Reads the walk's recordings raw from IndexedDB, in an extension page (self-contained: sent as source). */
async function storedInPage() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('touchpoint');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (store: string) =>
    Array.from(db.objectStoreNames).includes(store)
      ? new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
          r.onerror = () => reject(r.error);
        })
      : Promise.resolve([]);
  const gunzip = (bytes: unknown) =>
    new Response(
      new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
  const recorders = (await all('recorders')).map((r) => ({ recorderId: r.recorderId, url: r.url, at: r.startedAt }));
  const chunks = [];
  for (const c of await all('chunks'))
    chunks.push({ recorderId: c.recorderId, seqFrom: c.seqFrom, json: await gunzip(c.data) });
  const assets = [];
  for (const a of await all('assets')) assets.push({ hash: a.hash as string, text: await gunzip(a.data) });
  db.close();
  return { recorders, chunks, assets };
}

export async function readStoredPages(extensionPage: Page): Promise<StoredPage[]> {
  const { recorders, chunks, assets } = await extensionPage.evaluate(storedInPage);
  const texts = new Map(assets.map((a) => [a.hash, a.text]));
  const ordered = [...recorders].sort((a, b) => Number(a.at) - Number(b.at));
  return ordered.map((r) => {
    const mine = chunks
      .filter((c) => c.recorderId === r.recorderId)
      .sort((a, b) => Number(a.seqFrom) - Number(b.seqFrom));
    const events = mine.flatMap((c) => JSON.parse(c.json) as Event[]);
    expandAssets(events, texts);
    return { recorderId: String(r.recorderId), url: String(r.url), events };
  });
}

/** What the test compares: the replayed page at its last event. */
export interface ReplayedDom {
  /** Elements, by tag (scripts, which the replay never runs, and the overlay left out). */
  elements: Record<string, number>;
  text: string;
  values: string[];
  cssRules: number;
}

/** rrweb's Replayer (as published), in a blank page of the test's own. */
export async function openReplayer(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const source = await readFile(path.join(root, 'node_modules/@rrweb/replay/dist/replay.umd.min.cjs'), 'utf8');
  await page.addScriptTag({ content: `(function () {\n${source}\n}).call(window);` });
  return page;
}

/** Replays `events` to their end and sums the rebuilt DOM up (run in the Replayer's page). */
export function replayedDom(page: Page, events: Event[]): Promise<ReplayedDom> {
  return page.evaluate(
    ({ list, overlay }) => {
      type Replaying = { pause(offset: number): void; destroy(): void; iframe: HTMLIFrameElement };
      const { Replayer } = (window as unknown as { rrwebReplay: { Replayer: new (...a: unknown[]) => Replaying } })
        .rrwebReplay;
      const host = document.createElement('div');
      document.body.append(host);
      const replayer = new Replayer(list, {
        root: host,
        showWarning: false,
        mouseTail: false,
        triggerFocus: false,
        skipInactive: false,
        logger: { log: () => undefined, warn: () => undefined },
      });
      const first = list[0]?.timestamp ?? 0;
      const last = list.reduce((m, e) => Math.max(m, e.timestamp), first);
      replayer.pause(last - first + 1);
      const frame = replayer.iframe;
      frame.style.display = 'inherit';
      const doc = frame.contentDocument as Document;
      const skip = `script, noscript, ${overlay}`;
      const elements: Record<string, number> = {};
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        if (el.closest(skip)) continue;
        const tag = el.tagName.toLowerCase();
        elements[tag] = (elements[tag] ?? 0) + 1;
      }
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text: it depends on the replayed styles
      const text = (doc.body?.innerText ?? '').replace(/\s+/g, ' ').trim();
      const values = Array.from(doc.querySelectorAll('input, textarea, select')).map(
        (e) => (e as HTMLInputElement).value,
      );
      let cssRules = 0;
      for (const sheet of Array.from(doc.styleSheets)) {
        try {
          cssRules += sheet.cssRules.length;
        } catch {
          // a sheet the replay could not read (cross-origin): none of its rules count
        }
      }
      replayer.destroy();
      host.remove();
      return { elements, text, values, cssRules };
    },
    { list: events, overlay: OVERLAY_TAG },
  );
}
