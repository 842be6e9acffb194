import { browser } from 'wxt/browser';
import { openTouchpointDb } from '@/lib/db/open-db';
import { sendToTab } from '@/lib/messaging/client';
import { validateRequest } from '@/lib/messaging/protocol';
import { registerHandlers } from '@/lib/messaging/register';
import { gzip } from '@/lib/record/compress';
import { createWalkController } from '@/lib/walk/controller';
import { createBrowserEnv } from '@/lib/walk/browser-env';

export default defineBackground({
  type: 'module',
  main() {
    const db = openTouchpointDb();
    const walks = db.then((d) => createWalkController(createBrowserEnv(d, { compress: gzip, send: sendToTab })));

    // Listeners are added synchronously: a woken service worker only sees events whose
    // listeners exist at the end of its first run.
    registerHandlers(
      {
        'recorder/hello': async (_req, sender) => (await walks).hello(sender.tab?.id),
        'recorder/flush': async (batch, sender) => (await walks).flush(batch, sender.tab?.id),
        'walk/start': async (req) => (await walks).start(req),
        'walk/end': async ({ walkId }) => (await walks).end(walkId),
        'walk/pause': async ({ walkId, paused }) => (await walks).pause(walkId, paused),
      },
      { validate: validateRequest },
    );
    // Tabs the walk's pages open (links with a target, window.open) join the walk; a tab the
    // auditor opens by hand does not.
    browser.webNavigation.onCreatedNavigationTarget.addListener(({ sourceTabId, tabId, url }) => {
      void walks.then((w) => w.tabCreated(tabId, sourceTabId, url));
    });
    browser.tabs.onUpdated.addListener((tabId, info) => {
      if (info.status === 'complete') void walks.then((w) => w.tabLoaded(tabId));
    });
    browser.tabs.onRemoved.addListener((tabId) => void walks.then((w) => w.tabRemoved(tabId)));
    void walks.then((w) => w.recover());
    if (browser.sidePanel) {
      // Chrome: the toolbar button opens the side panel.
      void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    }
  },
});
