import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging/client';
import type { PanelEnv } from '@/components/panel/model/panel-env';

/** The real browser behind the panel: the one module of the panel that calls `browser.*`. */
export function createPanelBrowserEnv(): PanelEnv {
  return {
    send,
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    async activeTabId() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    },
    download(fileName, content, type = 'application/json') {
      const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      // The download reads the blob asynchronously: revoking at once can cancel it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    persistStorage: () => navigator.storage?.persist?.() ?? Promise.resolve(false),
    async estimateStorage() {
      const e = await navigator.storage?.estimate?.();
      return e ? { usage: e.usage ?? 0, quota: e.quota ?? 0 } : null;
    },
    objectUrl: (blob) => URL.createObjectURL(blob),
    revokeUrl: (url) => URL.revokeObjectURL(url),
    openTab: (url) => void browser.tabs.create({ url: browser.runtime.getURL(url as '/replay.html') }),
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/**
 * True in Chrome's side panel and Firefox's sidebar, false when the same page is opened as a tab:
 * a tab knows itself (`tabs.getCurrent`), the side panel and the sidebar are not tabs.
 */
export async function isSidePanel(): Promise<boolean> {
  try {
    const sidebar = browser.sidePanel !== undefined || 'sidebarAction' in browser;
    return (await browser.tabs.getCurrent()) === undefined && sidebar;
  } catch {
    return false;
  }
}

/** The UI's language: the one `t()` follows, so numbers and dates match the text (lib/i18n). */
export { uiLanguage } from '@/lib/i18n';
