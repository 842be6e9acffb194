/**
 * The README's pictures of the in-page tools: `docs/overlay.png` (the overlay over a walked page,
 * with the markers of two tags) and `docs/tag-form.png` (the tag form open over the page).
 * Headless, on the fixture site, with the end-to-end build (`npm run build:e2e`, whose output
 * folder TOUCHPOINT_OUT suffixes): `npx tsx scripts/readme-shots.ts`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from '@playwright/test';
import { clickToolbarButton, EXTENSIONS, launchChromium } from './drive/browser';
import { OverlayDriver } from './drive/overlay';
import { PanelPage } from './drive/panel';
import { waitForRecorder } from './drive/site';
import { tagElement } from './drive/tagging';
import { startFixtureServer } from './drive/fixture-server';

const DOCS = path.resolve('docs');
const VIEWPORT = { width: 1280, height: 860 };

async function main(): Promise<void> {
  await mkdir(DOCS, { recursive: true });
  const site = await startFixtureServer();
  const browser = await launchChromium(EXTENSIONS.e2e);
  try {
    const panel = await PanelPage.open(browser.context, browser.extensionId);
    await panel.createAudit({ name: 'Ventura Viajes web audit', startUrl: site.url('/destination.html?id=lisbon') });
    await panel.addPersona({ name: 'Ana, first family holiday' });
    const tab = await panel.startWalk({ persona: 'Ana, first family holiday' });
    await tab.setViewportSize(VIEWPORT);
    await waitForRecorder(tab);
    await clickToolbarButton(browser, tab);

    await tagElement(tab, '#fav', { category: 'error', severity: '3', note: 'Saving a favourite leaves no trace' });
    await tagElement(tab, '#dest-price', { category: 'information', severity: '2', note: 'Per person? Taxes?' });
    const overlay = await OverlayDriver.attach(tab);
    await expect.poll(() => overlay.markerNames()).toHaveLength(2);
    // The "Tag saved." notice is the overlay's state right after a save: leave it in the picture.
    await tab.screenshot({ path: path.join(DOCS, 'overlay.png') });

    await tagElement(
      tab,
      '#dest-includes li:nth-child(2)',
      { category: 'expectation', severity: '2', note: 'Which hotel? No name, no photos' },
      async () => {
        await overlay.select('Emotion', '-1');
        await overlay.select('Moment of truth', 'predictable');
        await tab.screenshot({ path: path.join(DOCS, 'tag-form.png') });
      },
    );
    await panel.endWalk();
    console.log(`Wrote ${path.join('docs', 'overlay.png')} and ${path.join('docs', 'tag-form.png')}`);
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
