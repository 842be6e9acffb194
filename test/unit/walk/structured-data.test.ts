// @vitest-environment happy-dom
import { gzip } from '@/lib/codec/gzip';
import type { Db } from '@/lib/db/open-db';
import { storeFlushed } from '@/lib/db/recording';
import { RecorderMark, type RecorderContext } from '@/lib/model';
import { createWalkController, type WalkEnv } from '@/lib/walk/controller';
import { type JsonLdBounds, startPage } from '@/lib/walk/page-start';
import { boundStructuredData, createStructuredDataReader, STRUCTURED_DATA_BOUNDS } from '@/lib/walk/structured-data';
import { batchOf, freshDb, numberedEvents, seedWalk, TAB } from '../support/seed';

const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const padded = (chars: number) => JSON.stringify({ '@type': 'Thing', name: 'x'.repeat(chars - 30) });

async function maskAllText(db: Db, auditId: string): Promise<void> {
  const audit = await db.get('audits', auditId);
  if (!audit) throw new Error('no audit');
  await db.put('audits', { ...audit, privacy: { ...audit.privacy, maskAllText: true } });
}

/** The worker's later read of a page: startPage claiming nothing. */
function readJsonLdInPage(bounds: JsonLdBounds) {
  const { claimed, jsonLd } = startPage(null, bounds);
  if (claimed || !jsonLd) throw new Error('a read that claims nothing answers JSON-LD and no claim');
  return jsonLd;
}

describe('startPage (runs in the walked page): the JSON-LD it reads', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('reads each JSON-LD block’s text, and no other script', () => {
    document.head.innerHTML = `${ld({ '@type': 'Organization', name: 'Ventura' })}<script>var x = 1;</script>`;
    document.body.innerHTML = `<script type="application/json">{"a":1}</script>${ld({ '@type': 'Offer' })}`;
    const r = readJsonLdInPage(STRUCTURED_DATA_BOUNDS);
    expect(r.dropped).toBe(0);
    expect(r.blocks.map((b) => JSON.parse(b)['@type'])).toEqual(['Organization', 'Offer']);
  });

  it('keeps at most 20 blocks, each at most 64 kB, 256 kB in all; the rest are dropped and counted', () => {
    document.head.innerHTML = Array.from({ length: 25 }, (_, i) => ld({ '@type': 'Thing', i })).join('');
    const many = readJsonLdInPage(STRUCTURED_DATA_BOUNDS);
    expect(many.blocks).toHaveLength(20);
    expect(many.dropped).toBe(5);

    document.head.innerHTML = `<script type="application/ld+json">${padded(70_000)}</script>${ld({ '@type': 'Offer' })}`;
    const long = readJsonLdInPage(STRUCTURED_DATA_BOUNDS);
    expect(long.blocks).toHaveLength(1);
    expect(long.dropped).toBe(1);

    const big = `<script type="application/ld+json">${padded(60_000)}</script>`;
    document.head.innerHTML = big.repeat(5);
    const total = readJsonLdInPage(STRUCTURED_DATA_BOUNDS);
    expect(total.blocks).toHaveLength(4);
    expect(total.dropped).toBe(1);
  });
});

describe('startPage (runs in the walked page): the claim', () => {
  const KEY = '__testRecorderContext';
  const context = { walkId: 'w1', tabId: 7 } as unknown as RecorderContext;
  afterEach(() => {
    delete (document as { __touchpointClaimed?: true }).__touchpointClaimed;
    delete (globalThis as Record<string, unknown>)[KEY];
    document.head.innerHTML = '';
  });

  it('claims a document once, leaves the context, and reads its JSON-LD in the same run', () => {
    document.head.innerHTML = ld({ '@type': 'Organization', name: 'Ventura' });
    const first = startPage({ key: KEY, context }, STRUCTURED_DATA_BOUNDS);
    expect(first.claimed).toBe(true);
    expect((globalThis as Record<string, unknown>)[KEY]).toBe(context);
    expect(first.jsonLd?.blocks).toHaveLength(1);
    // A second injection into the same document gets nothing: neither the claim nor a read.
    expect(startPage({ key: KEY, context }, STRUCTURED_DATA_BOUNDS)).toEqual({ claimed: false, jsonLd: null });
  });

  it('reads nothing without bounds (Mask all page text)', () => {
    document.head.innerHTML = ld({ '@type': 'Organization', name: 'Ventura' });
    expect(startPage({ key: KEY, context }, null)).toEqual({ claimed: true, jsonLd: null });
  });
});

describe('boundStructuredData (the page’s answer, checked in the worker)', () => {
  it('drops what is not JSON or over the bounds, and survives junk', () => {
    const r = boundStructuredData(
      { blocks: ['{"@type":"Offer"}', 'not json', 42, 'x'.repeat(70_000)], dropped: 2 },
      {},
    );
    expect(r.blocks).toEqual(['{"@type":"Offer"}']);
    expect(r.dropped).toBe(5);
    for (const junk of [null, undefined, 'x', { blocks: 'x' }, { blocks: [], dropped: -3 }]) {
      expect(boundStructuredData(junk, {})).toEqual({ blocks: [], dropped: 0 });
    }
    const many = boundStructuredData({ blocks: Array.from({ length: 30 }, () => '{}'), dropped: 0 }, {});
    expect(many).toEqual({ blocks: Array.from({ length: 20 }, () => '{}'), dropped: 10 });
  });

  it('puts the URLs it holds through the walk’s URL policy, and leaves other strings alone', () => {
    const block = JSON.stringify({
      '@type': 'Organization',
      url: 'https://ventura.example/account?session=s3cr3t-token',
      logo: '/img/logo.svg?sig=abc987',
      telephone: '+34 910 000 111',
      openingHours: 'Mo-Fr 09:00-20:00',
    });
    const [out] = boundStructuredData({ blocks: [block], dropped: 0 }, {}).blocks;
    expect(out).not.toContain('s3cr3t-token');
    expect(out).not.toContain('abc987');
    const o = JSON.parse(out ?? '{}');
    expect(o.url).toMatch(/^https:\/\/ventura\.example\/account\?session=/);
    expect(o.telephone).toBe('+34 910 000 111');
    expect(o.openingHours).toBe('Mo-Fr 09:00-20:00');
    // A parameter the audit keeps stays.
    const kept = boundStructuredData({ blocks: [block], dropped: 0 }, { keep: ['session'] }).blocks[0];
    expect(kept).toContain('s3cr3t-token');
  });
});

describe('the recorder mark’s structured data', () => {
  const mark = {
    recorderId: 'r1',
    walkId: 'w1',
    tabId: 7,
    url: 'https://ventura.example/',
    startedAt: 1,
    storedThrough: 3,
  };

  it('is optional (marks stored before have none) and bounded', () => {
    expect(RecorderMark.parse(mark).structuredData).toBeUndefined();
    expect(RecorderMark.parse({ ...mark, structuredData: { blocks: ['{}'], dropped: 1 } }).structuredData).toEqual({
      blocks: ['{}'],
      dropped: 1,
    });
    const bad = [
      { blocks: Array.from({ length: 21 }, () => '{}'), dropped: 0 },
      { blocks: ['x'.repeat(64 * 1024 + 1)], dropped: 0 },
      { blocks: Array.from({ length: 5 }, () => 'x'.repeat(60_000)), dropped: 0 },
      { blocks: [], dropped: -1 },
    ];
    for (const structuredData of bad) expect(RecorderMark.safeParse({ ...mark, structuredData }).success).toBe(false);
  });
});

describe('createStructuredDataReader', () => {
  async function setup() {
    const db = await freshDb();
    const { audit, walk } = await seedWalk(db);
    await storeFlushed(db, batchOf(walk.id, 0, numberedEvents(0, 2)), TAB, gzip);
    const reads: (string | undefined)[] = [];
    let answer: (documentId: string | undefined) => Promise<unknown> = async () => ({
      blocks: ['{"@type":"Offer"}'],
      dropped: 0,
    });
    const reader = createStructuredDataReader({
      db,
      read: async (_tab, documentId) => {
        reads.push(documentId);
        return { documentId: documentId ?? 'doc-1', result: await answer(documentId) };
      },
      masksText: async () => (await db.get('audits', audit.id))?.privacy.maskAllText ?? false,
      policy: async () => ({}),
    });
    return { db, audit, walk, reads, reader, answerWith: (f: typeof answer) => (answer = f) };
  }

  const atLoad = { documentId: 'doc-1', result: { blocks: ['{"@type":"Offer"}'], dropped: 0 } };

  it('keeps what was read as a page was claimed, and stores it on the mark of its document’s first flush', async () => {
    const { db, walk, reads, reader, answerWith } = await setup();
    await reader.loaded(walk.id, atLoad);
    // The page has gone by its first flush: what was read at load is stored all the same.
    answerWith(async () => {
      throw new Error('No document with id doc-1');
    });
    expect(await reader.atFirstFlush(walk.id, 'rec-1', TAB, 'doc-1')).toBe(true);
    expect(await reader.atFirstFlush(walk.id, 'rec-1', TAB, 'doc-1')).toBe(false);
    expect(reads).toEqual([]);
    expect((await db.get('recorders', 'rec-1'))?.structuredData).toEqual({ blocks: ['{"@type":"Offer"}'], dropped: 0 });
    await storeFlushed(db, batchOf(walk.id, 2, numberedEvents(2, 2)), TAB, gzip);
    const after = await db.get('recorders', 'rec-1');
    expect(after?.storedThrough).toBe(3);
    expect(after?.structuredData?.blocks).toEqual(['{"@type":"Offer"}']);
  });

  it('reads the flushing document itself when nothing was read at its load', async () => {
    const { db, walk, reads, reader } = await setup();
    expect(await reader.atFirstFlush(walk.id, 'rec-1', TAB, 'doc-9')).toBe(true);
    expect(reads).toEqual(['doc-9']);
    expect((await db.get('recorders', 'rec-1'))?.structuredData?.blocks).toHaveLength(1);
  });

  it('never reads the page under Mask all page text (structured data repeats the page’s text)', async () => {
    const { db, audit, walk, reads, reader } = await setup();
    await maskAllText(db, audit.id);
    await reader.loaded(walk.id, atLoad);
    expect(await reader.atFirstFlush(walk.id, 'rec-1', TAB, 'doc-1')).toBe(false);
    expect(reads).toEqual([]);
    expect((await db.get('recorders', 'rec-1'))?.structuredData).toBeUndefined();
  });

  it('a page that refuses the script loses only its structured data', async () => {
    const { db, walk, reader, answerWith } = await setup();
    answerWith(async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(await reader.atFirstFlush(walk.id, 'rec-1', TAB, 'doc-1')).toBe(false);
    const m = await db.get('recorders', 'rec-1');
    expect(m?.storedThrough).toBe(1);
    expect(m?.structuredData).toBeUndefined();
  });
});

describe('the walk controller', () => {
  it('stores the JSON-LD of the page load that sent its first flush, read once', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const reads: { tabId: number; documentId: string | undefined }[] = [];
    const env = {
      db,
      compress: gzip,
      now: () => 50_000,
      announce: () => undefined,
      notify: () => undefined,
      readStructuredData: async (tabId: number, documentId: string | undefined) => {
        reads.push({ tabId, documentId });
        return { documentId, result: { blocks: ['{"@type":"Organization"}'], dropped: 0 } };
      },
    } as unknown as WalkEnv;
    const walks = createWalkController(env);
    await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 2)), TAB, 'doc-a');
    await walks.flush(batchOf(walk.id, 2, numberedEvents(2, 2)), TAB, 'doc-a');
    await vi.waitFor(async () => expect((await db.get('recorders', 'rec-1'))?.structuredData).toBeDefined());
    expect(reads).toEqual([{ tabId: TAB, documentId: 'doc-a' }]);
    expect((await db.get('recorders', 'rec-1'))?.structuredData?.blocks).toEqual(['{"@type":"Organization"}']);
  });
});
