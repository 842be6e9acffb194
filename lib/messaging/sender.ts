import { browser } from 'wxt/browser';

// No zod here: content scripts use this file (see client.ts), and every kilobyte is paid per page.

/**
 * Where a message comes from: a walk tab's content script (a web page's tab), one of the
 * extension's own pages (panel, replay page), or the extension's worker. Each message of the
 * protocol names the contexts that may send it (protocol.ts `from`).
 */
export type SenderContext = 'tab' | 'page' | 'worker';

/** What Touchpoint knows of itself to tell its own contexts from the rest. */
export interface Self {
  id: string;
  /** The extension's root URL, `chrome-extension://<id>/`. */
  root: string;
  /** The worker's script (Chrome) or generated background page (Firefox). */
  workerUrl: string;
}

/** The parts of a browser `MessageSender` the check reads. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

/**
 * Which context sent a message, or null when it is none of Touchpoint's. Checked in Chromium
 * 156: the worker's messages carry its script URL and no tab; a page's carry its URL under the
 * extension's origin (and a tab when it is opened as one); a content script's carry its tab and
 * the web page's URL (Firefox: no tab for a closing tab's last message).
 */
export function senderContext(sender: SenderInfo, self: Self): SenderContext | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  if (sender.url === self.workerUrl) return 'worker';
  if (sender.url.startsWith(self.root)) return 'page';
  // A content script in a web page. Firefox names no tab for the last message of a tab that is
  // closing; only Touchpoint's own scripts send with its id (no page can: no externally_connectable),
  // and every tab handler refuses a message whose tab it cannot tell (they read `tab?.id`).
  return /^https?:\/\//.test(sender.url) ? 'tab' : null;
}

/** A content script in a tab's web page (not an extension page opened as a tab). */
export function isWebTab(sender: SenderInfo): boolean {
  return sender.tab?.id !== undefined && /^https?:\/\//.test(sender.url ?? '');
}

/** Touchpoint as the browser names it: read once per context. */
export function browserSelf(): Self {
  const getUrl = browser.runtime.getURL as (path: string) => string;
  const background = browser.runtime.getManifest().background as { service_worker?: string } | undefined;
  // Firefox runs the background scripts in a page it generates under this name.
  const worker = background?.service_worker ?? '_generated_background_page.html';
  return { id: browser.runtime.id, root: getUrl('/'), workerUrl: getUrl(`/${worker}`) };
}

/** For content scripts: they hear only the worker (they cannot parse a request without zod). */
export const fromWorkerOnly = (): readonly SenderContext[] => ['worker'];
