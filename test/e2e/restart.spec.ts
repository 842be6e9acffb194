import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startFixtureServer } from '../../scripts/drive/fixture-server';
import { EXTENSIONS, launchChromium } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { waitForRecorder } from './support/fixtures';
import { PanelPage } from '../../scripts/drive/panel';

base('a walk cut by a browser restart is closed cleanly with its data intact', async () => {
  const profile = await mkdtemp(path.join(tmpdir(), 'touchpoint-restart-'));
  const site = await startFixtureServer();
  try {
    const first = await launchChromium(EXTENSIONS.e2e, { profile });
    const panel = await PanelPage.open(first.context, first.extensionId);
    await panel.createAudit({ name: 'Restart', startUrl: site.url('/index.html') });
    await panel.addPersona({ name: 'Eve' });
    const tab = await panel.startWalk({ persona: 'Eve' });
    await waitForRecorder(tab);
    await tab.locator('nav a[href="destinations.html"]').first().click();
    await waitForRecorder(tab);
    await tab.waitForTimeout(6000); // past one 5 s flush
    const before = await readStoredData(panel.page);
    expect(before.chunks.length).toBeGreaterThan(0);
    await first.context.close();

    const second = await launchChromium(EXTENSIONS.e2e, { profile });
    const again = await PanelPage.open(second.context, second.extensionId);
    await expect(again.page.getByRole('button', { name: 'Start walk' })).toBeVisible();
    // The worker closes the walk as it starts; the panel may open a moment before that.
    await expect.poll(async () => (await readStoredData(again.page)).walks[0]?.endReason).toBe('browser-restart');
    const after = await readStoredData(again.page);
    expect(after.walks[0]?.status).toBe('ended');
    expect(after.chunks.length).toBeGreaterThanOrEqual(before.chunks.length);
    await second.close();
  } finally {
    await site.close();
    await rm(profile, { recursive: true, force: true });
  }
});
