import { gunzip, gzip, fromBase64 } from '@/lib/codec/gzip';
import { storeFlushed } from '@/lib/db/recording';
import { addStep } from '@/lib/db/walks';
import { buildAuditExport } from '@/lib/export/build-export';
import { Chunk } from '@/lib/model';
import { TYPED_PARAMS_TAG } from '@/lib/privacy/event-urls';
import { listChunks, listRecorders } from '@/lib/read/recording';
import { getWalk, listSteps } from '@/lib/read/walks';
import { batchOf, freshDb, seedWalk, TAB } from '../support/seed';

const SECRET = 'Qx9-typed-secret';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9tok3n';
const RAW = `https://ventura.example/destinations.html?q=${SECRET}&page=2#access_token=${TOKEN}`;

/** What a recorder from before the URL policy sent: every URL whole, in steps and events alike. */
function rawEvents(declareTyped: boolean) {
  return [
    { type: 4, timestamp: 10_000, data: { href: RAW, width: 1280, height: 800 } },
    {
      type: 2,
      timestamp: 10_001,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            { type: 2, id: 2, tagName: 'a', attributes: { href: `${RAW.split('#')[0]}#main` }, childNodes: [] },
          ],
        },
        initialOffset: { top: 0, left: 0 },
      },
    },
    ...(declareTyped
      ? [{ type: 5, timestamp: 10_002, data: { tag: TYPED_PARAMS_TAG, payload: { names: ['page'] } } }]
      : []),
  ];
}

const rawStep = { seq: 0, at: 10_000, kind: 'visit' as const, url: RAW, title: 'Destinations', target: null };

describe('the URL policy where the worker stores a flush', () => {
  it('redacts the events, steps, signals and mark, and keeps learned typed names on the walk', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const batch = {
      ...batchOf(walk.id, 0, rawEvents(true), [rawStep]),
      url: RAW,
      signals: [{ seq: 1, at: 10_001, kind: 'js-error' as const, url: RAW, detail: 'x', durationMs: null }],
    };
    // The audit keeps `page`; the events say `page` carried typed text: it is redacted anyway.
    const { result } = await storeFlushed(db, batch, TAB, gzip, 20_000, { keep: ['page'] });
    expect(result).toEqual({ ok: true, storedThrough: 2 });
    const [chunk] = await listChunks(db, walk.id);
    const text = await gunzip((chunk as Chunk).data);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('destinations.html?q=*&page=*#access_token=*');
    expect(text).toContain('destinations.html?q=*&page=*#main');
    expect((await listSteps(db, walk.id)).map((s) => s.url)).toEqual([
      'https://ventura.example/destinations.html?q=*&page=*#access_token=*',
    ]);
    expect((await listRecorders(db, walk.id)).map((r) => r.url)).toEqual([
      'https://ventura.example/destinations.html?q=*&page=*#access_token=*',
    ]);
    expect((await getWalk(db, walk.id))?.typedParams).toEqual(['page']);
  });

  it('keeps a kept parameter’s value when nothing typed reached it', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    await storeFlushed(db, batchOf(walk.id, 0, rawEvents(false), [rawStep]), TAB, gzip, 20_000, { keep: ['page'] });
    expect((await listSteps(db, walk.id))[0]?.url).toBe(
      'https://ventura.example/destinations.html?q=*&page=2#access_token=*',
    );
    expect((await getWalk(db, walk.id))?.typedParams).toBeUndefined();
  });
});

describe('the URL policy in the export', () => {
  it('exports recordings stored before the policy redacted: chunks, steps, tags and scores', async () => {
    const db = await freshDb();
    const { audit, walk } = await seedWalk(db);
    // Stored as a recorder and worker from before the policy stored them: raw.
    const json = JSON.stringify(rawEvents(false));
    await db.put(
      'chunks',
      Chunk.parse({
        id: 'rec-old:000000000',
        walkId: walk.id,
        tabId: TAB,
        recorderId: 'rec-old',
        seqFrom: 0,
        seqTo: 1,
        firstTs: 10_000,
        lastTs: 10_001,
        rawBytes: json.length,
        data: await gzip(json),
      }),
    );
    await addStep(db, { ...rawStep, id: 'rec-old:0', walkId: walk.id, tabId: TAB, recorderId: 'rec-old' });
    await addStep(db, {
      id: 'tab:8:tab-opened:1',
      walkId: walk.id,
      tabId: 8,
      recorderId: null,
      at: 10_003,
      kind: 'tab-opened',
      url: `https://ventura.example/support.html?token=${TOKEN}`,
      title: '',
      target: null,
    });
    const exp = await buildAuditExport(db, audit.id, 30_000);
    const text = JSON.stringify(exp);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    const [w] = exp.walks;
    expect(w?.steps.map((s) => s.url)).toEqual([
      'https://ventura.example/destinations.html?q=*&page=*#access_token=*',
      'https://ventura.example/support.html?token=*',
    ]);
    const chunkText = await gunzip(fromBase64(w?.chunks[0]?.data ?? ''));
    expect(chunkText).not.toContain(SECRET);
    expect(chunkText).toContain('destinations.html?q=*&page=*#main');
    expect(w?.chunks[0]?.rawBytes).toBe(new TextEncoder().encode(chunkText).length);
  });
});
