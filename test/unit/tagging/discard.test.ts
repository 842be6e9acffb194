// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { harness } from './harness';
import { byId, hitTesting, travelPage } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

beforeEach(() => {
  travelPage(document);
  hitTesting(document);
});

async function pickFav(h: ReturnType<typeof harness>) {
  h.ctl.tagger.pick();
  const r = byId(document, 'fav').getBoundingClientRect();
  await h.ctl.pickAt(r.x + 2, r.y + 2);
  expect(h.model.view.value).toBe('tag');
}

describe('the screenshot of a tag never saved', () => {
  it('is discarded when the tag form is cancelled (Esc)', async () => {
    const h = harness();
    await pickFav(h);
    expect(h.payloads('tag/discard-capture')).toEqual([]);
    h.ctl.tagger.cancel();
    expect(h.payloads('tag/discard-capture')).toEqual([{ screenshotId: 'shot-1' }]);
    // Closing again has nothing left to discard.
    h.ctl.tagger.cancel();
    expect(h.payloads('tag/discard-capture')).toHaveLength(1);
  });

  it('is discarded when another element is picked instead', async () => {
    const h = harness();
    await pickFav(h);
    h.ctl.tagger.pick();
    expect(h.payloads('tag/discard-capture')).toEqual([{ screenshotId: 'shot-1' }]);
  });

  it('is kept once the tag is saved with it, and kept for a retry when the save fails', async () => {
    const h = harness();
    await pickFav(h);
    h.failWith('disk full');
    expect(await h.ctl.saveTag()).toBe(false);
    expect(h.model.view.value).toBe('tag');
    h.failWith(null);
    expect(await h.ctl.saveTag()).toBe(true);
    expect(h.payloads('tag/save')[0]?.screenshotId).toBe('shot-1');
    expect(h.payloads('tag/discard-capture')).toEqual([]);
  });

  it('is discarded when the form was closed while the screenshot was taken', async () => {
    const h = harness();
    h.ctl.tagger.pick();
    const r = byId(document, 'fav').getBoundingClientRect();
    const picking = h.ctl.pickAt(r.x + 2, r.y + 2);
    h.ctl.tagger.cancel();
    await picking;
    expect(h.payloads('tag/discard-capture')).toEqual([{ screenshotId: 'shot-1' }]);
    expect(h.model.view.value).toBe('none');
  });
});
