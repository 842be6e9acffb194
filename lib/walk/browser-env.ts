import { browser } from 'wxt/browser';
import type { Db } from '@/lib/db/open-db';
import type { Compress } from '@/lib/db/recording';
import type { sendToTab } from '@/lib/messaging/client';
import type { RecorderContext } from '@/lib/model';
import type { WalkEnv } from '@/lib/walk/walk-env';
import type { Announce } from '@/lib/worker/announce';
import { RECORDER_CONTEXT_KEY } from '@/lib/walk/recorder-context';
import { forwardPageErrors } from '@/lib/walk/page-errors';
import { readJsonLdInPage, STRUCTURED_DATA_BOUNDS } from '@/lib/walk/structured-data';

const DRAIN_TIMEOUT_MS = 3000;

/**
 * Runs in the page's isolated world, before the recorder is injected: claims the document for
 * one recorder and leaves it its context (RECORDER_CONTEXT_KEY), so the recorder starts without
 * a message round trip. A tab's load and the walk's start can both ask to inject, and a second
 * instance of a WXT content script stops the first; claiming in one synchronous step lets only
 * one through. A tab opened by a link is about:blank at first: that document is not recorded.
 * Self-contained: executeScript serialises the function; its argument arrives structured-cloned.
 */
function claimDocument(key: string, context: RecorderContext): boolean {
  const doc = document as Document & { __touchpointClaimed?: true };
  if (doc.__touchpointClaimed || !/^https?:$/.test(location.protocol)) return false;
  doc.__touchpointClaimed = true;
  // The isolated world's global: the page's scripts cannot read or replace it.
  Object.defineProperty(globalThis, key, { value: context, configurable: true });
  return true;
}

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
        func: readJsonLdInPage,
        args: [STRUCTURED_DATA_BOUNDS],
      });
      return done ? { documentId: done.documentId, result: done.result } : undefined;
    },
    async injectTagger(tabId) {
      // Same isolated world as the recorder; once per document (the recorder asks once).
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/tagger.js'] });
    },
    async inject(tabId, context) {
      const [claim] = await browser.scripting.executeScript({
        target: { tabId },
        func: claimDocument,
        args: [RECORDER_CONTEXT_KEY, context],
      });
      if (claim?.result !== true) return;
      // The page's error forwarder first: it must be in place before the recorder starts
      // recording, or an error right after the overlay appears would be missed.
      await browser.scripting
        .executeScript({ target: { tabId }, world: 'MAIN', func: forwardPageErrors })
        .catch(() => undefined);
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/recorder.js'] });
      // Its overlay next, once the recorder has started: the page start carries only the recorder
      // (entrypoints/overlay.content; it finds the recorder's state in their shared isolated world).
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/overlay.js'] });
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
