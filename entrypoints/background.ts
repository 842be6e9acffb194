import { browser } from 'wxt/browser';
import { captureAndCrop } from '@/lib/capture/browser-capture';
import { openTouchpointDb } from '@/lib/db/open-db';
import type { ImportProgress } from '@/lib/model/import';
import { sendToTab } from '@/lib/messaging/client';
import { Command, sentBy, validateRequest } from '@/lib/messaging/protocol';
import { registerHandlers } from '@/lib/messaging/register';
import { gzip } from '@/lib/codec/gzip';
import { createWalkController, type WalkController } from '@/lib/walk/controller';
import { createBrowserEnv } from '@/lib/walk/browser-env';
import { createAnnounce } from '@/lib/worker/announce';
import { collectOrphanScreenshots } from '@/lib/worker/delete-commands';
import { createWorkerHandlers, whenReady } from '@/lib/worker/handlers';
import { createPageService, type PageService } from '@/lib/worker/page-service';

export default defineBackground({
  type: 'module',
  main() {
    const db = openTouchpointDb();
    // Every open view (panels, replay pages) hears what each command or flush committed.
    const announce = createAnnounce((payload) => browser.runtime.sendMessage({ type: 'data/changed', payload }));
    const now = () => Date.now();
    // How far an import is, for the panel that sent it; no view open to hear it is no error.
    const postImportProgress = (payload: ImportProgress) =>
      void browser.runtime.sendMessage({ type: 'import/progress', payload }).catch(() => undefined);
    const walks = db.then((d) =>
      createWalkController(createBrowserEnv(d, { compress: gzip, send: sendToTab, announce })),
    );
    const pages = db.then((d) =>
      createPageService({ db: d, now, ids: () => crypto.randomUUID(), capture: captureAndCrop, announce }),
    );
    const handlers = Promise.all([db, walks, pages]).then(([d, w, p]) =>
      createWorkerHandlers({ db: d, now, announce, walks: w, pages: p, progress: postImportProgress }),
    );

    // Listeners are added synchronously: a woken service worker only sees events whose
    // listeners exist at the end of its first run.
    registerHandlers(whenReady(handlers), { validate: validateRequest, senders: sentBy, answerUnknown: true });
    // Tabs the walk's pages open (links with a target, window.open) join the walk; a tab the
    // auditor opens by hand does not.
    // A tab event the walk could not take (a step that failed to store) is said, never an
    // unhandled rejection of the worker.
    const tabEvent = (what: string, run: (w: WalkController) => Promise<void>) =>
      void walks.then(run).catch((e) => console.warn(`Touchpoint could not follow a ${what}:`, String(e)));
    browser.webNavigation.onCreatedNavigationTarget.addListener(({ sourceTabId, tabId, url }) => {
      tabEvent('new tab', (w) => w.tabCreated(tabId, sourceTabId, url));
    });
    // A walk tab's page changed: webNavigation names the URL even where Touchpoint may not read
    // the tab, so leaving the audited site is a step at once. Frames other than the top are no page.
    browser.webNavigation.onCommitted.addListener(({ tabId, frameId, url }) => {
      if (frameId === 0) tabEvent('navigation', (w) => w.tabNavigated(tabId, url));
    });
    browser.tabs.onUpdated.addListener((tabId, info, tab) => {
      if (info.status === 'complete') tabEvent('page load', (w) => w.tabLoaded(tabId, tab.url));
    });
    browser.tabs.onRemoved.addListener((tabId) => tabEvent('closed tab', (w) => w.tabRemoved(tabId)));
    // After recovery (a walk cut by a restart ends there): screenshots no tag holds are freed.
    void Promise.all([db, walks]).then(async ([d, w]) => {
      await w.recover().catch((e) => console.warn('Touchpoint could not recover the walk:', String(e)));
      await collectOrphanScreenshots(d);
    });
    // Failed requests of the walk's tabs (the page's own fetches, images, the page itself): seen
    // here, as a page cannot time a fetch whose error body it never reads.
    const failed = (tabId: number, r: Parameters<PageService['requestFailed']>[1]) => {
      if (tabId < 0) return;
      // A sub-resource's page is the tab's current page (Chrome names only the initiator's origin).
      const page = r.pageUrl
        ? Promise.resolve(r.pageUrl)
        : browser.tabs.get(tabId).then(
            (t) => t.url ?? '',
            () => '',
          );
      void Promise.all([pages, page])
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
      void pages
        .then((p) => p.commandTab(tab?.id))
        .then((tabId) => (tabId === null ? null : sendToTab(tabId, 'overlay/command', { command: parsed.data })))
        .catch(() => undefined);
    });
    // The toolbar button opens the side panel. Handled here rather than with the panel's
    // openPanelOnActionClick behaviour: that path does not grant activeTab, and tag screenshots
    // (tabs.captureVisibleTab) need it on the walk tab.
    // Firefox's sidebar API (sidebar_action), which WXT's browser types do not describe.
    const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    browser.action.onClicked.addListener((tab) => {
      if (browser.sidePanel && tab.windowId !== undefined) {
        void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
      } else if (sidebar) {
        // Firefox: its sidebar, opened (never toggled, so a click in each walk tab keeps it open)
        // within the click's handler, as Firefox requires.
        void sidebar.open().catch(() => undefined);
      } else {
        void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      }
    });
    void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  },
});
