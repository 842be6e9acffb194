import type { Page } from '@playwright/test';
import { clickToolbarButton } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { OverlayDriver } from '../../scripts/drive/overlay';
import type { PanelPage } from '../../scripts/drive/panel';
import { tagElement } from '../../scripts/drive/tagging';
import { expect, test, waitForRecorder } from './support/fixtures';

// The hostile secrets page set (test/fixtures/site/secrets/): each case holds its own secret, and
// each secret must appear 0 times in IndexedDB (chunks decompressed), 0 times in the export, and
// nowhere in the screenshot of a tag pinned next to it.
const SECRET = {
  search: 'SECRET-SEARCH-Quokka8271',
  fragment: 'SECRET-FRAG-Narwhal4410',
  query: 'SECRET-QUERY-Pangolin9923',
  hidden: 'SECRET-HIDDEN-Axolotl3318',
  // The longest typed value: a run of this many asterisks anywhere would be its length, kept.
  password: 'SECRET-PASS-Ibis5062x-Wren-Lark-97',
  editable: 'SECRET-EDIT-Gharial3307',
  widget: 'SECRET-WIDGET-Saiga8154',
  frame: 'SECRET-IFRAME-Tapir7741',
  crossFrame: 'SECRET-XFRAME-Dhole2268',
  openShadow: 'SECRET-SHADOW-Civet6613',
  closedShadow: 'SECRET-CLOSED-Fossa4479',
  title: 'SECRET-TITLE-Kakapo1187',
  pageText: 'SECRET-MASKTEXT-Okapi2290',
  button: 'SECRET-BUTTON-Dugong5518',
  placeholder: 'SECRET-PLACEHOLDER-Tarsier3350',
  linkTitle: 'SECRET-LINKTITLE-Numbat1402',
  blocked: 'SECRET-BLOCKED-Quetzal6604',
};

/** The colour the worker paints masks in (lib/capture/browser-capture.ts MASK_COLOUR). */
const MASK = [0x5b, 0x64, 0x70];

type Box = { x: number; y: number; width: number; height: number };

async function box(tab: Page, selector: string): Promise<Box> {
  const b = await tab.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not drawn`);
  return b;
}

/** Every stored byte as text (chunks decompressed), and the export with its chunks decompressed. */
async function everything(panel: PanelPage): Promise<{ stored: string; exported: string }> {
  const stored = (await readStoredData(panel.page)).allText;
  const exported = await panel.exportedText();
  return { stored, exported };
}

function expectNowhere(where: { stored: string; exported: string }, secrets: string[]): void {
  for (const s of secrets) {
    expect.soft(where.stored, `${s} in IndexedDB`).not.toContain(s);
    expect.soft(where.exported, `${s} in the export`).not.toContain(s);
  }
}

/**
 * Pixels of the newest screenshot (the tag's), read back from IndexedDB: for each region (viewport CSS pixels,
 * measured on the page beside the tagged element's box), how many pixels are not the mask colour,
 * and how many pixels it covers. The screenshot's `focus` says where the tagged element is in it.
 */
async function unmaskedPixels(panel: PanelPage, target: Box, regions: Box[]) {
  return panel.page.evaluate(
    async ({ target, regions, mask: [mr, mg, mb] }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('touchpoint');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result as T[]);
        });
      // The newest picture: the one taken as the element was picked.
      const shots = (await all<{ createdAt: number; blob: Blob; focus: Box }>('screenshots')).sort(
        (a, b) => a.createdAt - b.createdAt,
      );
      db.close();
      const shot = shots.at(-1);
      if (!shot) return null;
      const bitmap = await createImageBitmap(shot.blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      g.drawImage(bitmap, 0, 0);
      // One scale both ways (device pixels, then scaled down whole); a side of the element the
      // window cut off makes that side shorter, never longer.
      const sx = Math.max(shot.focus.width / target.width, shot.focus.height / target.height);
      const sy = sx;
      const count = (r: Box, inset: number) => {
        // Inset by a pixel or two: the mask is rounded outwards, the measured box is fractional.
        const x0 = Math.max(0, Math.ceil((r.x - target.x) * sx + shot.focus.x) + inset);
        const y0 = Math.max(0, Math.ceil((r.y - target.y) * sy + shot.focus.y) + inset);
        const x1 = Math.min(bitmap.width, Math.floor((r.x + r.width - target.x) * sx + shot.focus.x) - inset);
        const y1 = Math.min(bitmap.height, Math.floor((r.y + r.height - target.y) * sy + shot.focus.y) - inset);
        if (x1 <= x0 || y1 <= y0) return { area: 0, unmasked: 0 };
        const px = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
        let unmasked = 0;
        for (let i = 0; i < px.length; i += 4) {
          const off =
            Math.abs((px[i] ?? 0) - (mr ?? 0)) +
            Math.abs((px[i + 1] ?? 0) - (mg ?? 0)) +
            Math.abs((px[i + 2] ?? 0) - (mb ?? 0));
          if (off > 6) unmasked++;
        }
        return { area: (x1 - x0) * (y1 - y0), unmasked };
      };
      return { regions: regions.map((r) => count(r, 2)), target: count(target, 0) };
    },
    { target, regions, mask: MASK },
  );
}

/** Tags `selector` and checks its screenshot: each region painted over, the tagged element not. */
async function tagAndCheck(panel: PanelPage, tab: Page, selector: string, regions: () => Promise<Box[]>) {
  await tab.locator(selector).scrollIntoViewIfNeeded();
  const target = await box(tab, selector);
  const covered = await regions();
  const seen: { px: Awaited<ReturnType<typeof unmaskedPixels>> } = { px: null };
  // The picture is taken as the element is picked: read back while the form is open.
  await tagElement(tab, selector, { note: `Next to ${selector}`, severity: '2' }, async () => {
    seen.px = await unmaskedPixels(panel, target, covered);
  });
  const { px } = seen;
  expect(px, `the screenshot of the tag on ${selector}`).not.toBeNull();
  for (const [i, r] of (px?.regions ?? []).entries()) {
    expect.soft(r.area, `region ${i} next to ${selector} is in the picture`).toBeGreaterThan(200);
    expect.soft(r.unmasked, `region ${i} next to ${selector} is painted over`).toBe(0);
  }
  return px;
}

async function startOn(panel: PanelPage, url: string, privacy: { maskAllText?: boolean; blockSelectors?: string[] }) {
  await panel.createAudit({ name: 'Secrets', startUrl: url, ...privacy });
  await panel.addPersona({ name: 'Mallory' });
  const tab = await panel.startWalk({ persona: 'Mallory' });
  await waitForRecorder(tab);
  return tab;
}

test('typed values, tokens, hidden inputs and fields in frames and shadow roots leave nothing', async ({
  ext,
  panel,
  site,
}) => {
  test.setTimeout(120_000);
  const tab = await startOn(panel, site.url('/secrets/index.html'), {});
  await clickToolbarButton(ext, tab);

  // A GET search: typed, pictured, then sent (the next page's URL carries it).
  await tab.locator('#q').fill(SECRET.search);
  const px = await tagAndCheck(panel, tab, '#search-help', async () => [await box(tab, '#q')]);
  // The tagged text itself is not painted over: the masks are where the fields are.
  expect(px?.target.unmasked).toBeGreaterThan(0);
  await tab.locator('#q').press('Enter');
  await tab.waitForURL(/results\.html\?/);
  await waitForRecorder(tab);
  // Sign-in links with a token in the fragment and one in the query, followed by the walk.
  for (const link of ['#fragment-link', '#query-link']) {
    await tab.locator('#back').click();
    await tab.waitForURL(/secrets\/index\.html$/);
    await waitForRecorder(tab);
    await tab.locator(link).click();
    await tab.waitForURL(/results\.html[?#]/);
    await waitForRecorder(tab);
  }
  await tab.goto(site.url('/secrets/fields.html'));
  await waitForRecorder(tab);

  // A show-password toggle: typed as a password, then shown as text.
  await tab.locator('#password').fill(SECRET.password);
  await tab.locator('#show-password').click();
  await expect(tab.locator('#password')).toHaveAttribute('type', 'text');
  await tab.locator('#notes').click();
  await tab.keyboard.type(SECRET.editable);
  await tab.locator('#widget').focus();
  await tab.keyboard.type(SECRET.widget);
  await expect(tab.locator('#widget')).toHaveText(SECRET.widget);
  await tab.frameLocator('#same-frame').locator('#card').fill(SECRET.frame);
  await tab.frameLocator('#cross-frame').locator('#card').fill(SECRET.crossFrame);
  await tab.locator('#open-host input').fill(SECRET.openShadow);
  await tab.evaluate(() => (window as unknown as { closedField: HTMLInputElement }).closedField.focus());
  await tab.keyboard.type(SECRET.closedShadow);
  await tab.locator('#details').click({ position: { x: 1, y: 1 } }); // the caret leaves the field

  await tagAndCheck(panel, tab, '#hidden-help', async () => []);
  await tagAndCheck(panel, tab, '#password-help', async () => [await box(tab, '#password')]);
  await tagAndCheck(panel, tab, '#notes-help', async () => [await box(tab, '#notes')]);
  await tagAndCheck(panel, tab, '#widget-help', async () => [await box(tab, '#widget')]);
  await tagAndCheck(panel, tab, '#frame-help', async () => {
    const b = await tab.frameLocator('#same-frame').locator('#card').boundingBox();
    if (!b) throw new Error('the framed field is not drawn');
    return [b];
  });
  // A cross-origin frame cannot be looked into: all of it is painted over.
  await tagAndCheck(panel, tab, '#xframe-help', async () => [await box(tab, '#cross-frame')]);
  await tagAndCheck(panel, tab, '#shadow-help', async () => [await box(tab, '#open-host input')]);
  await tagAndCheck(panel, tab, '#closed-help', async () => [
    await tab.evaluate(() => {
      const r = (window as unknown as { closedField: HTMLInputElement }).closedField.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  ]);
  await panel.endWalk();

  const all = await everything(panel);
  expectNowhere(all, [
    SECRET.search,
    SECRET.fragment,
    SECRET.query,
    SECRET.hidden,
    SECRET.password,
    SECRET.editable,
    SECRET.widget,
    SECRET.frame,
    SECRET.crossFrame,
    SECRET.openShadow,
    SECRET.closedShadow,
  ]);
  // The typing was recorded, masked; the password not even by its length.
  expect(all.stored).toContain('*'.repeat(SECRET.search.length));
  expect(all.stored).not.toContain('*'.repeat(SECRET.password.length));
  expect(all.exported).not.toContain('*'.repeat(SECRET.password.length));
});

test('under "Mask all page text" no page text reaches steps, titles, anchors, names or screenshots', async ({
  ext,
  panel,
  site,
}) => {
  const tab = await startOn(panel, site.url('/secrets/masked.html'), { maskAllText: true });
  await clickToolbarButton(ext, tab);
  await tab.locator('#masked-button').click();
  const textBox = async (selector: string) =>
    tab.locator(selector).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  await tagAndCheck(panel, tab, '#masked-text', async () => [
    await textBox('#masked-text'),
    await textBox('#masked-heading'),
    await textBox('#masked-button'),
  ]);
  // The anchor holds no text, yet its marker finds the element again after a reload.
  await tab.reload();
  await waitForRecorder(tab);
  const overlay = await OverlayDriver.attach(tab);
  await expect.poll(async () => (await overlay.markers()).size, { timeout: 10_000 }).toBe(1);
  await tab.locator('#masked-next').click();
  await tab.waitForURL(/results\.html/);
  await waitForRecorder(tab);
  await panel.endWalk();

  const all = await everything(panel);
  // The secrets, and ordinary words of the same pages: no page text at all.
  expectNowhere(all, [
    SECRET.title,
    SECRET.pageText,
    SECRET.button,
    SECRET.placeholder,
    SECRET.linkTitle,
    'Booking',
    'reference',
    'Three trips match',
  ]);
  const stored = await readStoredData(panel.page);
  // Touchpoints are named from their URL pattern; steps keep their kind.
  const names = (stored.stores.touchpoints ?? []).map((t) => t.name);
  expect(names).toEqual(expect.arrayContaining(['Masked', 'Results']));
  expect(stored.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['visit', 'click']));
  expect(stored.steps.some((s) => (s.target as { kind?: string } | null)?.kind === 'button')).toBe(true);
});

test('nothing of an element under a blocked selector is kept', async ({ ext, panel, site }) => {
  const tab = await startOn(panel, site.url('/secrets/blocked.html'), { blockSelectors: ['.private'] });
  await clickToolbarButton(ext, tab);
  // Its neighbour (whose context holds the blocked text), then the blocked element itself.
  await tagAndCheck(panel, tab, '#blocked-help', async () => [await box(tab, '#blocked')]);
  await tagAndCheck(panel, tab, '#blocked-copy', async () => [await box(tab, '#blocked')]);
  await tab.locator('#blocked-copy').click();
  await panel.endWalk();
  expectNowhere(await everything(panel), [SECRET.blocked]);
});
