import type { Page } from '@playwright/test';
import { clickToolbarButton } from './support/browser';
import { readStoredData } from './support/db';
import { expect, test, waitForRecorder } from './support/fixtures';
import { OverlayDriver } from './support/overlay';

/** Picks an element in pick mode by mouse, as an auditor does. */
async function pick(tab: Page, overlay: OverlayDriver, selector: string): Promise<void> {
  await overlay.click('Tag friction');
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(true);
  const box = await tab.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not drawn`);
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(true);
}

async function tag(overlay: OverlayDriver, f: { category: string; severity: string; note: string }) {
  await overlay.select('Category', f.category);
  await overlay.select('Severity', f.severity);
  await overlay.select('Effort (CES)', '2');
  await overlay.select('Moment of truth', 'unexpected');
  await overlay.type('Note', f.note);
  await overlay.click('Save tag');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(false);
}

async function score(overlay: OverlayDriver, ces: string, csat: string) {
  await overlay.click('Score touchpoint');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(true);
  await overlay.select('Effort (CES)', ces);
  await overlay.select('Satisfaction (CSAT)', csat);
  await overlay.click('Save score');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(false);
}

/** Boxes agree to within a pixel or two (sub-pixel layout, borders). */
function near(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(a[k] - b[k]), k).toBeLessThanOrEqual(3);
}

test('frictions are tagged by picking elements, touchpoints scored, and markers find the elements again', async ({
  ext,
  panel,
  site,
}) => {
  await panel.createAudit({ name: 'Tagging', startUrl: site.url('/destination.html?id=lisbon') });
  await panel.addPersona({ name: 'Ana' });
  const tab = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab);
  // The auditor clicks Touchpoint's toolbar button once in the walk tab: screenshots are allowed.
  await clickToolbarButton(ext, tab);
  const overlay = await OverlayDriver.attach(tab);

  // Two frictions on the destination page, picked by mouse: the page never sees the clicks.
  await pick(tab, overlay, '#fav');
  await tag(overlay, { category: 'error', severity: '3', note: 'Saving a favourite leaves no trace' });
  await pick(tab, overlay, '#dest-price');
  await tag(overlay, { category: 'information', severity: '2', note: 'Price per person, taxes unclear' });
  // Neither the picking clicks nor the clicks on Touchpoint's own controls reach the page.
  expect(await tab.evaluate(() => document.body.dataset.clicks ?? '0')).toBe('0');
  expect(await tab.locator('#fav-state').textContent()).toBe('');
  await score(overlay, '3', '2');

  // A third on the quote form, another touchpoint.
  await tab.goto(site.url('/quote.html'));
  await waitForRecorder(tab);
  const quoteOverlay = await OverlayDriver.attach(tab);
  await pick(tab, quoteOverlay, '#travellers');
  await tag(quoteOverlay, { category: 'form-effort', severity: '2', note: 'Travellers before dates' });
  await score(quoteOverlay, '2', '1');

  // Back on the destination page (a fresh load), the markers land on the same elements.
  await tab.goto(site.url('/destination.html?id=lisbon'));
  await waitForRecorder(tab);
  const again = await OverlayDriver.attach(tab);
  await expect.poll(async () => (await again.markers()).size, { timeout: 10_000 }).toBe(2);
  const markers = [...(await again.markers()).values()].sort((a, b) => a.y - b.y || a.x - b.x);
  const boxes = await Promise.all(['#dest-price', '#fav'].map((s) => tab.locator(s).boundingBox()));
  const expected = boxes.map((b) => b ?? { x: 0, y: 0, width: 0, height: 0 }).sort((a, b) => a.y - b.y || a.x - b.x);
  near(markers[0] ?? { x: -1, y: -1, width: 0, height: 0 }, expected[0] ?? { x: 0, y: 0, width: 0, height: 0 });
  near(markers[1] ?? { x: -1, y: -1, width: 0, height: 0 }, expected[1] ?? { x: 0, y: 0, width: 0, height: 0 });
  // Reloading keeps them too.
  await tab.reload();
  await waitForRecorder(tab);
  const reloaded = await OverlayDriver.attach(tab);
  await expect.poll(async () => (await reloaded.markers()).size, { timeout: 10_000 }).toBe(2);

  await panel.endWalk();
  const { stores, chunks } = await readStoredData(panel.page);
  const tags = (stores.tags ?? []) as {
    anchor: { selector: string; name: string };
    screenshotId: string | null;
    severity: number;
    note: string;
    touchpointId: string;
    categoryId: string;
  }[];
  expect(tags.map((t) => t.note).sort()).toEqual([
    'Price per person, taxes unclear',
    'Saving a favourite leaves no trace',
    'Travellers before dates',
  ]);
  expect(tags.map((t) => t.anchor.selector)).toEqual(expect.arrayContaining(['#fav', '#dest-price', '#travellers']));
  const shots = (stores.screenshots ?? []) as { id: string; blob: { blobSize: number; blobType: string } }[];
  for (const t of tags) {
    const shot = shots.find((s) => s.id === t.screenshotId);
    expect(shot?.blob.blobType).toBe('image/png');
    expect(shot?.blob.blobSize).toBeGreaterThan(500);
  }
  // Two touchpoints (the destination page, the quote form), both scored.
  expect(new Set(tags.map((t) => t.touchpointId)).size).toBe(2);
  const scores = (stores.scores ?? []) as { ces: number; csat: number; touchpointId: string }[];
  expect(scores.map((s) => [s.ces, s.csat]).sort()).toEqual([
    [2, 1],
    [3, 2],
  ]);
  // Each tag is in the recording too, as a custom event the replay shows.
  const recorded = chunks.map((c) => c.json).join('\n');
  expect(recorded.match(/"tag":"touchpoint-tag"/g)?.length).toBe(3);
});
