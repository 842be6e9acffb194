import { browser } from 'wxt/browser';
import type { Db } from '@/lib/db/open-db';
import type { Compress } from '@/lib/db/recording';
import type { sendToTab } from '@/lib/messaging/client';
import type { WalkEnv } from '@/lib/walk/walk-env';
import type { Announce } from '@/lib/worker/announce';
import { RECORDER_CONTEXT_KEY } from '@/lib/walk/recorder-context';
import { forwardPageErrors } from '@/lib/walk/page-errors';
import { STRUCTURED_DATA_BOUNDS } from '@/lib/walk/structured-data';
import { type PageStart, startPage } from '@/lib/walk/page-start';

const DRAIN_TIMEOUT_MS = 3000;

/** The real browser behind the walk controller: the one place that drives tabs and scripting. */
export function createBrowserEnv(
  db: Db,
  deps: { compress: Compress; send: typeof sendToTab; announce: Announce },
): WalkEnv {
  return {
    db,
    compress: deps.compress,
    announce: deps.announce,
    now: () => Date.now(),
    async openTab(url) {
      const tab = await browser.tabs.create({ url, active: true });
      if (tab.id === undefined) throw new Error('The browser gave the new tab no id.');
      return tab.id;
    },
    async loadedUrl(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return tab?.status === 'complete' ? (tab.url ?? '') : null;
    },
    async tabExists(tabId) {
      return (await browser.tabs.get(tabId).catch(() => undefined)) !== undefined;
    },
    async readStructuredData(tabId, documentId) {
      // The document that sent the flush, so a tab that has moved on is not read for it; where
      // the browser gives no document id (Firefox), the tab's top frame.
      const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
      const [done] = await browser.scripting.executeScript({
        target,
        func: startPage,
        args: [null, STRUCTURED_DATA_BOUNDS],
      });
      return done ? { documentId: done.documentId, result: (done.result as PageStart | undefined)?.jsonLd } : undefined;
    },
    async injectTagger(tabId) {
      // Same isolated world as the recorder; once per document (the recorder asks once).
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/tagger.js'] });
    },
    async inject(tabId, context) {
      // The claim, and the page's JSON-LD read as it is claimed (never under Mask all page text).
      const bounds = context.maskAllText ? null : STRUCTURED_DATA_BOUNDS;
      const [start] = await browser.scripting.executeScript({
        target: { tabId },
        func: startPage,
        args: [{ key: RECORDER_CONTEXT_KEY, context }, bounds],
      });
      const answer = start?.result as PageStart | undefined;
      if (answer?.claimed !== true) return undefined;
      // The page's error forwarder first: it must be in place before the recorder starts
      // recording, or an error right after the overlay appears would be missed.
      await browser.scripting
        .executeScript({ target: { tabId }, world: 'MAIN', func: forwardPageErrors })
        .catch(() => undefined);
      // The recorder, then its overlay (entrypoints/overlay.content: Preact, its UI and CSS, which
      // find the recorder's state in their shared isolated world), in one injection: the files
      // run in this order, and the page pays one message and one task for both.
      await browser.scripting.executeScript({
        target: { tabId },
        files: ['/content-scripts/recorder.js', '/content-scripts/overlay.js'],
      });
      return answer.jsonLd ? { documentId: start?.documentId, result: answer.jsonLd } : undefined;
    },
    async drain(tabId) {
      await Promise.race([
        deps.send(tabId, 'recorder/drain', {}),
        new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS)),
      ]);
    },
    notify(walk, tabIds = walk.openTabIds) {
      // The walk's recorders (views hear `data/changed`); a tab closed meanwhile is fine.
      for (const tabId of tabIds) deps.send(tabId, 'walk/changed', { walk }).catch(() => undefined);
    },
    sessionWalk: {
      async get() {
        const { walkId } = await browser.storage.session.get('walkId');
        return typeof walkId === 'string' ? walkId : undefined;
      },
      async set(walkId) {
        await browser.storage.session.set({ walkId });
      },
    },
    awayTabs: {
      async get() {
        const { awayTabs } = await browser.storage.session.get('awayTabs');
        return Array.isArray(awayTabs) ? awayTabs.filter((t): t is number => typeof t === 'number') : [];
      },
      async set(tabIds) {
        await browser.storage.session.set({ awayTabs: tabIds });
      },
    },
    installTimeHosts: browser.runtime.getManifest().host_permissions ?? [],
    async releaseHostAccess(patterns) {
      await browser.permissions.remove({ origins: patterns });
    },
    showTags: {
      async get() {
        const { showTags } = await browser.storage.session.get('showTags');
        return showTags !== false;
      },
      async set(on) {
        await browser.storage.session.set({ showTags: on });
      },
    },
    async personaName(personaId) {
      return (await db.get('personas', personaId))?.name ?? '';
    },
  };
}
