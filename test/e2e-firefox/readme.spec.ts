import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AboutDebugging } from '@/scripts/drive-firefox/about-debugging';
import { FirefoxBrowserUi } from '@/scripts/drive-firefox/browser-ui';
import { until } from '@/scripts/drive-firefox/find';
import { FIREFOX_EXTENSION, launchFirefox } from '@/scripts/drive-firefox/firefox';

// README, Firefox, followed as written in a Firefox of its own with nothing installed (the other
// specs share one that WebDriver BiDi installs the build into): about:debugging → This Firefox →
// Load Temporary Add-on… → manifest.json, with mouse clicks on the page; then the sidebar opened
// at install, the toolbar button and View → Sidebar → Touchpoint (Alt pressed to show the menu
// bar; the menus opened and the item activated as a click does). Only the native file dialog is
// answered for the person (scripts/drive-firefox/browser-ui.ts, answerFilePicker).
test("README's Firefox steps: loaded from about:debugging, then the sidebar, the button, the View menu", async () => {
  const ff = await launchFirefox(FIREFOX_EXTENSION, { install: false });
  try {
    const ui = await FirefoxBrowserUi.attach(ff);
    const shown = async () => {
      const s = await ui.sidebar();
      return s.open && s.touchpoint && s.page === ff.url('sidepanel.html');
    };
    expect((await ui.sidebar()).open).toBe(false);
    expect(await ui.buttonPlace()).toBeNull();

    const about = await AboutDebugging.open(ff);
    await about.click('a', 'This Firefox');
    await ui.answerFilePicker(path.join(FIREFOX_EXTENSION, 'manifest.json'));
    await about.click('button', 'Load Temporary Add-on…');
    await until('Touchpoint under Temporary Extensions', async () => (await about.temporaryExtensions()).length > 0);
    // The button asked for a file once (about:debugging's own picker), and got the manifest.
    expect(await ui.filePickersOpened()).toEqual([{ title: expect.stringContaining('manifest.json'), mode: 0 }]);
    expect(await about.temporaryExtensions()).toEqual([
      { name: 'Touchpoint', id: 'touchpoint@touchpoint.dev', location: `${FIREFOX_EXTENSION}/`, temporaryId: true },
    ]);

    // Step 3: the sidebar opened at install on the panel; the button is on the toolbar.
    await until('the sidebar opened at install to show the panel', shown);
    expect(await ui.buttonPlace()).toBe('nav-bar');
    await ui.hideSidebar();
    expect(await shown()).toBe(false);
    await ui.clickButton();
    await until('the toolbar button to open the sidebar on the panel', shown);
    await ui.hideSidebar();
    expect(await shown()).toBe(false);
    expect(await ui.menuBarShown()).toBe(false);
    await ui.pressAlt();
    await until('Alt to show the menu bar', () => ui.menuBarShown());
    await ui.chooseViewSidebar('Touchpoint');
    await until('View → Sidebar → Touchpoint to open the panel', shown);

    expect(ff.extensionErrors(), 'errors the extension logged').toEqual([]);
  } finally {
    await ff.close();
  }
});
