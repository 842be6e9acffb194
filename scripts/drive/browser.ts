import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Built extension folders: the e2e build (loopback + test hooks), the loopback build, the release. */
export const EXTENSIONS = {
  // TOUCHPOINT_OUT: the suffix a build was made with (see wxt.config.ts), for parallel work.
  e2e: path.join(root, `.output/chrome-mv3-e2e${process.env.TOUCHPOINT_OUT ?? ''}`),
  loopback: path.join(root, `.output/chrome-mv3-loopback${process.env.TOUCHPOINT_OUT ?? ''}`),
  release: path.join(root, '.output/chrome-mv3'),
} as const;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A quiet Chromium for tests, the demo, the bench and `npm run facts`: no sandbox, GPU, sync or background fetches. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export interface Launched {
  context: BrowserContext;
  /** The extension's id, or '' when launched without one. */
  extensionId: string;
  serviceWorker: Worker | undefined;
  close: () => Promise<void>;
}

/** Launches Debian's Chromium with a fresh profile and, unless `extension` is null, one extension. */
export async function launchChromium(
  extension: string | null = EXTENSIONS.e2e,
  /** `alsoLoad`: more unpacked extensions beside it, with their ids (the bench's bare-rrweb one). */
  opts: { headless?: boolean; profile?: string; lang?: string; alsoLoad?: { dir: string; id: string }[] } = {},
): Promise<Launched> {
  // A given profile outlives the browser (restart tests); a fresh one is removed on close.
  const profile = opts.profile ?? (await mkdtemp(path.join(tmpdir(), 'touchpoint-profile-')));
  const args = [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging'];
  // The browser's UI language, which chrome.i18n (and so Touchpoint's UI) follows.
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  const others = opts.alsoLoad ?? [];
  const dirs = [...(extension ? [extension] : []), ...others.map((o) => o.dir)].join(',');
  if (dirs) args.push(`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args,
    viewport: { width: 1280, height: 860 },
  });
  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (extension) {
    const ours = (w: Worker) => !others.some((o) => w.url().startsWith(`chrome-extension://${o.id}/`));
    serviceWorker =
      context.serviceWorkers().find(ours) ??
      (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      if (!opts.profile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Stops the extension's service worker the way Chrome does when it idles (checked: it really stops). */
export async function stopServiceWorker(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!sw) return false;
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
    return true;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Clicks Touchpoint's toolbar button on a page's tab, as an auditor does once per walk tab: that
 * grants `activeTab` there, which `tabs.captureVisibleTab` (tag screenshots) needs. Uses CDP's
 * Extensions.triggerAction (needs --enable-unsafe-extension-debugging and a tab target).
 */
export async function clickToolbarButton(launched: Launched, page: Page): Promise<void> {
  const browser = launched.context.browser();
  if (!browser) throw new Error('No browser-level CDP session for this context.');
  // The toolbar button acts on the tab in front, as it does for a person.
  await page.bringToFront();
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as never, { id: launched.extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  await closeSidePanel(launched, page.url());
}

/**
 * Closes the side panel the toolbar button opened. A person's window narrows the page beside it;
 * headless Chromium keeps the page's emulated viewport and lays the panel over its right side,
 * where the mouse then no longer reaches a frame of the extension (the tag and score forms).
 */
async function closeSidePanel(launched: Launched, url: string): Promise<void> {
  const worker = launched.serviceWorker;
  if (!worker) return;
  await worker.evaluate(async (tabUrl) => {
    type Chrome = {
      runtime: { getContexts(f: { contextTypes: string[] }): Promise<unknown[]> };
      tabs: { query(q: { url: string }): Promise<{ windowId: number }[]> };
      sidePanel: { close?(o: { windowId: number }): Promise<void> };
    };
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const [tab] = await c.tabs.query({ url: tabUrl });
    if (!c.sidePanel.close || !tab) return;
    for (let i = 0; i < 100; i++) {
      if ((await c.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length > 0) {
        return c.sidePanel.close({ windowId: tab.windowId });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }, url);
}
