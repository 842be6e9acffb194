import { test as base, expect, type Page } from '@playwright/test';
import { type FixtureServer, startFixtureServer } from '../../../scripts/drive/fixture-server';
import { EXTENSIONS, type Launched, launchChromium } from '../../../scripts/drive/browser';
import { PanelPage } from '../../../scripts/drive/panel';

/** Every end-to-end test: the fixture site, Chromium with the built extension, the panel open. */
export const test = base.extend<{ ext: Launched; panel: PanelPage }, { site: FixtureServer }>({
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies first
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: as above
  ext: async ({}, use) => {
    const launched = await launchChromium(EXTENSIONS.e2e);
    await use(launched);
    await launched.close();
  },
  panel: async ({ ext }, use) => {
    await use(await PanelPage.open(ext.context, ext.extensionId));
  },
});

export { expect };
export { waitForRecorder } from '../../../scripts/drive/site';

/** The test build's count of events the recorder emitted on this tab's origin, all page loads summed. */
export async function emittedCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i) ?? '';
      if (key.startsWith('touchpoint-test-emitted:')) n += Number(sessionStorage.getItem(key));
    }
    return n;
  });
}

export async function hasRecorderTrace(page: Page): Promise<boolean> {
  const overlay = await page.locator('touchpoint-overlay').count();
  return overlay > 0 || (await emittedCount(page)) > 0;
}
