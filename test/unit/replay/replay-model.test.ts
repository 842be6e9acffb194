import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from '../support/journey-samples';
import { putTag } from '@/lib/db/tags';
import type { Db } from '@/lib/db/open-db';
import { addStep } from '@/lib/db/walks';
import type { PageStep } from '@/lib/model';
import { gunzip, gzip } from '@/lib/codec/gzip';
import { createReplayModel } from '@/components/replay/model/replay-model';
import { T0, walkEvents } from '../../fixtures/events/walk-events';
import { storeFlushed } from '@/lib/db/recording';
import { freshDb, seedWalk, storeFlush, TAB } from '../support/seed';

const LATER = 20_000;
const shifted = walkEvents.map((e) => ({ ...e, timestamp: e.timestamp + LATER }));

function pageStep(seq: number, at: number, kind: PageStep['kind'], title: string): PageStep {
  return { seq, at, kind, url: 'https://ventura.example/', title, target: null };
}

/** A walk of two pages in one tab (home, then quote), and a tab opened between them. */
async function recordedWalk(db: Db) {
  const { audit, walk } = await seedWalk(db);
  const flush = (recorderId: string, events: readonly unknown[], steps: PageStep[]) =>
    storeFlush(
      db,
      {
        walkId: walk.id,
        recorderId,
        url: `https://ventura.example/${recorderId}`,
        seqFrom: 0,
        count: events.length,
        events: JSON.stringify(events),
        steps,
        signals: [],
      },
      TAB,
      gzip,
    );
  await flush('home', walkEvents, [pageStep(0, T0, 'visit', 'Home'), pageStep(5, T0 + 3000, 'click', 'Home')]);
  await flush('quote', shifted, [
    pageStep(0, T0 + LATER, 'visit', 'Quote'),
    pageStep(5, T0 + LATER + 3000, 'click', 'Quote'),
  ]);
  const tabStep = { id: 'tab:9:tab-opened', walkId: walk.id, tabId: 9, recorderId: null, at: T0 + 10_000 };
  await addStep(db, { ...tabStep, kind: 'tab-opened', url: '', title: '', target: null });
  return { audit, walk };
}

async function modelOn(db: Db) {
  return createReplayModel({ db: async () => db, gunzip });
}

describe('replay model', () => {
  it('lists the audits and the chosen audit’s walks with their personas', async () => {
    const db = await freshDb();
    const { audit, walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start('');
    expect(model.audits.value?.map((a) => a.id)).toEqual([audit.id]);
    expect(model.walks.value).toEqual([
      { walk: expect.objectContaining({ id: walk.id }), personaName: 'Ana, first-time traveller' },
    ]);
    expect(model.hash.value).toBe(`#audit=${audit.id}`);
  });

  it('opens a walk from the address on its first page', async () => {
    const db = await freshDb();
    const { walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}`);
    expect(model.open.value?.segments.map((s) => s.recorderId)).toEqual(['home', 'quote']);
    expect(model.segmentIndex.value).toBe(0);
    expect(model.shown.value).toMatchObject({ index: 0, firstTs: T0, problem: null });
    expect(model.shown.value?.events).toHaveLength(walkEvents.length);
  });

  it('opens a walk at a step: its page, seeked to its time', async () => {
    const db = await freshDb();
    const { walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}&step=${encodeURIComponent('quote:5')}`);
    expect(model.segmentIndex.value).toBe(1);
    expect(model.seek.value?.offset).toBe(3000);
    expect(model.selectedStepId.value).toBe('quote:5');
    expect(model.hash.value).toBe(`#walk=${walk.id}&step=quote%3A5`);
  });

  it('opens a walk at a tag: the page it was pinned on, seeked to that moment', async () => {
    const db = await freshDb();
    const { audit, walk } = await recordedWalk(db);
    await putTag(db, {
      id: 'tag-1',
      auditId: audit.id,
      walkId: walk.id,
      touchpointId: null,
      tabId: TAB,
      recorderId: 'quote',
      url: 'https://ventura.example/quote',
      pageTitle: 'Quote',
      at: T0 + LATER + 2_000,
      anchor: SAMPLE_ANCHOR,
      target: 'button "Send"',
      screenshotId: null,
      ...SAMPLE_FIELDS,
      createdAt: 1,
      updatedAt: 1,
    });
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}&tag=tag-1`);
    expect(model.open.value?.tags.map((t) => t.id)).toEqual(['tag-1']);
    expect(model.segmentIndex.value).toBe(1);
    expect(model.seek.value?.offset).toBe(2_000);
    expect(model.selectedTagId.value).toBe('tag-1');
    expect(model.currentStepId.value).toBe('quote:0');
    expect(model.hash.value).toBe(`#walk=${walk.id}&tag=tag-1`);
    // Choosing a step afterwards leaves the tag.
    await model.selectStep('home:0');
    expect(model.selectedTagId.value).toBeNull();
    expect(model.segmentIndex.value).toBe(0);
  });

  it('opens a walk at a moment of a page load (the consistency view’s evidence), seeked there', async () => {
    const db = await freshDb();
    const { walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}&at=${T0 + LATER + 3_500}&rec=quote`);
    expect(model.segmentIndex.value).toBe(1);
    expect(model.seek.value?.offset).toBe(3_500);
    expect(model.currentStepId.value).toBe('quote:5');
    expect(model.hash.value).toBe(`#walk=${walk.id}&at=${T0 + LATER + 3_500}&rec=quote`);
    // Without its page load, the moment is in the page loaded last before it.
    await model.applyHash(`#walk=${walk.id}&at=${T0 + 1_000}`);
    expect(model.segmentIndex.value).toBe(0);
    expect(model.seek.value?.offset).toBe(1_000);
    // Choosing a step afterwards leaves the moment.
    await model.selectStep('quote:0');
    expect(model.hash.value).toBe(`#walk=${walk.id}&step=quote%3A0`);
  });

  it('sends a tab event to the next page, at its start', async () => {
    const db = await freshDb();
    const { walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}`);
    await model.selectStep('tab:9:tab-opened');
    expect(model.segmentIndex.value).toBe(1);
    expect(model.seek.value?.offset).toBe(0);
    expect(model.currentStepId.value).toBe('tab:9:tab-opened');
  });

  it('moves the highlight with playback, but not while the player sits on a clicked step', async () => {
    const db = await freshDb();
    const { walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}`);
    await model.selectStep('home:0');
    model.playerTime(100);
    expect(model.currentStepId.value).toBe('home:0');
    model.playerTime(3500);
    expect(model.currentStepId.value).toBe('home:5');
  });

  it('reports a walk that does not exist and falls back to the list', async () => {
    const db = await freshDb();
    const { audit } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start('#walk=gone');
    expect(model.problem.value).toEqual({ kind: 'walk-not-found' });
    expect(model.open.value).toBeNull();
    expect(model.auditId.value).toBe(audit.id);
    expect(model.walks.value).toHaveLength(1);
  });

  it('names a damaged page and keeps the others playable', async () => {
    const db = await freshDb();
    const { walk } = await recordedWalk(db);
    const quoteChunk = (await db.getAllFromIndex('chunks', 'byWalk', walk.id)).find((c) => c.recorderId === 'quote');
    if (!quoteChunk) throw new Error('no quote chunk');
    await db.put('chunks', { ...quoteChunk, data: new Uint8Array([1, 2, 3]) });
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}`);
    await vi.waitFor(() => expect(model.damaged.value.get(1)).toBe('unreadable'));
    expect(model.shown.value?.problem).toBeNull();
    await model.goToSegment(1);
    expect(model.shown.value).toMatchObject({ index: 1, problem: 'unreadable', events: [] });
    await model.goToSegment(0);
    expect(model.shown.value?.events.length).toBeGreaterThan(0);
  });

  it('shows an open walk with no events as having no pages', async () => {
    const db = await freshDb();
    const { walk } = await seedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}`);
    expect(model.open.value?.segments).toEqual([]);
    expect(model.shown.value).toBeNull();
    expect(model.problem.value).toBeNull();
  });

  it('going back to the list closes the walk', async () => {
    const db = await freshDb();
    const { audit, walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}`);
    await model.applyHash(`#audit=${audit.id}`);
    expect(model.open.value).toBeNull();
    expect(model.walks.value).toHaveLength(1);
    expect(model.hash.value).toBe(`#audit=${audit.id}`);
  });

  it('follows the worker’s notices: a tag pinned after it opened, and new walks in the list', async () => {
    const db = await freshDb();
    const { audit, walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#walk=${walk.id}`);
    const shownBefore = model.shown.value;
    const tag = {
      id: 'late-tag',
      auditId: audit.id,
      walkId: walk.id,
      touchpointId: null,
      tabId: TAB,
      recorderId: 'quote',
      url: 'https://ventura.example/quote',
      pageTitle: 'Quote',
      at: T0 + LATER + 1_000,
      anchor: SAMPLE_ANCHOR,
      target: null,
      screenshotId: null,
      ...SAMPLE_FIELDS,
      createdAt: 1,
      updatedAt: 1,
    };
    await putTag(db, tag);
    model.dataChanged({ auditId: audit.id, changes: [{ store: 'tags', op: 'put', value: tag }] });
    expect(model.open.value?.tags.map((t) => t.id)).toEqual(['late-tag']);
    // The page in the player stays where it was.
    expect(model.shown.value).toBe(shownBefore);

    const next = { ...walk, id: 'w-next', startedAt: walk.startedAt + 1 };
    model.dataChanged({ auditId: audit.id, changes: [{ store: 'walks', op: 'put', value: next }] });
    await model.applyHash(`#audit=${audit.id}`);
    expect(model.walks.value?.map((r) => r.walk.id)).toEqual(['w-next', walk.id]);
    model.dataChanged({ auditId: 'another-audit', changes: [{ store: 'walks', op: 'delete', id: 'w-next' }] });
    expect(model.walks.value).toHaveLength(2);
  });

  it('reads only the chunks recorded since the walk was opened, and grows its page list', async () => {
    const db = await freshDb();
    const { audit, walk } = await recordedWalk(db);
    // The page's reads, by method and store.
    const reads: string[] = [];
    const watched = new Proxy(db, {
      get(target, key) {
        const v = Reflect.get(target, key, target);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (key === 'get' || key === 'getAllFromIndex') reads.push(`${key} ${String(args[0])}`);
          return v.apply(target, args);
        };
      },
    });
    const model = createReplayModel({ db: async () => watched, gunzip });
    await model.start(`#walk=${walk.id}`);
    expect(model.open.value?.segments).toHaveLength(2);
    const later = walkEvents.map((e) => ({ ...e, timestamp: e.timestamp + 2 * LATER }));
    const { changes } = await storeFlushed(
      db,
      {
        walkId: walk.id,
        recorderId: 'thanks',
        url: 'https://ventura.example/thanks',
        seqFrom: 0,
        count: later.length,
        events: JSON.stringify(later),
        steps: [pageStep(0, T0 + 2 * LATER, 'visit', 'Thanks')],
        signals: [],
      },
      TAB,
      gzip,
    );
    reads.length = 0;
    model.dataChanged({ auditId: audit.id, changes });
    await vi.waitFor(() => expect(model.open.value?.segments).toHaveLength(3));
    // The new chunk alone, and the page loads: the chunks already held are not read again.
    expect(reads.sort()).toEqual(['get chunks', 'getAllFromIndex recorders']);
    expect(model.open.value?.steps.map((s) => s.title)).toContain('Thanks');
    expect(model.segmentIndex.value).toBe(0);
    await model.goToSegment(2);
    expect(model.shown.value).toMatchObject({ index: 2, problem: null });
  });

  it('opens a walk stored after its audit was read, though it missed the notice', async () => {
    const db = await freshDb();
    const { audit, walk } = await recordedWalk(db);
    const model = await modelOn(db);
    await model.start(`#audit=${audit.id}`);
    await db.put('walks', { ...walk, id: 'w-unheard', startedAt: walk.startedAt + 5 });
    await model.applyHash('#walk=w-unheard');
    expect(model.problem.value).toBeNull();
    expect(model.open.value?.walk.id).toBe('w-unheard');
  });
});
