import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Debian's Firefox ESR with Touchpoint's Firefox build, driven by puppeteer-core over WebDriver
 * BiDi: Playwright cannot drive a stock Firefox (it needs its own patched build, which cannot be
 * downloaded here). The facts this relies on are in TOOLCHAIN.md's Firefox paragraph.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `npm run build:e2e:firefox`: loopback host access and the test hooks, as the Chromium e2e build. */
export const FIREFOX_EXTENSION = path.join(root, `.output/firefox-mv3-e2e${process.env.TOUCHPOINT_OUT ?? ''}`);
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts. */
const EXTENSION_ID = 'touchpoint@touchpoint.dev';
/** Fixed through a pref, so extension pages have a known address before the extension is installed. */
export const EXTENSION_UUID = '6f1c3a52-7d4e-4b8a-9c2f-1e5d7a9b3c40';

export interface LaunchedFirefox {
  browser: Browser;
  /** `moz-extension://<uuid>/<name>`. */
  url(name: string): string;
  /** Where Firefox saves downloads (the export), without asking. */
  downloads: string;
  /** Errors the extension raised anywhere (background, pages, content scripts), from Firefox's output. */
  extensionErrors(): string[];
  close(): Promise<void>;
}

/** `install: false` starts Firefox without the extension: README's about:debugging steps install it. */
export async function launchFirefox(extension = FIREFOX_EXTENSION, { install = true } = {}): Promise<LaunchedFirefox> {
  const work = await mkdtemp(path.join(tmpdir(), 'touchpoint-firefox-'));
  const downloads = path.join(work, 'downloads');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: path.join(work, 'profile'),
    // Without it, navigating a tab to a moz-extension:// page is refused.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 860 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      // The walk's optional host access is granted without the prompt automation cannot answer.
      'extensions.webextOptionalPermissionPrompts': false,
      // console.* of extension contexts (the background has no page to listen on) on stdout.
      'devtools.console.stdout.content': true,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const output: string[] = [];
  const proc = browser.process();
  let partial = '';
  const collect = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    output.push(...lines);
  };
  proc?.stdout?.on('data', collect);
  proc?.stderr?.on('data', collect);
  if (install) await browser.installExtension(extension);
  const base = `moz-extension://${EXTENSION_UUID}/`;
  return {
    browser,
    url: (name) => base + name,
    downloads,
    extensionErrors: () => extensionErrors(output),
    close: async () => {
      await browser.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * The lines of Firefox's output that are the extension's errors: an uncaught error in one of its
 * scripts ("JavaScript error: moz-extension://<uuid>/…"), or a console.error or console.warn call
 * (how it reports what it could not do) from a content context, which Firefox prints with its
 * arguments quoted and without their source (the fixture site logs nothing). Firefox's own
 * modules print theirs unquoted after a prefix ("console.error: RSLoader: …"): not ours.
 */
export function extensionErrors(lines: readonly string[]): string[] {
  const ours = `moz-extension://${EXTENSION_UUID}/`;
  return lines.filter((l) => (l.includes(ours) && /JavaScript error/.test(l)) || /^console\.(error|warn): "/.test(l));
}

/**
 * Opens an extension page in a new tab. `goto` is not awaited: Firefox's BiDi does not report the
 * load of a moz-extension:// page, so it would wait for its timeout; a selector on the page is.
 */
export async function openExtensionPage(ff: LaunchedFirefox, name: string, ready: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.goto(ff.url(name)).catch(() => undefined);
  await page.waitForSelector(ready, { timeout: 15_000 });
  return page;
}
