// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { findAnchor } from '@/lib/anchors/find-anchor';
import { Anchor } from '@/lib/model';
import { validateRequest } from '@/lib/messaging/protocol';
import { OVERLAY_TAG } from '@/lib/overlay-tag';
import { TAG_EVENT } from '@/components/tagger/model/tagger';
import { harness, storedTag } from './harness';
import { byId, hitTesting, place, travelPage } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

/** What the picked button is, as a tag stores it. */
const FAV = { kind: 'button', name: 'Save to favourites' };

beforeEach(() => {
  travelPage(document);
  hitTesting(document);
});

/** Pick mode, the pointer over `id`, a click. */
async function pickById(h: ReturnType<typeof harness>, id: string) {
  h.ctl.tagger.pick();
  const r = byId(document, id).getBoundingClientRect();
  h.ctl.hoverAt(r.x + 2, r.y + 2);
  await h.ctl.pickAt(r.x + 2, r.y + 2);
}

describe('tagging an element', () => {
  it('outlines the element under the pointer while picking', () => {
    const h = harness();
    h.ctl.tagger.pick();
    expect(h.model.view.value).toBe('picking');
    expect(h.modes).toEqual(['picking']);
    h.ctl.hoverAt(30, 130);
    expect(h.model.hover.value).toEqual({ x: 20, y: 124, width: 160, height: 32 });
    expect(h.model.hoverLabel.value).toBe('button “Save to favourites”');
  });

  it('hides every layer for the screenshot, then opens the form for the picked element', async () => {
    const h = harness();
    await pickById(h, 'fav');
    // The overlay was hidden, the worker captured with both layers hidden, then both came back.
    expect(h.events).toEqual([
      { hidden: true, at: 'overlay' },
      { hidden: true, at: 'capture' },
      { hidden: false, at: 'overlay' },
    ]);
    expect(h.model.hidden.value).toBe(false);
    expect(h.payloads('tag/capture')).toEqual([
      {
        rect: { x: 20, y: 124, width: 160, height: 32 },
        viewport: { width: innerWidth, height: innerHeight },
        // The page's typing fields, painted over by the worker (test/unit/capture/mask-boxes.test.ts).
        masks: expect.any(Array),
        pixelRatio: 1,
      },
    ]);
    expect(h.model.view.value).toBe('tag');
    expect(h.modes).toEqual(['picking', 'tagging']);
    expect(h.model.editing.value?.target).toEqual(FAV);
    expect(h.model.editing.value?.draft.categoryId).toBe('findability');
    expect(h.model.problem.value).toBeNull();
  });

  it('saves the tag with its anchor, screenshot, recorder and replay time, and records it', async () => {
    const h = harness();
    await pickById(h, 'fav');
    const editing = h.model.editing.value;
    if (!editing) throw new Error('no form');
    h.model.editing.value = {
      ...editing,
      draft: { ...editing.draft, categoryId: 'error', severity: '3', effort: '2', note: '  No trace  ' },
    };
    const before = Date.now();
    expect(await h.ctl.saveTag()).toBe(true);
    const [draft] = h.payloads('tag/save');
    if (!draft) throw new Error('nothing saved');
    expect(draft.recorderId).toBe('rec-1');
    expect(draft.screenshotId).toBe('shot-1');
    expect(draft.target).toEqual(FAV);
    expect(draft.pageTitle).toBe('Lisbon · Ventura Viajes');
    expect(draft.at).toBeGreaterThanOrEqual(before);
    expect(draft.at).toBeLessThanOrEqual(Date.now());
    expect(draft.fields).toMatchObject({ categoryId: 'error', severity: 3, effort: 2, note: 'No trace' });
    // The anchor is one the worker accepts, and it finds the same element again.
    const anchor = Anchor.parse(JSON.parse(JSON.stringify(draft.anchor)));
    expect(anchor.position?.rect).toEqual({ x: 20, y: 124, width: 160, height: 32 });
    expect(findAnchor(anchor, document)?.element).toBe(byId(document, 'fav'));
    expect(h.bridge.addCustomEvent).toHaveBeenCalledWith(TAG_EVENT, {
      tagId: 'tag-new',
      categoryId: 'error',
      severity: 3,
      target: FAV,
    });
    expect(h.model.view.value).toBe('none');
    expect(h.modes.at(-1)).toBe('idle');
    expect(h.notices).toContain('Tag saved.');
  });

  it('says how to allow screenshots when Chrome refuses one, and saves the tag without it', async () => {
    const h = harness({ capture: { screenshotId: null, problem: 'no-permission' } });
    await pickById(h, 'price');
    expect(h.model.problem.value).toMatch(/toolbar button .* Alt\+Shift\+G/);
    await h.ctl.saveTag();
    expect(h.payloads('tag/save')[0]?.screenshotId).toBeNull();
  });

  it('refuses a form with a field out of range, with the error on that field, and sends nothing', async () => {
    const h = harness();
    await pickById(h, 'fav');
    const editing = h.model.editing.value;
    if (!editing) throw new Error('no form');
    h.model.editing.value = {
      ...editing,
      draft: { ...editing.draft, resolutionStatus: 'resolved', resolutionMinutes: 'soon', severity: '9' },
    };
    expect(await h.ctl.saveTag()).toBe(false);
    expect(h.model.errors.value).toEqual({ resolutionMinutes: 'errorMinutes', severity: 'errorChoose' });
    expect(h.payloads('tag/save')).toEqual([]);
    expect(h.model.view.value).toBe('tag');
  });

  it('keeps the form open with the reason when the worker cannot save', async () => {
    const h = harness();
    await pickById(h, 'fav');
    h.failWith('disk full');
    expect(await h.ctl.saveTag()).toBe(false);
    expect(h.model.problem.value).toBe('Could not save: disk full');
    expect(h.model.view.value).toBe('tag');
    expect(h.model.busy.value).toBe(false);
    expect(h.bridge.addCustomEvent).not.toHaveBeenCalled();
  });

  it('picks by keyboard: arrows move among the page’s elements, Enter picks the chosen one', async () => {
    const h = harness();
    h.ctl.tagger.pick();
    h.ctl.step(1);
    expect(h.model.hoverLabel.value).toBe('heading “Lisbon”');
    h.ctl.step(1);
    h.ctl.step(1);
    h.ctl.step(1);
    expect(h.model.hoverLabel.value).toBe('button “Save to favourites”');
    h.ctl.step(-1);
    h.ctl.step(1);
    await h.ctl.pickAt();
    expect(h.model.editing.value?.target).toEqual(FAV);
  });

  it('stays closed when cancelled while the screenshot is taken', async () => {
    const h = harness();
    h.ctl.tagger.pick();
    const picking = h.ctl.pickAt(30, 130);
    h.ctl.close();
    await picking;
    expect(h.model.view.value).toBe('none');
    expect(h.model.editing.value).toBeNull();
    expect(h.model.busy.value).toBe(false);
  });

  it('picks nothing where nothing is drawn, and stays in pick mode', async () => {
    const h = harness();
    h.ctl.tagger.pick();
    document.elementsFromPoint = () => [document.documentElement];
    place(document.body, { x: 0, y: 0, width: 0, height: 0 });
    await h.ctl.pickAt(5000, 5000);
    expect(h.model.view.value).toBe('picking');
    expect(h.sent).toEqual([]);
  });
});

describe('closing gives focus back', () => {
  it('to the overlay button that opened the tools', () => {
    const h = harness();
    const host = document.createElement(OVERLAY_TAG);
    host.tabIndex = 0;
    document.documentElement.append(host);
    host.focus();
    h.ctl.tagger.pick();
    h.ctl.close();
    expect(h.bridge.focusOverlay).toHaveBeenCalledWith('tag');
    expect(h.modes).toEqual(['picking', 'idle']);
    host.remove();
  });

  it('to the page element that had it (a keyboard shortcut opened the tools)', () => {
    const h = harness();
    const search = byId(document, 'search');
    search.focus();
    h.ctl.tagger.score();
    search.blur();
    h.ctl.close();
    expect(document.activeElement).toBe(search);
    expect(h.bridge.focusOverlay).not.toHaveBeenCalled();
  });

  it('to the marker whose tag was edited', () => {
    const h = harness();
    h.ctl.edit(storedTag(byId(document, 'fav'), 'tag-1'));
    h.ctl.close();
    expect(h.model.focusMarker.value).toBe('tag-1');
  });
});

describe('editing and deleting from a marker', () => {
  it('fills the form with the tag, and saves changes as an update', async () => {
    const h = harness();
    const tag = storedTag(byId(document, 'fav'), 'tag-1', { severity: 4, note: 'Lost it' });
    h.ctl.edit(tag);
    const editing = h.model.editing.value;
    expect(editing?.id).toBe('tag-1');
    expect(editing?.draft).toMatchObject({ severity: '4', note: 'Lost it', resolutionMinutes: '5' });
    if (!editing) throw new Error('no form');
    h.model.editing.value = { ...editing, draft: { ...editing.draft, severity: '1' } };
    expect(await h.ctl.saveTag()).toBe(true);
    expect(h.payloads('tag/update')).toEqual([{ id: 'tag-1', fields: expect.objectContaining({ severity: 1 }) }]);
    expect(h.payloads('tag/save')).toEqual([]);
    expect(h.bridge.addCustomEvent).not.toHaveBeenCalled();
  });

  it('deletes the tag', async () => {
    const h = harness();
    h.ctl.edit(storedTag(byId(document, 'fav'), 'tag-1'));
    expect(await h.ctl.deleteTag()).toBe(true);
    expect(h.payloads('tag/delete')).toEqual([{ id: 'tag-1' }]);
    expect(h.notices).toContain('Tag deleted.');
  });
});

describe('markers', () => {
  it('places each tag on its element, numbered, and counts the ones not found', async () => {
    const gone = storedTag(byId(document, 'quote'), 'tag-3');
    gone.anchor = { ...gone.anchor, selector: '#nothing', name: 'Something else entirely', tag: 'video' };
    gone.anchor.text = { text: 'nothing like it', hash: '00000000' };
    gone.anchor.context = { text: '', hash: '00000000' };
    gone.anchor.attributes = {};
    gone.anchor.ancestors = [];
    const tags = [storedTag(byId(document, 'fav'), 'tag-1'), storedTag(byId(document, 'price'), 'tag-2'), gone];
    const h = harness({ tags: () => tags });
    h.ctl.tagger.markers(true);
    await vi.waitFor(() => expect(h.model.markers.value).toHaveLength(3));
    expect(h.model.markers.value.map((m) => [m.tag.id, m.n, m.box])).toEqual([
      ['tag-1', 1, { x: 20, y: 124, width: 160, height: 32 }],
      ['tag-2', 2, { x: 20, y: 80, width: 400, height: 24 }],
      ['tag-3', 3, null],
    ]);
    expect(h.notices.at(-1)).toBe('1 tag of this page could not be placed: the page changed too much.');
    // Once every tag is placed again, that notice goes.
    tags.pop();
    h.ctl.tagger.markers(true);
    await vi.waitFor(() => expect(h.notices.at(-1)).toBeNull());
  });

  it('follow their elements when the page moves, and are refreshed after a save', async () => {
    let tags = [storedTag(byId(document, 'fav'), 'tag-1')];
    const h = harness({ tags: () => tags });
    h.ctl.tagger.markers(true);
    await vi.waitFor(() => expect(h.model.markers.value).toHaveLength(1));
    place(byId(document, 'fav'), { x: 20, y: 24, width: 160, height: 32 }); // scrolled 100px
    h.ctl.relayout();
    expect(h.model.markers.value[0]?.box).toEqual({ x: 20, y: 24, width: 160, height: 32 });
    // Nothing moved: the same list, so nothing re-renders.
    const placed = h.model.markers.value;
    h.ctl.relayout();
    expect(h.model.markers.value).toBe(placed);
    byId(document, 'fav').remove();
    h.ctl.relayout();
    expect(h.model.markers.value[0]?.box).toBeNull();

    tags = [...tags, storedTag(byId(document, 'price'), 'tag-2')];
    await pickById(h, 'price');
    await h.ctl.saveTag();
    expect(h.model.markers.value.map((m) => m.tag.id)).toEqual(['tag-1', 'tag-2']);
  });

  it('leave the overlay’s “Tag saved.” alone when all are placed', async () => {
    const tags = [storedTag(byId(document, 'fav'), 'tag-1')];
    const h = harness({ tags: () => tags });
    h.ctl.tagger.markers(true);
    await vi.waitFor(() => expect(h.model.markers.value).toHaveLength(1));
    tags.push(storedTag(byId(document, 'price'), 'tag-2'));
    await pickById(h, 'price');
    await h.ctl.saveTag();
    expect(h.model.markers.value).toHaveLength(2);
    expect(h.notices).toEqual([null, 'Tag saved.']);
  });

  it('are cleared when switched off', async () => {
    const h = harness({ tags: () => [storedTag(byId(document, 'fav'), 'tag-1')] });
    h.ctl.tagger.markers(true);
    await vi.waitFor(() => expect(h.model.markers.value).toHaveLength(1));
    h.ctl.tagger.markers(false);
    await vi.waitFor(() => expect(h.model.markers.value).toHaveLength(0));
  });
});

describe('scoring the touchpoint', () => {
  it('names the touchpoint, fills in the saved score, and saves the new one', async () => {
    const h = harness({
      score: {
        ces: 3,
        csat: 2,
        note: 'Slow',
        id: 's',
        auditId: 'a',
        walkId: 'w',
        touchpointId: 'tp-1',
        url: '',
        at: 1,
      },
    });
    h.ctl.tagger.score();
    expect(h.modes).toEqual(['scoring']);
    await vi.waitFor(() => expect(h.model.scoreDraft.value).toEqual({ ces: '3', csat: '2', note: 'Slow' }));
    expect(h.model.touchpointName.value).toBe('Destination page');
    h.model.scoreDraft.value = { ces: '6', csat: '', note: ' Fine ' };
    expect(await h.ctl.saveScore()).toBe(true);
    expect(h.payloads('score/save')).toEqual([
      { url: location.href, title: 'Lisbon · Ventura Viajes', fields: { ces: 6, csat: null, note: 'Fine' } },
    ]);
    expect(h.notices).toContain('Score saved.');
  });

  it('refuses a score out of the scales', async () => {
    const h = harness();
    h.ctl.tagger.score();
    h.model.scoreDraft.value = { ces: '8', csat: '0', note: '' };
    expect(await h.ctl.saveScore()).toBe(false);
    expect(h.model.scoreErrors.value).toEqual({ ces: 'errorChoose', csat: 'errorChoose' });
    expect(h.payloads('score/save')).toEqual([]);
  });

  it('scores a page whose title is over 500 characters: what it sends is within the protocol', async () => {
    const before = document.title;
    document.title = `${'Long title '.repeat(100)} · Ventura Viajes`;
    try {
      const h = harness();
      h.ctl.tagger.score();
      h.model.scoreDraft.value = { ces: '5', csat: '', note: '' };
      expect(await h.ctl.saveScore()).toBe(true);
      const sent = [...h.payloads('touchpoint/resolve'), ...h.payloads('score/save')];
      expect(sent).toHaveLength(2);
      for (const p of h.payloads('touchpoint/resolve')) expect(validateRequest('touchpoint/resolve', p).ok).toBe(true);
      for (const p of h.payloads('score/save')) expect(validateRequest('score/save', p).ok).toBe(true);
      for (const p of sent) expect((p as { title: string }).title).toHaveLength(500);
    } finally {
      document.title = before;
    }
  });
});
