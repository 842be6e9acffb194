import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { minifySync } from 'rolldown/experimental';
import { PASSWORD_MASK, recordOptions, siteOptions } from '@/lib/record/options';
import { stripCanvas } from '../scripts/rrweb-canvas-strip';
import { fixUntaintedCheck } from '../scripts/rrweb-untainted-fix';

/**
 * Bare rrweb in a page, for the comparison: the same rrweb build the content script bundles
 * (@rrweb/record 2.1.6, whose UMD defines the global `rrwebRecord`), minified, with exactly Touchpoint's
 * recording options and an emit that only keeps the event. It gets the build steps Touchpoint's own
 * bundle gets (scripts/rrweb-untainted-fix.ts: no borrowed iframe per page; scripts/rrweb-canvas-strip.ts:
 * no canvas code, which neither records), so that the ratio is what Touchpoint adds on top of
 * rrweb, not what those steps save.
 */

const CANDIDATES = [
  { file: 'node_modules/@rrweb/record/dist/record.umd.cjs', global: 'rrwebRecord' },
  { file: 'node_modules/rrweb/dist/rrweb.umd.cjs', global: 'rrweb' },
];

export interface RrwebBundle {
  file: string;
  global: string;
  source: string;
}

/**
 * Minified like the copy a site would serve and like the one Touchpoint bundles (rolldown's
 * minifier, the one Vite builds with): parsing 160 kB of readable UMD on every page would make
 * bare rrweb dearer than it is and flatter the ratio.
 */
function minified(code: string): string {
  const out = minifySync('record.umd.js', code);
  if (out.errors.length > 0) throw new Error(`minifying rrweb failed: ${out.errors[0]?.message}`);
  return out.code;
}

/** `published`: rrweb exactly as the package ships it, without the build fix (reported beside). */
export async function loadRrweb(root: string, { published = false } = {}): Promise<RrwebBundle> {
  for (const c of CANDIDATES) {
    const file = path.join(root, c.file);
    if (!existsSync(file)) continue;
    const text = await readFile(file, 'utf8');
    if (!text.includes(`"${c.global}"`)) throw new Error(`${c.file} no longer defines the global ${c.global}`);
    const source = minified(published ? text : stripCanvas(fixUntaintedCheck(text)));
    return { file: c.file, global: c.global, source };
  }
  throw new Error('no rrweb UMD build found in node_modules');
}

/** Touchpoint's options for an audit with default privacy settings, minus the one function. */
function plainOptions(
  options: Record<string, unknown> = recordOptions({ maskAllText: false, blockSelectors: [] }),
): Record<string, unknown> {
  const { maskInputFn: _fn, ...plain } = options;
  for (const [key, value] of Object.entries(plain)) {
    // A new function-valued option cannot cross into the page as JSON: mirror it below by hand.
    if (typeof value === 'function') throw new Error(`lib/record/options.ts has a new function option "${key}"`);
  }
  return plain;
}

export const benchOptions = (): Record<string, unknown> => plainOptions();

/**
 * Row A's bare rrweb: as a site would run it, at rrweb's defaults, with the same privacy as an
 * audit (inputs masked, the overlay blocked): issue 15 asks Touchpoint to record for less than that.
 * The privacy is not a tuning an audit may drop, so both sides pay it and the ratio does not.
 */
export const siteBenchOptions = (): Record<string, unknown> =>
  plainOptions(siteOptions({ maskAllText: false, blockSelectors: [] }));

/**
 * Page code (an expression) that starts rrweb with Touchpoint's options and evaluates to the time the
 * synchronous `record()` call took (the full snapshot), in ms. Events collect in `window.__benchEvents`.
 */
export function startRecordExpression(bundle: RrwebBundle, options = plainOptions()): string {
  // The maskInputFn below is lib/record/options.ts's, written out: passwords to PASSWORD_MASK, the rest to '*'.
  return `(() => {
  const opts = ${JSON.stringify(options)};
  opts.maskInputFn = (text, el) => {
    const type = el && el.getAttribute ? el.getAttribute('type') : null;
    return type && type.toLowerCase() === 'password' ? ${JSON.stringify(PASSWORD_MASK)} : '*'.repeat(text.length);
  };
  const lib = window[${JSON.stringify(bundle.global)}];
  if (!lib || typeof lib.record !== 'function') throw new Error('rrweb global missing');
  const events = [];
  window.__benchEvents = events;
  const t0 = performance.now();
  window.__benchStop = lib.record(Object.assign({}, opts, { emit(e) { events.push(e); } }));
  return performance.now() - t0;
})()`;
}

/** The UMD as a classic script with `this` bound to window, so it sets its global. */
function defineGlobal(bundle: RrwebBundle): string {
  return `(function () {\n${bundle.source}\n}).call(window);`;
}

/** Injects rrweb into the loaded page and starts it (row A: `siteBenchOptions`); returns the initial record() time in ms. */
export async function injectAndRecord(page: Page, bundle: RrwebBundle, options = siteBenchOptions()): Promise<number> {
  await page.addScriptTag({ content: defineGlobal(bundle) });
  return page.evaluate(startRecordExpression(bundle, options));
}

/** Every later document of `page` records from DOMContentLoaded on (the rrweb mode of the walk). */
export async function recordEveryPage(page: Page, bundle: RrwebBundle): Promise<void> {
  await page.addInitScript({
    content: `${defineGlobal(bundle)}
if (location.protocol === 'http:' || location.protocol === 'https:') {
  document.addEventListener('DOMContentLoaded', () => { window.__benchSnapshotMs = ${startRecordExpression(bundle)}; }, { once: true });
}`,
  });
}

/** How many events bare rrweb kept in the current document (a sanity check that it ran). */
export function eventCount(page: Page): Promise<number> {
  return page.evaluate('(window.__benchEvents || []).length');
}

/**
 * Bare rrweb the way a content script runs it: in an isolated world of the page (CDP
 * Page.createIsolatedWorld), where the page's own scripts' property sets (`input.value = …`) do not
 * reach rrweb's setter hooks. Returns the initial record() time in ms.
 */
export async function injectIsolatedAndRecord(page: Page, bundle: RrwebBundle): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'bench-rrweb',
    });
    const evaluate = async (expression: string) => {
      const r = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
      if (r.exceptionDetails)
        throw new Error(`isolated rrweb: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value as unknown;
    };
    await evaluate(defineGlobal(bundle));
    return Number(await evaluate(startRecordExpression(bundle)));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
