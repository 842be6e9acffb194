import type { Page } from '@playwright/test';
import { clickToolbarButton } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';
import { OverlayDriver } from '../../scripts/drive/overlay';
import { pickElement as pick } from '../../scripts/drive/tagging';

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

type Box = { x: number; y: number; width: number; height: number };

/** The page's element boxes, as the page itself measures them, sorted top to bottom. */
async function boxesOf(tab: Page, selectors: string[]): Promise<Box[]> {
  const boxes = await tab.evaluate(
    (sels) =>
      sels.map((s) => {
        const r = document.querySelector(s)?.getBoundingClientRect();
        return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : { x: -1, y: -1, width: 0, height: 0 };
      }),
    selectors,
  );
  return boxes.sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The markers drawn on `tab` now sit on exactly these elements, one each. */
async function expectMarkersOn(tab: Page, selectors: string[]): Promise<void> {
  const overlay = await OverlayDriver.attach(tab);
  await expect.poll(async () => (await overlay.markers()).size, { timeout: 10_000 }).toBe(selectors.length);
  const markers = [...(await overlay.markers()).values()].sort((a, b) => a.y - b.y || a.x - b.x);
  const expected = await boxesOf(tab, selectors);
  for (const [i, box] of expected.entries()) near(markers[i] ?? { x: -9, y: -9, width: 0, height: 0 }, box);
}

/** Opens `url` afresh and checks its markers. */
async function expectMarkers(tab: Page, url: string, selectors: string[]): Promise<void> {
  await tab.goto(url);
  await waitForRecorder(tab);
  await expectMarkersOn(tab, selectors);
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

  // Two more on the quote form, another touchpoint. Its "Next step" button validates on click and
  // shows "Error 0x12" when the form is empty: the picking click must not run that handler.
  await tab.goto(site.url('/quote.html'));
  await waitForRecorder(tab);
  const quoteOverlay = await OverlayDriver.attach(tab);
  await pick(tab, quoteOverlay, '#travellers');
  await tag(quoteOverlay, { category: 'form-effort', severity: '2', note: 'Travellers before dates' });
  await pick(tab, quoteOverlay, '[data-step="1"] .next');
  await tag(quoteOverlay, { category: 'error', severity: '3', note: 'Error 0x12 says nothing' });
  expect(await tab.locator('#err-1').isHidden()).toBe(true);
  await score(quoteOverlay, '2', '1');

  // After a reload, each page's markers land on the same elements, and name their tags.
  await expectMarkers(tab, site.url('/destination.html?id=lisbon'), ['#dest-price', '#fav']);
  const again = await OverlayDriver.attach(tab);
  expect((await again.markerNames()).sort()).toEqual([
    'Tag 1: Error or broken, severity 3',
    'Tag 2: Missing or unclear information, severity 2',
  ]);
  await expectMarkers(tab, site.url('/quote.html'), ['#travellers', '[data-step="1"] .next']);
  await tab.reload();
  await waitForRecorder(tab);
  await expectMarkersOn(tab, ['#travellers', '[data-step="1"] .next']);

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
    'Error 0x12 says nothing',
    'Price per person, taxes unclear',
    'Saving a favourite leaves no trace',
    'Travellers before dates',
  ]);
  expect(tags.map((t) => t.anchor.selector)).toEqual(expect.arrayContaining(['#fav', '#dest-price', '#travellers']));
  expect(tags.find((t) => t.note.startsWith('Error 0x12'))?.anchor.name).toBe('Next step');
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
  expect(recorded.match(/"tag":"touchpoint-tag"/g)?.length).toBe(4);
  for (const t of tags) expect(recorded).toContain(`"tagId":"${(t as { id?: string }).id}"`);
});

/** Sends the message a keyboard shortcut (Alt+Shift+G / Alt+Shift+C) makes the worker send. */
async function command(ext: { context: import('@playwright/test').BrowserContext }, url: string, name: string) {
  const [worker] = ext.context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(
    async ([u, c]) => {
      type Tabs = {
        query(q: { url: string }): Promise<{ id?: number }[]>;
        sendMessage(id: number, m: unknown): Promise<unknown>;
      };
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      const [tab] = await tabs.query({ url: u });
      if (tab?.id === undefined) throw new Error(`no tab at ${u}`);
      await tabs.sendMessage(tab.id, { type: 'overlay/command', payload: { command: c } });
    },
    [url, name] as const,
  );
}

test('pick mode, the forms and the markers work from the keyboard; markers edit and delete their tags', async ({
  ext,
  panel,
  site,
}) => {
  const url = site.url('/destination.html?id=kyoto');
  await panel.createAudit({ name: 'Keyboard tagging', startUrl: url });
  await panel.addPersona({ name: 'Ana' });
  const tab = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab);
  // No toolbar click: this test does not look at screenshots (tags save without them).
  const overlay = await OverlayDriver.attach(tab);

  // Esc leaves pick mode and nothing is tagged.
  await overlay.press('Tag friction', 'Enter');
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(true);
  await tab.keyboard.press('Escape');
  await expect.poll(() => overlay.hasText('Tagging cancelled.')).toBe(true);
  expect(await overlay.hasButton('Cancel')).toBe(false);

  // Tab moves the outline among the page's elements; Enter picks; focus goes into the form.
  await overlay.press('Tag friction', 'Enter');
  // Pick mode is on (its keys work wherever focus is: they are caught on the window).
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(true);
  for (let i = 0; i < 40 && !(await overlay.hasText('button “Save to favourites”')); i++) {
    await tab.keyboard.press('Tab');
  }
  await tab.keyboard.press('Enter');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(true);
  await expect.poll(() => overlay.focusedLabel()).toBe('Category');
  expect(await overlay.hasText('Element: button “Save to favourites”')).toBe(true);
  await overlay.select('Category', 'error');
  await overlay.select('Severity', '3');
  await overlay.press('Save tag', 'Enter');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(false);
  // Back where the auditor was, and the page saw no click and no key.
  await expect.poll(() => overlay.focusedName()).toBe('Tag friction');
  expect(await tab.evaluate(() => document.body.dataset.clicks ?? '0')).toBe('0');
  expect(await tab.locator('#fav-state').textContent()).toBe('');

  // A page whose body takes no pointer events: hit-testing finds nothing, the geometry does.
  await tab.addStyleTag({ content: 'body { pointer-events: none !important; }' });
  await pick(tab, overlay, '#dest-price');
  expect(await overlay.hasText('Element: “From 2,190 € per person”')).toBe(true);
  await overlay.type('Note', 'Is the flight included?');
  await overlay.click('Save tag');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(false);

  // The keyboard shortcut's message opens the score form.
  await command(ext, url, 'score-touchpoint');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(true);
  expect(await overlay.hasText('Score touchpoint: ')).toBe(true);
  await overlay.select('Effort (CES)', '5');
  await overlay.click('Save score');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(false);
  // Scoring again shows the saved score.
  await command(ext, url, 'score-touchpoint');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(true);
  await expect.poll(() => overlay.value('Effort (CES)')).toBe('5');
  await overlay.click('Cancel');
  // And the other shortcut enters pick mode.
  await command(ext, url, 'tag-friction');
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(true);
  await tab.keyboard.press('Escape');
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(false);

  // A marker opens its tag: an edit is saved as an update, Delete tag removes it.
  await expect.poll(() => overlay.markerNames()).toHaveLength(2);
  await overlay.click('Tag 1: Error or broken, severity 3');
  await expect.poll(() => overlay.hasButton('Delete tag')).toBe(true);
  expect(await overlay.value('Severity')).toBe('3');
  await overlay.select('Severity', '4');
  await overlay.click('Save tag');
  await expect.poll(() => overlay.markerNames()).toContain('Tag 1: Error or broken, severity 4');
  await overlay.click('Tag 2: Findability and navigation, severity 2');
  await overlay.click('Delete tag');
  await expect.poll(() => overlay.markerNames()).toEqual(['Tag 1: Error or broken, severity 4']);
  // Show tags off hides the markers; on brings them back.
  await overlay.click('Show tags');
  await expect.poll(() => overlay.markerNames()).toEqual([]);
  await overlay.click('Show tags');
  await expect.poll(() => overlay.markerNames()).toHaveLength(1);

  await panel.endWalk();
  const { stores } = await readStoredData(panel.page);
  const tags = (stores.tags ?? []) as { severity: number; anchor: { selector: string } }[];
  expect(tags.map((t) => [t.anchor.selector, t.severity])).toEqual([['#fav', 4]]);
  expect(((stores.scores ?? []) as { ces: number }[]).map((s) => s.ces)).toEqual([5]);
});
