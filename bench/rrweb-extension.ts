import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { type RrwebBundle, startRecordExpression } from './rrweb';

/**
 * Bare rrweb as an extension runs it: the floor under any extension-based recorder. A minimal MV3
 * extension whose worker, when an adopted tab finishes loading (when Touchpoint injects too), injects
 * the same rrweb build into the page's isolated world with one executeScript and starts record()
 * with Touchpoint's options; events stay in an array. It pays what every extension pays on every
 * page (an isolated world, an injection) and nothing Touchpoint adds (storage, overlay, steps).
 */

const MARKER = 'touchpoint-bench-floor';

/** The extension id Chromium derives from a manifest key (the first 128 bits of its SHA-256, a–p). */
export function idOfKey(spkiDer: Buffer): string {
  const hex = createHash('sha256').update(spkiDer).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

const BACKGROUND = `
const adopted = () => chrome.storage.session.get('tabs').then((r) => r.tabs || []);
chrome.tabs.onUpdated.addListener(async (tabId, info, tab) => {
  if (info.status !== 'complete' || !/^https?:/.test(tab.url || '')) return;
  if (!(await adopted()).includes(tabId)) return;
  chrome.scripting.executeScript({ target: { tabId }, files: ['rrweb.js', 'start.js'] }).catch(() => undefined);
});
// Called by the bench: the tab whose URL holds the marker records from its next page on.
self.adopt = async (marker) => {
  const tab = (await chrome.tabs.query({})).find((t) => (t.url || '').includes(marker));
  if (!tab) throw new Error('no tab to adopt');
  await chrome.storage.session.set({ tabs: [...(await adopted()), tab.id] });
  return tab.id;
};
`;

/** Writes the extension into `dir`; returns its id. */
export async function writeRrwebExtension(dir: string, bundle: RrwebBundle): Promise<string> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifest = {
    manifest_version: 3,
    name: 'Bench: bare rrweb as an extension',
    version: '1.0',
    key: der.toString('base64'),
    permissions: ['scripting', 'storage'],
    host_permissions: ['http://127.0.0.1/*'],
    background: { service_worker: 'background.js' },
  };
  // Touchpoint's own content-script workaround (lib/record/session.ts): an isolated world has no
  // customElements, which rrweb asks about for every element it serialises.
  const start = `if (!globalThis.__benchStarted) {
  globalThis.__benchStarted = true;
  if (globalThis.customElements == null) Object.defineProperty(globalThis, 'customElements', { value: { get: () => undefined }, configurable: true });
  ${startRecordExpression(bundle)};
  sessionStorage.setItem(${JSON.stringify(MARKER)}, String(performance.timeOrigin));
}`;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(dir, 'background.js'), BACKGROUND);
  await writeFile(path.join(dir, 'rrweb.js'), `(function () {\n${bundle.source}\n}).call(globalThis);`);
  await writeFile(path.join(dir, 'start.js'), start);
  return idOfKey(der);
}

/** Makes `page` (any http page open in it) a tab the extension records, from its next document on. */
export async function adoptTab(page: Page, floorId: string, url: string): Promise<void> {
  const sw =
    page
      .context()
      .serviceWorkers()
      .find((w) => w.url().startsWith(`chrome-extension://${floorId}/`)) ??
    (await page.context().waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${floorId}/`),
      timeout: 15_000,
    }));
  await page.goto(`${url}${url.includes('?') ? '&' : '?'}${MARKER}=1`, { waitUntil: 'load' });
  await sw.evaluate((marker) => (self as unknown as { adopt: (m: string) => Promise<number> }).adopt(marker), MARKER);
}

/** Resolves once the extension's record() has run in the tab's current document. */
export async function waitForFloor(page: Page): Promise<void> {
  await page.waitForFunction((marker) => sessionStorage.getItem(marker) === String(performance.timeOrigin), MARKER, {
    timeout: 15_000,
  });
}
