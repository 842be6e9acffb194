import type { Page } from '@playwright/test';
import { clickToolbarButton } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { OverlayDriver } from '../../scripts/drive/overlay';
import { pickElement, tagElement } from '../../scripts/drive/tagging';
import { expect, test, waitForRecorder } from './support/fixtures';

/** The stores whose records name their walk (`walkId`). */
const WALK_STORES = ['chunks', 'recorders', 'steps', 'signals', 'tags', 'scores', 'offsite', 'screenshots'];
const MB = 1024 * 1024;

/** How many records of walk `walkId` each store holds, the walk itself under `walks`. */
async function rowsOf(panel: Page, walkId: string): Promise<Record<string, number>> {
  const { stores } = await readStoredData(panel);
  const out: Record<string, number> = { walks: (stores.walks ?? []).filter((w) => w.id === walkId).length };
  for (const name of WALK_STORES) out[name] = (stores[name] ?? []).filter((r) => r.walkId === walkId).length;
  return out;
}

const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/**
 * Adds `mb` megabytes of random text to the walked page in 100 kB pieces: what rrweb records as
 * it is, and gzip cannot shrink much, so the walk's stored size makes a clear mark on the disk.
 */
async function addBulk(tab: Page, mb: number): Promise<void> {
  for (let i = 0; i < mb * 10; i++) {
    await tab.evaluate(() => {
      const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
      const bytes = new Uint8Array(100 * 1024);
      for (let at = 0; at < bytes.length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
      const p = document.createElement('p');
      p.textContent = Array.from(bytes, (b) => letters[b % letters.length]).join('');
      document.body.append(p);
    });
  }
}

test('deleting a walk, then its audit, removes their rows and screenshots and the storage drops', async ({
  ext,
  panel,
  site,
}) => {
  test.setTimeout(120_000);
  const p = panel.page;
  await panel.createAudit({ name: 'To be deleted', startUrl: site.url('/destination.html?id=lisbon') });
  await panel.addPersona({ name: 'Ana' });

  // Walk 1: big, one tag, and an element picked then let go with Esc.
  const tab = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab);
  await clickToolbarButton(ext, tab);
  await tagElement(tab, '#fav', { note: 'Saving a favourite leaves no trace', severity: '3' });
  const overlay = await OverlayDriver.attach(tab);
  await pickElement(tab, overlay, '#dest-price');
  // The picture is taken as the element is picked, before the form is filled.
  await expect.poll(async () => (await readStoredData(p)).stores.screenshots?.length).toBe(2);
  await overlay.pressClosingForm('Escape');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(false);
  // The cancelled form's picture goes; the tag's stays.
  await expect.poll(async () => (await readStoredData(p)).stores.screenshots?.length).toBe(1);
  await addBulk(tab, 3);
  await panel.endWalk();
  const big = (await readStoredData(p)).walks[0] as { id: string; storedBytes: number };
  expect(big.storedBytes).toBeGreaterThan(2 * MB);
  const bigRows = await rowsOf(p, big.id);
  expect(bigRows).toMatchObject({ walks: 1, tags: 1, screenshots: 1 });
  expect(bigRows.chunks).toBeGreaterThan(0);

  // Walk 2: small, with a tag of its own.
  const tab2 = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab2);
  await clickToolbarButton(ext, tab2);
  await tagElement(tab2, '#dest-price', { note: 'Taxes unclear', severity: '2' });
  await panel.endWalk();
  const small = (await readStoredData(p)).walks.find((w) => w.id !== big.id) as { id: string };
  const smallRows = await rowsOf(p, small.id);
  expect(smallRows).toMatchObject({ walks: 1, tags: 1, screenshots: 1 });

  // A replay page shows the big walk while it is deleted.
  const replay = await ext.context.newPage();
  await replay.goto(`chrome-extension://${ext.extensionId}/replay.html#walk=${big.id}`);
  await expect(replay.locator('#rp-walk-title')).toBeVisible({ timeout: 15_000 });

  await p.bringToFront();
  const before = await usage(p);
  await panel.view('Audit');
  const figure = p.getByText(/^Storage used: /);
  const figureBefore = (await figure.textContent()) ?? '';
  const walks = p.getByRole('list', { name: 'Walks' });
  await expect(walks.getByRole('listitem')).toHaveCount(2);
  // Past walks are newest first: the big walk is the second.
  const deleteBig = walks.getByRole('button', { name: /^Delete the walk of Ana/ }).nth(1);
  await deleteBig.click();
  const dialog = p.getByRole('dialog', { name: 'Delete this walk?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 tag');
  await expect(dialog).toContainText(/\d(\.\d)? MB/);
  // Esc cancels, and focus goes back to the button that asked.
  await p.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteBig).toBeFocused();
  expect((await rowsOf(p, big.id)).walks).toBe(1);

  await deleteBig.click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(dialog).toBeHidden();
  await expect(walks.getByRole('listitem')).toHaveCount(1);
  await expect(p.getByRole('status')).toHaveText('Walk deleted.');
  expect(await rowsOf(p, big.id)).toEqual({
    walks: 0,
    chunks: 0,
    recorders: 0,
    steps: 0,
    signals: 0,
    tags: 0,
    scores: 0,
    offsite: 0,
    screenshots: 0,
  });
  expect(await rowsOf(p, small.id)).toEqual(smallRows);
  await expect(replay.locator('#rp-walk-title')).toBeHidden();
  await expect(replay.getByRole('alert')).toHaveText('This walk was deleted.');
  // The estimate is coarse and the browser frees the space in its own time: wait for the drop.
  await expect.poll(() => usage(p), { timeout: 30_000 }).toBeLessThan(before - 1.5 * MB);
  // And the panel's own figure, taken again after the delete, says so.
  await expect(figure).not.toHaveText(figureBefore);

  // Then the audit, with its remaining walk.
  await p.getByRole('button', { name: 'Delete audit To be deleted' }).click();
  const auditDialog = p.getByRole('dialog', { name: 'Delete the audit To be deleted?' });
  await expect(auditDialog).toContainText('1 walk, 1 tag');
  await auditDialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(auditDialog).toBeHidden();
  await expect(p.getByRole('status')).toHaveText('Audit To be deleted deleted.');
  await expect(p.getByText('No audits yet: create one below.')).toBeVisible();
  const { stores } = await readStoredData(p);
  for (const [name, rows] of Object.entries(stores)) expect(rows, name).toEqual([]);
});
