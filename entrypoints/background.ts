import { browser } from 'wxt/browser';
import { captureAndCrop } from '@/lib/capture/browser-capture';
import { openTouchpointDb } from '@/lib/db/open-db';
import { createJourneyService, type JourneyService } from '@/lib/worker/page-service';
import { sendToTab } from '@/lib/messaging/client';
import { Command, validateRequest } from '@/lib/messaging/protocol';
import { registerHandlers } from '@/lib/messaging/register';
import { gzip } from '@/lib/codec/gzip';
import { createWalkController } from '@/lib/walk/controller';
import { createBrowserEnv } from '@/lib/walk/browser-env';

export default defineBackground({
  type: 'module',
  main() {
    const db = openTouchpointDb();
    const walks = db.then((d) => createWalkController(createBrowserEnv(d, { compress: gzip, send: sendToTab })));
    const journey = db.then((d) =>
      createJourneyService({
        db: d,
        now: () => Date.now(),
        ids: () => crypto.randomUUID(),
        capture: captureAndCrop,
        // The panel listens; no panel open is fine.
        changed: (walkId) =>
          void browser.runtime.sendMessage({ type: 'journey/changed', payload: { walkId } }).catch(() => undefined),
      }),
    );

    // Listeners are added synchronously: a woken service worker only sees events whose
    // listeners exist at the end of its first run.
    registerHandlers(
      {
        'tagger/inject': async (_req, sender) => (await walks).injectTagger(sender.tab?.id),
        'overlay/show-tags': async ({ on }) => {
          await (await walks).setShowTags(on);
          return null;
        },
        'recorder/flush': async (batch, sender) => (await walks).flush(batch, sender.tab?.id),
        'walk/start': async (req) => (await walks).start(req),
        'walk/end': async ({ walkId }) => (await walks).end(walkId),
        'walk/pause': async ({ walkId, paused }) => (await walks).pause(walkId, paused),
        'touchpoint/resolve': async ({ url, title }, s) => (await journey).resolve(s.tab?.id, url, title),
        'tag/capture': async ({ rect, viewport }, s) => (await journey).capture(s.tab?.id, rect, viewport),
        'tag/save': async (draft, s) => (await journey).saveTag(s.tab?.id, draft),
        'tag/update': async ({ id, fields }, s) => (await journey).updateTag(s.tab?.id, id, fields),
        'tag/delete': async ({ id }, s) => (await journey).deleteTag(s.tab?.id, id),
        'tag/list-page': async ({ url }, s) => (await journey).pageTags(s.tab?.id, url),
        'score/save': async ({ url, title, fields }, s) => (await journey).saveScore(s.tab?.id, url, title, fields),
        'score/get': async ({ url }, s) => (await journey).getScore(s.tab?.id, url),
      },
      { validate: validateRequest },
    );
    // Tabs the walk's pages open (links with a target, window.open) join the walk; a tab the
    // auditor opens by hand does not.
    browser.webNavigation.onCreatedNavigationTarget.addListener(({ sourceTabId, tabId, url }) => {
      void walks.then((w) => w.tabCreated(tabId, sourceTabId, url));
    });
    browser.tabs.onUpdated.addListener((tabId, info, tab) => {
      if (info.status === 'complete') void walks.then((w) => w.tabLoaded(tabId, tab.url));
    });
    browser.tabs.onRemoved.addListener((tabId) => void walks.then((w) => w.tabRemoved(tabId)));
    void walks.then((w) => w.recover());
    // Failed requests of the walk's tabs (the page's own fetches, images, the page itself): seen
    // here, as a page cannot time a fetch whose error body it never reads.
    const failed = (tabId: number, r: Parameters<JourneyService['requestFailed']>[1]) => {
      if (tabId < 0) return;
      // A sub-resource's page is the tab's current page (Chrome names only the initiator's origin).
      const page = r.pageUrl
        ? Promise.resolve(r.pageUrl)
        : browser.tabs.get(tabId).then(
            (t) => t.url ?? '',
            () => '',
          );
      void Promise.all([journey, page])
        .then(([j, pageUrl]) => j.requestFailed(tabId, { ...r, pageUrl }))
        .catch(() => undefined);
    };
    const web = { urls: ['http://*/*', 'https://*/*'] };
    browser.webRequest?.onCompleted.addListener((d) => {
      if (d.statusCode < 400) return;
      const pageUrl = d.type === 'main_frame' ? d.url : '';
      failed(d.tabId, {
        requestId: d.requestId,
        url: d.url,
        pageUrl,
        status: d.statusCode,
        error: null,
        at: Math.round(d.timeStamp),
      });
    }, web);
    browser.webRequest?.onErrorOccurred.addListener((d) => {
      // The auditor or the page cancelling a request (navigation away) is no failure of the site.
      if (/ERR_ABORTED|NS_BINDING_ABORTED|ERR_BLOCKED_BY_CLIENT/.test(d.error)) return;
      const pageUrl = d.type === 'main_frame' ? d.url : '';
      failed(d.tabId, {
        requestId: d.requestId,
        url: d.url,
        pageUrl,
        status: null,
        error: d.error,
        at: Math.round(d.timeStamp),
      });
    }, web);
    // Keyboard shortcuts reach the overlay of the walk tab in front (and grant activeTab there,
    // which tag screenshots need).
    browser.commands?.onCommand.addListener((command, tab) => {
      const parsed = Command.safeParse(command);
      if (!parsed.success) return;
      void journey
        .then((j) => j.commandTab(tab?.id))
        .then((tabId) => (tabId === null ? null : sendToTab(tabId, 'overlay/command', { command: parsed.data })))
        .catch(() => undefined);
    });
    // The toolbar button opens the side panel. Handled here rather than with the panel's
    // openPanelOnActionClick behaviour: that path does not grant activeTab, and tag screenshots
    // (tabs.captureVisibleTab) need it on the walk tab.
    browser.action.onClicked.addListener((tab) => {
      if (browser.sidePanel && tab.windowId !== undefined) {
        void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
      } else {
        // Firefox has no side panel API: the panel opens as a tab.
        void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      }
    });
    void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  },
});
