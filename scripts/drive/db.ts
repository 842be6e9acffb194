import type { Page } from '@playwright/test';

export interface StoredWalkData {
  walks: Record<string, unknown>[];
  steps: Record<string, unknown>[];
  recorders: Record<string, unknown>[];
  /** Each chunk's metadata with its events decompressed (the JSON text of an rrweb event array). */
  chunks: (Record<string, unknown> & { json: string })[];
  /** Every record of every store as text, chunks decompressed: what to search for leaks. */
  allText: string;
  /** Every store's records; a Blob becomes `{ blobSize, blobType }` (Blobs do not cross to the test). */
  stores: Record<string, Record<string, unknown>[]>;
}

/**
 * Reads Touchpoint's IndexedDB raw, from an extension page: what is really on disk, not what the
 * app's own readers make of it.
 */
export async function readStoredData(extensionPage: Page): Promise<StoredWalkData> {
  return extensionPage.evaluate(storedDataInPage);
}

/**
 * readStoredData's work, run inside an extension page (self-contained: it is sent as source); the
 * Firefox drivers (scripts/drive-firefox/) run it too.
 */
export async function storedDataInPage(): Promise<StoredWalkData> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('touchpoint');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (store: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
      r.onerror = () => reject(r.error);
    });
  const gunzip = async (bytes: Uint8Array) =>
    new Response(
      new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
  const names = Array.from(db.objectStoreNames);
  const texts: string[] = [];
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const name of names) out[name] = await all(name);
  const chunks = [];
  for (const c of out.chunks ?? []) {
    const json = await gunzip(c.data as Uint8Array);
    const { data: _data, ...meta } = c;
    chunks.push({ ...meta, json });
    texts.push(json, JSON.stringify(meta));
  }
  // The stylesheet texts a walk stores once (lib/assets/refs.ts), decompressed like the chunks.
  for (const a of out.assets ?? []) texts.push(await gunzip(a.data as Uint8Array));
  for (const name of names) if (name !== 'chunks') texts.push(JSON.stringify(out[name]));
  db.close();
  const stores: Record<string, Record<string, unknown>[]> = {};
  for (const name of names) {
    stores[name] = (out[name] ?? []).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, v instanceof Blob ? { blobSize: v.size, blobType: v.type } : v]),
      ),
    );
  }
  return {
    walks: out.walks ?? [],
    steps: out.steps ?? [],
    recorders: out.recorders ?? [],
    chunks,
    allText: texts.join('\n'),
    stores,
  };
}

/**
 * An export's text with every chunk's events (and stylesheet) decompressed after it (what a search for a secret
 * must look through), run inside an extension page: self-contained, sent as source.
 */
export async function exportedTextInPage(json: string): Promise<string> {
  const out: string[] = [json];
  for (const w of JSON.parse(json).walks) {
    // Chunks, and the stylesheet texts they reference (carried once per walk since format 4).
    for (const c of [...w.chunks, ...(w.assets ?? [])]) {
      const bytes = Uint8Array.from(atob(c.data), (ch) => ch.charCodeAt(0));
      out.push(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text());
    }
  }
  return out.join('\n');
}
