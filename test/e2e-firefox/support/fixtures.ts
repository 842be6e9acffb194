import { test as base, expect } from '@playwright/test';
import { type FixtureServer, startFixtureServer } from '@/scripts/drive/fixture-server';
import { type LaunchedFirefox, launchFirefox } from '@/scripts/drive-firefox/firefox';
import { FirefoxPanel } from '@/scripts/drive-firefox/panel';

/**
 * The Firefox end-to-end tests: Playwright Test is only their runner (it cannot drive a stock
 * Firefox); puppeteer-core drives Debian's firefox-esr over WebDriver BiDi. One Firefox, the
 * fixture site and the panel serve every test of the worker: each test works in an audit of its
 * own. After each test, the extension must have logged no error anywhere during it.
 */
export const test = base.extend<
  { noExtensionErrors: undefined },
  { site: FixtureServer; ff: LaunchedFirefox; panel: FirefoxPanel }
>({
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies first
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ff: [
    // biome-ignore lint/correctness/noEmptyPattern: as above
    async ({}, use) => {
      const ff = await launchFirefox();
      await use(ff);
      await ff.close();
    },
    { scope: 'worker' },
  ],
  panel: [async ({ ff }, use) => use(await FirefoxPanel.open(ff)), { scope: 'worker' }],
  noExtensionErrors: [
    async ({ ff }, use) => {
      const before = ff.extensionErrors().length;
      await use(undefined);
      expect(ff.extensionErrors().slice(before), 'errors the extension logged').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
