import { listScores } from '@/lib/read/scores';
import { listSignals } from '@/lib/read/signals';
import { getScreenshot, listTags } from '@/lib/read/tags';
import { listTouchpoints } from '@/lib/read/touchpoints';
import { mergeTouchpointsInDb, splitTouchpointInDb } from '@/lib/db/touchpoints';
import { putScreenshot } from '@/lib/db/tags';
import { createPageService, type CroppedImage } from '@/lib/worker/page-service';
import type { Anchor, TagFields } from '@/lib/model';
import { freshDb, seedWalk, TAB } from '../support/seed';
import { SAMPLE_ANCHOR } from '../support/journey-samples';
import { heardChanges } from './support';

const anchor: Anchor = SAMPLE_ANCHOR;
const fields: TagFields = {
  categoryId: 'form-effort',
  severity: 3,
  effort: 2,
  emotion: -1,
  momentOfTruth: 'unexpected',
  aspect: 'interaction',
  resolution: { status: 'workaround', minutes: 4 },
  note: 'Asked twice for the same date',
};
const image: CroppedImage = {
  blob: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
  mime: 'image/png',
  width: 40,
  height: 30,
  focus: { x: 10, y: 10, width: 20, height: 10 },
};

async function setup(capture: () => Promise<CroppedImage> = async () => image) {
  const db = await freshDb();
  const seeded = await seedWalk(db);
  let n = 0;
  let clock = 50_000;
  const views = heardChanges();
  const journey = createPageService({
    db,
    now: () => clock++,
    ids: () => `id-${++n}`,
    capture,
    announce: views.announce,
  });
  const draft = (url: string) => ({
    recorderId: 'rec-1',
    url,
    pageTitle: 'Lisbon — Ventura',
    at: 9_000,
    anchor,
    target: { kind: 'button' as const, name: 'Send' },
    screenshotId: null,
    fields,
  });
  return { db, ...seeded, journey, views, draft };
}

describe('page service', () => {
  it('stores a tag on the touchpoint of its page and tells the views', async () => {
    const { db, walk, journey, views, draft } = await setup();
    const tag = await journey.saveTag(TAB, draft('https://ventura.example/destinations/lisbon?ref=home'));
    expect(tag).toMatchObject({ walkId: walk.id, auditId: walk.auditId, tabId: TAB, severity: 3, note: fields.note });
    const [tp] = await listTouchpoints(db, walk.auditId);
    expect(tag.touchpointId).toBe(tp?.id);
    expect(tp?.name).toBe('Lisbon');
    // One notification: the touchpoint the page started, then the tag, both as stored.
    expect(views.heard).toEqual([
      {
        auditId: walk.auditId,
        changes: [
          { store: 'touchpoints', op: 'put', value: tp },
          { store: 'tags', op: 'put', value: tag },
        ],
      },
    ]);
    expect(await listTags(db, walk.id)).toEqual([tag]);
  });

  it('resolves a known page read-only, and two pages of one new pattern at once into one touchpoint', async () => {
    const { db, walk, journey, views } = await setup();
    const [a, b] = await Promise.all([
      journey.resolve(TAB, 'https://ventura.example/trip/123', 'Trip'),
      journey.resolve(TAB, 'https://ventura.example/trip/456', 'Trip'),
    ]);
    expect(a?.id).toBe(b?.id);
    expect(await listTouchpoints(db, walk.auditId)).toEqual([a]);
    expect(views.summary()).toEqual([`touchpoints put ${a?.id}`]);
    expect(await journey.resolve(TAB, 'https://ventura.example/trip/789', 'Trip')).toEqual(a);
    expect(views.heard).toHaveLength(1);
  });

  it('puts two product pages in one touchpoint and another page in another', async () => {
    const { db, walk, journey, draft } = await setup();
    const a = await journey.saveTag(TAB, draft('https://ventura.example/trip/123'));
    const b = await journey.saveTag(TAB, draft('https://ventura.example/trip/456#reviews'));
    const c = await journey.saveTag(TAB, draft('https://ventura.example/quote'));
    expect(a.touchpointId).toBe(b.touchpointId);
    expect(c.touchpointId).not.toBe(a.touchpointId);
    expect(await listTouchpoints(db, walk.auditId)).toHaveLength(2);
  });

  it('refuses tabs outside the walk and stores nothing for them', async () => {
    const { db, walk, journey, draft } = await setup();
    await expect(journey.saveTag(99, draft('https://ventura.example/'))).rejects.toThrow(/not part of the walk/);
    await expect(journey.saveTag(undefined, draft('https://ventura.example/'))).rejects.toThrow();
    await expect(journey.capture(99, { x: 0, y: 0, width: 1, height: 1 }, { width: 10, height: 10 })).rejects.toThrow();
    await expect(
      journey.saveScore(99, 'https://ventura.example/', '', { ces: 3, csat: null, note: '' }),
    ).rejects.toThrow();
    expect(await listTags(db, walk.id)).toEqual([]);
    expect(await listScores(db, walk.id)).toEqual([]);
  });

  it('refuses a tag naming a screenshot of another walk, an unknown one, or one a tag already holds', async () => {
    const { db, walk, journey, draft } = await setup();
    const other = await seedWalk(db, { status: 'ended', openTabIds: [] });
    await putScreenshot(db, { id: 'theirs', walkId: other.walk.id, createdAt: 1, ...image });
    const shot = await journey.capture(TAB, { x: 0, y: 0, width: 5, height: 5 }, { width: 10, height: 10 });
    const refused = /not one this walk took/;
    await expect(
      journey.saveTag(TAB, { ...draft('https://ventura.example/'), screenshotId: 'theirs' }),
    ).rejects.toThrow(refused);
    await expect(journey.saveTag(TAB, { ...draft('https://ventura.example/'), screenshotId: 'nope' })).rejects.toThrow(
      refused,
    );
    expect(await listTags(db, walk.id)).toEqual([]);
    await journey.saveTag(TAB, { ...draft('https://ventura.example/'), screenshotId: shot.screenshotId });
    await expect(
      journey.saveTag(TAB, { ...draft('https://ventura.example/'), screenshotId: shot.screenshotId }),
    ).rejects.toThrow(refused);
    expect(await listTags(db, walk.id)).toHaveLength(1);
  });

  it('stores a capture as a screenshot, and says why when the browser refuses', async () => {
    const { db, journey } = await setup();
    const ok = await journey.capture(TAB, { x: 5, y: 5, width: 20, height: 10 }, { width: 800, height: 600 });
    expect(ok.problem).toBeNull();
    const shot = await getScreenshot(db, ok.screenshotId ?? '');
    expect(shot).toMatchObject({ width: 40, height: 30, mime: 'image/png' });
    if (!shot) throw new Error('no screenshot stored');
    expect(new Uint8Array(await shot.blob.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));

    const refused = await setup(async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    });
    expect(await refused.journey.capture(TAB, { x: 0, y: 0, width: 1, height: 1 }, { width: 9, height: 9 })).toEqual({
      screenshotId: null,
      problem: 'no-permission',
    });
    const broken = await setup(async () => {
      throw new Error('The element is not on screen.');
    });
    expect(
      (await broken.journey.capture(TAB, { x: 0, y: 0, width: 1, height: 1 }, { width: 9, height: 9 })).problem,
    ).toBe('failed');
  });

  it('lists the tags of one page for its markers, whatever the fragment', async () => {
    const { journey, draft } = await setup();
    const a = await journey.saveTag(TAB, draft('https://ventura.example/quote#step-2'));
    await journey.saveTag(TAB, draft('https://ventura.example/about'));
    expect((await journey.pageTags(TAB, 'https://ventura.example/quote')).map((t) => t.id)).toEqual([a.id]);
  });

  it('stores tags and scores with redacted URLs, and finds a page’s tags by its raw URL', async () => {
    const { db, walk, journey, draft } = await setup();
    const raw = 'https://ventura.example/search?q=Zq7secret&page=2#access_token=eyJtok3n';
    const tag = await journey.saveTag(TAB, draft(raw));
    expect(tag.url).toBe('https://ventura.example/search?q=*&page=*#access_token=*');
    expect((await journey.pageTags(TAB, raw)).map((t) => t.id)).toEqual([tag.id]);
    const score = await journey.saveScore(TAB, raw, 'Search', { ces: 3, csat: 3, note: '' });
    expect(score.url).toBe('https://ventura.example/search?q=*&page=*#access_token=*');
    expect(JSON.stringify([await listTags(db, walk.id), await listScores(db, walk.id)])).not.toMatch(
      /Zq7secret|eyJtok3n/,
    );
  });

  it('edits and deletes a tag of the walk with its screenshot, never another walk’s', async () => {
    const { db, walk, journey, views, draft } = await setup();
    const shot = await journey.capture(TAB, { x: 0, y: 0, width: 5, height: 5 }, { width: 10, height: 10 });
    const tag = await journey.saveTag(TAB, { ...draft('https://ventura.example/'), screenshotId: shot.screenshotId });
    const edited = await journey.updateTag(TAB, tag.id, { ...fields, severity: 4, note: 'Worse on retry' });
    expect(edited).toMatchObject({ id: tag.id, severity: 4, note: 'Worse on retry', anchor });
    expect(edited.updatedAt).toBeGreaterThan(tag.updatedAt);
    await expect(journey.updateTag(TAB, 'nope', fields)).rejects.toThrow(/not in the walk/);
    await journey.deleteTag(TAB, tag.id);
    expect(await listTags(db, walk.id)).toEqual([]);
    expect(await getScreenshot(db, shot.screenshotId ?? '')).toBeUndefined();
    expect(views.summary()).toEqual([
      `touchpoints put ${tag.touchpointId}`,
      `tags put ${tag.id}`,
      `tags put ${tag.id}`,
      `tags delete ${tag.id}`,
    ]);
    expect(views.heard.at(-2)?.changes[0]).toEqual({ store: 'tags', op: 'put', value: edited });
  });

  it('keeps one score per touchpoint per walk: scoring again replaces it', async () => {
    const { db, walk, journey, views } = await setup();
    expect(await journey.getScore(TAB, 'https://ventura.example/quote')).toBeNull();
    // Asking for a score is a read: no touchpoint is made for the page.
    expect(await listTouchpoints(db, walk.auditId)).toEqual([]);
    const first = await journey.saveScore(TAB, 'https://ventura.example/quote', 'Quote', {
      ces: 2,
      csat: 1,
      note: 'slow',
    });
    const again = await journey.saveScore(TAB, 'https://ventura.example/quote?x=1', 'Quote', {
      ces: 3,
      csat: 2,
      note: 'better',
    });
    expect(await listScores(db, walk.id)).toEqual([again]);
    expect(await journey.getScore(TAB, 'https://ventura.example/quote')).toEqual(again);
    expect(views.summary()).toEqual([
      `touchpoints put ${first.touchpointId}`,
      `scores put ${first.id}`,
      `scores put ${again.id}`,
    ]);
    expect(views.heard.at(-1)?.changes).toEqual([{ store: 'scores', op: 'put', value: again }]);
  });

  it('merging touchpoints moves their tags and keeps the later score; splitting moves them back', async () => {
    const { db, walk, journey, draft } = await setup();
    const a = await journey.saveTag(TAB, draft('https://ventura.example/trips/lisbon'));
    const b = await journey.saveTag(TAB, draft('https://ventura.example/trips/porto'));
    await journey.saveScore(TAB, 'https://ventura.example/trips/lisbon', '', { ces: 2, csat: null, note: '' });
    const later = await journey.saveScore(TAB, 'https://ventura.example/trips/porto', '', {
      ces: 6,
      csat: null,
      note: '',
    });
    const { touchpoint: merged } = await mergeTouchpointsInDb(db, a.touchpointId ?? '', b.touchpointId ?? '');
    expect(merged.patterns).toHaveLength(2);
    expect(new Set((await listTags(db, walk.id)).map((t) => t.touchpointId))).toEqual(new Set([merged.id]));
    expect((await listScores(db, walk.id)).map((s) => [s.touchpointId, s.ces])).toEqual([[merged.id, later.ces]]);

    const { split } = await splitTouchpointInDb(db, merged.id, merged.patterns[1] ?? '');
    expect(split).not.toBeNull();
    const tags = await listTags(db, walk.id);
    expect(tags.find((t) => t.id === b.id)?.touchpointId).toBe(split?.created.id);
    expect(tags.find((t) => t.id === a.id)?.touchpointId).toBe(merged.id);
    expect((await listScores(db, walk.id))[0]?.touchpointId).toBe(split?.created.id);
  });

  it('stores failed requests of walk tabs as signals, without query strings, once per request', async () => {
    const { db, walk, journey, views } = await setup();
    const r = {
      requestId: '42',
      url: 'https://ventura.example/api/offers.json?token=s3cret',
      pageUrl: 'https://ventura.example/offers.html?ref=x',
      status: 404,
      error: null,
      at: 7_000,
    };
    await journey.requestFailed(TAB, r);
    await journey.requestFailed(TAB, r); // webRequest may report a retried request twice
    await journey.requestFailed(TAB, { ...r, requestId: '43', status: null, error: 'net::ERR_CONNECTION_REFUSED' });
    await journey.requestFailed(99, { ...r, requestId: '44' }); // not a walk tab
    const signals = await listSignals(db, walk.id);
    expect(signals.map((s) => [s.kind, s.url, s.detail, s.recorderId])).toEqual([
      ['request-failed', 'https://ventura.example/offers.html', '404 https://ventura.example/api/offers.json', null],
      [
        'request-failed',
        'https://ventura.example/offers.html',
        'net::ERR_CONNECTION_REFUSED https://ventura.example/api/offers.json',
        null,
      ],
    ]);
    expect(JSON.stringify(signals)).not.toContain('s3cret');
    // Each stored signal is announced as stored (the retried one again: the same record).
    expect(views.heard.map((h) => h.changes)).toEqual([
      [{ store: 'signals', op: 'put', value: signals[0] }],
      [{ store: 'signals', op: 'put', value: signals[0] }],
      [{ store: 'signals', op: 'put', value: signals[1] }],
    ]);
  });

  it('stores no failed request of a walk tab while its page is off the audited site', async () => {
    const { db, walk, journey } = await setup();
    const r = { requestId: '50', url: 'https://other.example/x.js', status: 500, error: null, at: 7_000 };
    await journey.requestFailed(TAB, { ...r, pageUrl: 'https://other.example/page.html' });
    // A sub-resource of a page Touchpoint may not read: the tab's URL is not known.
    await journey.requestFailed(TAB, { ...r, requestId: '51', pageUrl: '' });
    // The audited host on another port is another origin.
    await journey.requestFailed(TAB, { ...r, requestId: '52', pageUrl: 'https://ventura.example:8443/' });
    expect(await listSignals(db, walk.id)).toEqual([]);
    await journey.requestFailed(TAB, { ...r, requestId: '53', pageUrl: 'https://ventura.example/' });
    expect(await listSignals(db, walk.id)).toHaveLength(1);
  });

  it('sends keyboard shortcuts only to an open walk tab', async () => {
    const { journey } = await setup();
    expect(await journey.commandTab(TAB)).toBe(TAB);
    expect(await journey.commandTab(3)).toBeNull();
    expect(await journey.commandTab(undefined)).toBeNull();
  });
});
