import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { readStoredData } from '../scripts/drive/db';

export interface StorageFigures {
  walks: number;
  eventCount: number;
  /** What is really stored for the walk: its chunks' bytes plus its stylesheets' (stored once). */
  storedBytes: number;
  /** The walk's own running total (lib/db/recording.ts): must equal `storedBytes`. */
  walkStoredBytes: number;
  chunkBytes: number;
  assetBytes: number;
  /** Stylesheet texts stored once for the walk (lib/assets/refs.ts). */
  assets: number;
  rawBytes: number;
  chunks: number;
  recorders: number;
  /** Sum over recorders (page loads) of last event time − first event time. */
  recordedMinutes: number;
  storedBytesPerMinute: number;
  storedToRaw: number;
  steps: number;
  /** Events stored per recorded page URL (one recorder per page load). */
  eventsByUrl: Record<string, number>;
}

const num = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`stored ${what} is not a number: ${String(v)}`);
  return v;
};

/** The compressed bytes of every chunk and stylesheet record, summed in the page (the bytes stay there). */
function storedSizesInPage(): Promise<{ chunkBytes: number; assetBytes: number; assets: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('touchpoint');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = ['chunks', ...(db.objectStoreNames.contains('assets') ? ['assets'] : [])];
      const tx = db.transaction(names);
      const sums = { chunkBytes: 0, assetBytes: 0, assets: 0 };
      const sum = (name: string, add: (bytes: number) => void) => {
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => {
          for (const row of r.result as { data: Uint8Array }[]) add(row.data.byteLength);
        };
      };
      sum('chunks', (n) => {
        sums.chunkBytes += n;
      });
      if (names.includes('assets')) {
        sum('assets', (n) => {
          sums.assetBytes += n;
          sums.assets++;
        });
      }
      tx.oncomplete = () => {
        db.close();
        resolve(sums);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Reads what the ended walk left in IndexedDB (raw, from an extension page). */
export async function storageFigures(extensionPage: Page): Promise<StorageFigures> {
  // tsx (esbuild keepNames) wraps the nested functions readStoredData hands to page.evaluate in
  // `__name(...)` calls; Playwright's own test runner does not. Give the page a no-op __name.
  await extensionPage.evaluate('globalThis.__name ??= (fn) => fn');
  const data = await readStoredData(extensionPage);
  const walk = data.walks[0];
  if (data.walks.length !== 1 || !walk) throw new Error(`expected one stored walk, found ${data.walks.length}`);
  if (walk.status !== 'ended') throw new Error(`the walk is ${String(walk.status)}, not ended`);
  const spans = new Map<string, { first: number; last: number }>();
  for (const c of data.chunks) {
    const id = String(c.recorderId);
    const first = num(c.firstTs, 'firstTs');
    const last = num(c.lastTs, 'lastTs');
    const s = spans.get(id);
    spans.set(id, s ? { first: Math.min(s.first, first), last: Math.max(s.last, last) } : { first, last });
  }
  const urlOf = new Map(data.recorders.map((r) => [String(r.recorderId), String(r.url)]));
  const eventsByUrl: Record<string, number> = {};
  for (const c of data.chunks) {
    const url = urlOf.get(String(c.recorderId)) ?? '?';
    eventsByUrl[url] = (eventsByUrl[url] ?? 0) + num(c.seqTo, 'seqTo') - num(c.seqFrom, 'seqFrom') + 1;
  }
  let ms = 0;
  for (const s of spans.values()) ms += s.last - s.first;
  const sizes = await extensionPage.evaluate(storedSizesInPage);
  const storedBytes = sizes.chunkBytes + sizes.assetBytes;
  const rawBytes = num(walk.rawBytes, 'rawBytes');
  const recordedMinutes = ms / 60_000;
  return {
    walks: data.walks.length,
    eventCount: num(walk.eventCount, 'eventCount'),
    storedBytes,
    walkStoredBytes: num(walk.storedBytes, 'storedBytes'),
    ...sizes,
    rawBytes,
    chunks: data.chunks.length,
    recorders: spans.size,
    recordedMinutes,
    storedBytesPerMinute: recordedMinutes > 0 ? storedBytes / recordedMinutes : Number.NaN,
    storedToRaw: rawBytes > 0 ? storedBytes / rawBytes : Number.NaN,
    steps: data.steps.length,
    eventsByUrl,
  };
}

export interface BundleFigures {
  file: string;
  rawBytes: number;
  gzipBytes: number;
  /** The overlay's script, injected after the recorder (entrypoints/overlay.content); 0 if absent. */
  overlayGzipBytes: number;
}

/** The content script as shipped by the loopback build, and gzipped with node:zlib (default level). */
export async function contentScriptSize(root: string, extensionDir: string): Promise<BundleFigures> {
  const file = path.join(extensionDir, 'content-scripts/recorder.js');
  const buf = await readFile(file);
  const overlay = await readFile(path.join(extensionDir, 'content-scripts/overlay.js')).catch(() => null);
  return {
    file: path.relative(root, file),
    rawBytes: buf.length,
    gzipBytes: gzipSync(buf).length,
    overlayGzipBytes: overlay ? gzipSync(overlay).length : 0,
  };
}
