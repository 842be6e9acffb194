import { browser } from 'wxt/browser';
import type { Db } from '../db/open-db';
import type { Compress } from '../db/recording';
import type { sendToTab } from '../messaging/client';
import type { WalkEnv } from './controller';

const DRAIN_TIMEOUT_MS = 3000;

/** The real browser behind the walk controller: the one place that drives tabs and scripting. */
export function createBrowserEnv(db: Db, deps: { compress: Compress; send: typeof sendToTab }): WalkEnv {
  return {
    db,
    compress: deps.compress,
    now: () => Date.now(),
    async openBlankTab() {
      const tab = await browser.tabs.create({ url: 'about:blank', active: true });
      if (tab.id === undefined) throw new Error('The browser gave the new tab no id.');
      return tab.id;
    },
    async navigate(tabId, url) {
      await browser.tabs.update(tabId, { url });
    },
    async inject(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/recorder.js'] });
    },
    async drain(tabId) {
      await Promise.race([
        deps.send(tabId, 'recorder/drain', {}),
        new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS)),
      ]);
    },
    notify(walk) {
      // Extension pages (the panel) and the walk's tabs; either may be absent, which is fine.
      browser.runtime.sendMessage({ type: 'walk/changed', payload: { walk } }).catch(() => undefined);
      for (const tabId of walk.openTabIds) deps.send(tabId, 'walk/changed', { walk }).catch(() => undefined);
    },
    async personaName(personaId) {
      return (await db.get('personas', personaId))?.name ?? '';
    },
  };
}
