import { gunzip, gzip } from '@/lib/codec/gzip';
import { deleteAudit, deleteWalk } from '@/lib/db/delete';
import type { Db } from '@/lib/db/open-db';
import { storeFlushed } from '@/lib/db/recording';
import { endWalk } from '@/lib/db/walks';
import { createAssetReader, listAssets } from '@/lib/read/assets';
import { listChunks, listRecorders } from '@/lib/read/recording';
import { readChunkEvents } from '@/lib/replay/decode';
import { createSegmentReader } from '@/lib/replay/segment-reader';
import { toSegments } from '@/lib/replay/segments';
import { batchOf, freshDb, seedWalk, TAB } from '../support/seed';
import { BASE_CSS, LATE_CSS, styledPage, THEME_CSS } from '../support/styled-events';

const PAGES = 4;

/** A walk of `PAGES` page loads sharing their stylesheets, each page flushed in two batches. */
async function styledWalk(db: Db) {
  const { audit, walk } = await seedWalk(db);
  const pages: unknown[][] = [];
  for (let i = 0; i < PAGES; i++) {
    const events = styledPage(i);
    pages.push(events);
    const rec = `rec-${i}`;
    for (const [from, part] of [
      [0, events.slice(0, 2)],
      [2, events.slice(2)],
    ] as const) {
      const stored = await storeFlushed(db, batchOf(walk.id, from, part, [], rec), TAB, gzip, 50_000 + i);
      expect(stored.result).toEqual({ ok: true, storedThrough: from + part.length - 1 });
    }
  }
  return { audit, walk, pages };
}

const sizeOf = (events: unknown) => new TextEncoder().encode(JSON.stringify(events)).length;

describe('a walk stores each stylesheet once', () => {
  it('keeps one record per distinct large text, and every chunk reads back as rrweb recorded it', async () => {
    const db = await freshDb();
    const { walk, pages } = await styledWalk(db);
    const assets = await listAssets(db, walk.id);
    expect(assets).toHaveLength(3);
    const texts = await Promise.all(assets.map((a) => gunzip(a.data)));
    expect([...texts].sort()).toEqual([BASE_CSS, LATE_CSS, THEME_CSS].sort());
    for (const [i, t] of texts.entries()) expect(assets[i]?.rawBytes).toBe(new TextEncoder().encode(t).length);

    const chunks = await listChunks(db, walk.id);
    expect(chunks).toHaveLength(PAGES * 2);
    const reader = createAssetReader(async () => db, gunzip);
    for (const c of chunks) {
      const i = Number(c.recorderId.slice(4));
      const page = pages[i] as unknown[];
      const expected = c.seqFrom === 0 ? page.slice(0, 2) : page.slice(2);
      expect(await readChunkEvents(c, gunzip, reader)).toEqual(expected);
      // The chunk's raw size is rrweb's JSON, the stylesheets included.
      expect(c.rawBytes).toBe(sizeOf(expected));
      // What is stored holds none of the shared text.
      expect(await gunzip(c.data)).not.toContain(BASE_CSS.slice(0, 100));
    }
  });

  it('counts the stylesheets once in the walk’s stored bytes, and the raw figure as rrweb recorded it', async () => {
    const db = await freshDb();
    const { walk, pages } = await styledWalk(db);
    const stored = await db.get('walks', walk.id);
    const chunks = await listChunks(db, walk.id);
    const assets = await listAssets(db, walk.id);
    const chunkBytes = chunks.reduce((n, c) => n + c.data.byteLength, 0);
    const assetBytes = assets.reduce((n, a) => n + a.data.byteLength, 0);
    expect(assetBytes).toBeGreaterThan(0);
    expect(stored?.storedBytes).toBe(chunkBytes + assetBytes);
    const raw = pages.reduce((n, p) => n + sizeOf(p.slice(0, 2)) + sizeOf(p.slice(2)), 0);
    expect(stored?.rawBytes).toBe(raw);
    // Against each flush stored whole and gzipped, as before: the shared text is no longer paid per page.
    let before = 0;
    for (const p of pages)
      before +=
        (await gzip(JSON.stringify(p.slice(0, 2)))).byteLength + (await gzip(JSON.stringify(p.slice(2)))).byteLength;
    expect(chunkBytes + assetBytes).toBeLessThan(before / 2);
  });

  it('plays each page back through the replay’s reader exactly as recorded', async () => {
    const db = await freshDb();
    const { walk, pages } = await styledWalk(db);
    const segments = toSegments(await listRecorders(db, walk.id), await listChunks(db, walk.id), []);
    const reader = createSegmentReader(
      segments,
      gunzip,
      createAssetReader(async () => db, gunzip),
    );
    for (const [i, s] of segments.entries()) {
      const d = await reader.read(i);
      expect(d?.problem).toBeNull();
      expect(d?.events).toEqual(pages[Number(s.recorderId.slice(4))]);
    }
    // Without the walk's stylesheets a page cannot be rebuilt as recorded: it reports damage.
    const blind = createSegmentReader(segments, gunzip);
    expect((await blind.read(0))?.problem).toBe('unreadable');
  });

  it('a retry that overlaps what is stored stores no text twice and loses none', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const events = styledPage(0);
    await storeFlushed(db, batchOf(walk.id, 0, events.slice(0, 2), [], 'rec-0'), TAB, gzip, 1);
    const again = await storeFlushed(db, batchOf(walk.id, 0, events, [], 'rec-0'), TAB, gzip, 2);
    expect(again.result).toEqual({ ok: true, storedThrough: events.length - 1 });
    expect(await listAssets(db, walk.id)).toHaveLength(3);
    const reader = createAssetReader(async () => db, gunzip);
    const read = [];
    for (const c of await listChunks(db, walk.id)) read.push(...(await readChunkEvents(c, gunzip, reader)));
    expect(read).toEqual(events);
  });

  it('keeps each walk’s texts apart: deleting a walk deletes its stylesheets, not another walk’s', async () => {
    const db = await freshDb();
    const one = await styledWalk(db);
    const { walk: two } = await seedWalk(db);
    await storeFlushed(db, batchOf(two.id, 0, styledPage(0), [], 'rec-x'), TAB, gzip, 1);
    expect(await listAssets(db, two.id)).toHaveLength(3);
    await endWalk(db, one.walk.id, 'auditor', 60_000);
    expect(await deleteWalk(db, one.walk.id)).toMatchObject({ kind: 'deleted' });
    expect(await listAssets(db, one.walk.id)).toEqual([]);
    expect(await listAssets(db, two.id)).toHaveLength(3);
    await endWalk(db, two.id, 'auditor', 60_000);
    const audit = (await db.get('walks', two.id))?.auditId ?? '';
    expect(await deleteAudit(db, audit)).toMatchObject({ kind: 'deleted' });
    expect(await db.count('assets')).toBe(0);
  });
});
