import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';
import { OverlayDriver } from '../../scripts/drive/overlay';

test('the overlay pauses, resumes, collapses, moves and ends the walk, by mouse and keyboard', async ({
  panel,
  site,
}) => {
  await panel.createAudit({ name: 'Overlay', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Fay' });
  const tab = await panel.startWalk({ persona: 'Fay' });
  await waitForRecorder(tab);
  const overlay = await OverlayDriver.attach(tab);

  await expect.poll(() => overlay.text()).toContain('Recording');
  expect(await overlay.text()).toContain('Fay');

  await overlay.click('Pause recording');
  await expect.poll(() => overlay.text()).toContain('Paused');
  await expect(panel.page.getByRole('button', { name: 'Resume recording' })).toBeVisible();
  await overlay.press('Resume recording', 'Enter');
  await expect.poll(() => overlay.text()).toContain('Recording');

  // Keyboard move: the handle takes arrow keys.
  const before = await overlay.box();
  await overlay.press('Move overlay (arrow keys)', 'ArrowLeft');
  await overlay.press('Move overlay (arrow keys)', 'ArrowUp');
  const after = await overlay.box();
  expect(after.x).toBeLessThan(before.x);
  expect(after.y).toBeLessThan(before.y);

  await overlay.click('Collapse overlay');
  expect(await overlay.hasButton('End walk')).toBe(false);
  await overlay.press('Expand overlay', 'Enter');
  expect(await overlay.hasButton('End walk')).toBe(true);

  await overlay.click('End walk');
  await expect(panel.page.getByRole('button', { name: 'Start walk' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => overlay.text()).toBeNull();
  const stored = await readStoredData(panel.page);
  expect((stored.walks[0] as { status: string }).status).toBe('ended');
  // Pausing then resuming records a fresh full snapshot (type 2) for the same page load.
  const events = stored.chunks.flatMap((c) => JSON.parse(c.json) as { type: number }[]);
  expect(events.filter((e) => e.type === 2).length).toBeGreaterThanOrEqual(2);
});

test('the overlay leaves the page with its recorder when the extension goes away (reloaded, updated)', async ({
  ext,
  panel,
  site,
}) => {
  await panel.createAudit({ name: 'Reload', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Gil' });
  const tab = await panel.startWalk({ persona: 'Gil' });
  await waitForRecorder(tab);
  // The overlay (injected after the recorder, entrypoints/overlay.content) follows the recorder's life.
  const host = await tab.evaluateHandle(() => document.querySelector('touchpoint-overlay'));
  expect(await host.evaluate((el) => el?.isConnected)).toBe(true);
  const [worker] = ext.context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  await worker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined); // the worker goes with it
  // The recorder notices within its one-second tick; a recorder the new instance may inject brings its own.
  await expect.poll(() => host.evaluate((el) => el?.isConnected), { timeout: 10_000 }).toBe(false);
});
