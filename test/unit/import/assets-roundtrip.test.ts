import { expandAssets } from '@/lib/assets/refs';
import { fromBase64, gunzip, gzip, toBase64 } from '@/lib/codec/gzip';
import type { Db } from '@/lib/db/open-db';
import { storeFlushed } from '@/lib/db/recording';
import { endWalk } from '@/lib/db/walks';
import { sendImport } from '@/lib/import/send-import';
import { createAssetReader, listAssets } from '@/lib/read/assets';
import { listChunks } from '@/lib/read/recording';
import { readChunkEvents } from '@/lib/replay/decode';
import { batchOf, freshDb, seedWalk, TAB } from '../support/seed';
import { BASE_CSS, styledPage } from '../support/styled-events';
import { dump, exportText, importWorker } from './support';

const PAGES = 3;

async function styledAudit() {
  const db = await freshDb();
  const { audit, walk } = await seedWalk(db);
  const pages: unknown[][] = [];
  for (let i = 0; i < PAGES; i++) {
    pages.push(styledPage(i));
    await storeFlushed(db, batchOf(walk.id, 0, styledPage(i), [], `rec-${i}`), TAB, gzip, 50_000 + i);
  }
  await endWalk(db, walk.id, 'auditor', 60_000);
  return { db, audit, walk, pages };
}

/** Every page's events as the database's readers give them back, by recorder. */
async function readBack(db: Db, walkId: string): Promise<unknown[][]> {
  const reader = createAssetReader(async () => db, gunzip);
  const chunks = (await listChunks(db, walkId)).sort((a, b) => a.recorderId.localeCompare(b.recorderId));
  return Promise.all(chunks.map((c) => readChunkEvents(c, gunzip, reader)));
}

const importInto = (db: Db, text: string) => sendImport(importWorker(db).send, text, crypto.randomUUID());

describe('the export carries each walk’s stylesheets once (format 4)', () => {
  it('export, import into an empty database, export again: the same bytes, and the same events', async () => {
    const { db, audit, walk, pages } = await styledAudit();
    const text = await exportText(db, audit.id);
    const file = JSON.parse(text);
    expect(file.schemaVersion).toBe(4);
    expect(file.walks[0].assets).toHaveLength(3);
    // The chunks keep their references: the shared text is in the file once, not once per page.
    for (const c of file.walks[0].chunks)
      expect(await gunzip(fromBase64(c.data))).not.toContain(BASE_CSS.slice(0, 100));

    const empty = await freshDb();
    const result = await importInto(empty, text);
    expect(result).toMatchObject({ ok: true, summary: { added: { assets: 3, chunks: PAGES } } });
    expect(await exportText(empty, audit.id)).toBe(text);
    expect(await readBack(empty, walk.id)).toEqual(pages);
    // Imported twice: nothing new, the stylesheets included.
    const before = await dump(empty);
    expect(await importInto(empty, text)).toMatchObject({ ok: true, summary: { unchanged: true } });
    expect(await dump(empty)).toBe(before);
  });

  it('still imports a format 3 file, whose chunks hold every stylesheet inline, and reads it as recorded', async () => {
    const { db, audit, walk, pages } = await styledAudit();
    const file = JSON.parse(await exportText(db, audit.id));
    // What Touchpoint wrote before format 4: each chunk whole, no assets.
    const texts = new Map<string, string>();
    for (const a of file.walks[0].assets) texts.set(a.hash, await gunzip(fromBase64(a.data)));
    for (const c of file.walks[0].chunks) {
      const events = JSON.parse(await gunzip(fromBase64(c.data)));
      expandAssets(events, texts);
      c.data = toBase64(await gzip(JSON.stringify(events)));
    }
    delete file.walks[0].assets;
    file.schemaVersion = 3;

    const empty = await freshDb();
    const result = await importInto(empty, JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, summary: { migratedFrom: 3, added: { assets: 0, chunks: PAGES } } });
    expect(await listAssets(empty, walk.id)).toEqual([]);
    expect(await readBack(empty, walk.id)).toEqual(pages);
  });

  it('a chunk whose stylesheet the file does not carry reads as damaged, never as another page', async () => {
    const { db, audit, walk } = await styledAudit();
    const file = JSON.parse(await exportText(db, audit.id));
    file.walks[0].assets = file.walks[0].assets.slice(1);
    const empty = await freshDb();
    expect(await importInto(empty, JSON.stringify(file))).toMatchObject({ ok: true });
    const reader = createAssetReader(async () => empty, gunzip);
    const [first] = await listChunks(empty, walk.id);
    if (!first) throw new Error('no chunk');
    await expect(readChunkEvents(first, gunzip, reader)).rejects.toThrow(/Missing stylesheet/);
  });

  it('refuses an asset whose name is not a SHA-256', async () => {
    const { db, audit } = await styledAudit();
    const file = JSON.parse(await exportText(db, audit.id));
    file.walks[0].assets[0].hash = 'not-a-hash';
    const result = await importInto(await freshDb(), JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      refusal: { kind: 'invalid', path: 'walks[0].assets[0].hash', issue: 'format' },
    });
  });
});
