import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '@/scripts/drive/browser';
import { factsBundle } from '@/scripts/facts/bundle';
import type { InPageResult } from '@/scripts/facts/page-entry';
import type { PageFactsOut } from '@/lib/model/facts-output';

export interface FactsOptions {
  /** ISO 3166-1 alpha-2: the country of numbers written without a prefix. */
  country: string;
  /** Per page, for loading (ms). */
  timeout?: number;
  /** Where relative file paths are read from (the CLI passes the shell's folder: npm runs scripts from the package's). */
  cwd?: string;
}

/** An open headless Chromium that extracts page after page (the corpus test reads 30+ pages with one). */
export interface FactsSession {
  /** `country` overrides the session's for this page (a corpus mixes Spanish and British pages). */
  extract(input: string, country?: string): Promise<PageFactsOut>;
  close(): Promise<void>;
}

/** An http(s) or file URL as given, anything else a path to a saved page (which must exist). */
async function urlOf(input: string, cwd: string): Promise<string> {
  if (/^(https?|file):\/\//i.test(input)) return new URL(input).href;
  const file = path.resolve(cwd, input);
  const s = await stat(file).catch(() => null);
  if (!s) throw new Error(`No such file: ${input}`);
  if (!s.isFile()) throw new Error(`Not a file: ${input}`);
  return pathToFileURL(file).href;
}

function failedPage(input: string, url: string, error: string): PageFactsOut {
  return { input, url, title: '', facts: [], failed: [], rejected: 0, error };
}

export async function openFactsSession(opts: FactsOptions): Promise<FactsSession> {
  const [bundle, browser] = await Promise.all([
    factsBundle(),
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] }) as Promise<Browser>,
  ]);
  // One context for all pages: the viewport a desktop reader has, so layout-read kinds are stable.
  // bypassCSP: a site's Content-Security-Policy would refuse the injected extractors' inline script.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const timeout = opts.timeout ?? 30_000;
  return {
    async extract(input, country = opts.country) {
      let url = input;
      try {
        url = await urlOf(input, opts.cwd ?? process.cwd());
      } catch (e) {
        return failedPage(input, input, (e as Error).message);
      }
      const page = await context.newPage();
      try {
        const res = await page.goto(url, { waitUntil: 'load', timeout });
        if (res && !res.ok()) return failedPage(input, page.url(), `HTTP ${res.status()} for ${input}`);
        await page.addScriptTag({ content: bundle });
        const out = await page.evaluate(
          (country) =>
            (
              globalThis as unknown as { __touchpointFacts: { extract(c: string): InPageResult } }
            ).__touchpointFacts.extract(country),
          country,
        );
        return { input, url: page.url(), ...out, error: null };
      } catch (e) {
        // Playwright's message starts with the cause (net::ERR_NAME_NOT_RESOLVED …); its call log is noise here.
        const why = ((e as Error).message ?? String(e)).split('\n')[0] ?? '';
        return failedPage(input, url, `Could not read ${input}: ${why.replace(/^page\.\w+:\s*/, '')}`);
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Each input's facts, in order; a bad input is reported in its entry (`error`), never thrown. A
 * few pages load at once (`concurrency`, default 4): a page mostly waits on loading and parsing.
 */
export async function extractPages(
  inputs: string[],
  opts: FactsOptions & { concurrency?: number },
): Promise<PageFactsOut[]> {
  const session = await openFactsSession(opts);
  try {
    return await extractAllWith(
      session,
      inputs.map((input) => ({ input })),
      opts.concurrency,
    );
  } finally {
    await session.close();
  }
}

/** `session.extract` over many inputs, `concurrency` pages at a time, results in input order. */
export async function extractAllWith(
  session: FactsSession,
  items: { input: string; country?: string }[],
  concurrency = 4,
): Promise<PageFactsOut[]> {
  const out: PageFactsOut[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i] as { input: string; country?: string };
      out[i] = await session.extract(item.input, item.country);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return out;
}
