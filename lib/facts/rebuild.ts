// A recorded page load rebuilt off the walked page, in a hidden frame of the panel, so the
// extractors read it with real layout and computed styles (docs/architecture.md, "Where facts are
// extracted, and why"). Takes the host document as a parameter; nothing here runs in the walked tab.
import { Replayer } from '@rrweb/replay';
import type { eventWithTime } from '@rrweb/types';
import type { RecordedEvent } from '@/lib/model';
import { recordedViewport } from '@/lib/replay/decode';

/** A rebuilt page: its document and window (for getComputedStyle), and how to let it go. */
export interface RebuiltPage {
  doc: Document;
  view: Window;
  /** The recorded viewport the page was laid out at. */
  viewport: { width: number; height: number };
  destroy(): void;
}

/**
 * rrweb's Replayer rewrites every inlined stylesheet for replay (a full CSS parse, to add its
 * `:hover` rules) and keeps the result in a cache of its own, made new for each Replayer. A site
 * sends the same stylesheets on every page: shared across rebuilds, a template's 170 kB stylesheet
 * is parsed once per panel instead of once per page load (on a long walk of an admin template the
 * parse was most of each page's rebuild). Bounded by the characters it holds, oldest out first.
 */
export const ADAPTED_CSS_BUDGET = 4_000_000;

class BoundedCssCache extends Map<string, string> {
  chars = 0;
  override set(key: string, value: string): this {
    if (this.has(key)) this.delete(key);
    super.set(key, value);
    this.chars += key.length + value.length;
    for (const k of this.keys()) {
      if (this.chars <= ADAPTED_CSS_BUDGET || k === key) break;
      this.delete(k);
    }
    return this;
  }
  override clear(): void {
    super.clear();
    this.chars = 0;
  }
  override delete(key: string): boolean {
    const v = super.get(key);
    if (v !== undefined) this.chars -= key.length + v.length;
    return super.delete(key);
  }
}

/** The cache every rebuild's Replayer uses (rrweb's `createCache()` shape). */
export const adaptedCss = { stylesWithHoverClass: new BoundedCssCache() };

/** When a recording has no Meta event (it always does): a common desktop viewport. */
const FALLBACK_VIEWPORT = { width: 1280, height: 800 };

/**
 * What the rebuilt page may load: nothing from the network. rrweb inlines the page's style sheets
 * into the recording, so styles need no fetch; images, fonts, media and frames are refused (a
 * rebuilt page must not call the site, nor tell it the auditor looked again). Inline styles are
 * allowed (rrweb writes `<style>` elements); scripts never run anyway (rrweb's frame is sandboxed
 * without allow-scripts, and rrweb turns recorded scripts into inert nodes).
 */
export const REBUILD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * A hidden host for rebuilt pages: an iframe (fixed, off-screen, invisible, out of the
 * accessibility tree and tab order) whose own document carries `REBUILD_CSP`. rrweb's frame is an
 * about:blank child of that document, and inherits its policy. Reused across pages.
 */
export async function createRebuildHost(doc: Document): Promise<{ root: HTMLElement; destroy(): void }> {
  const frame = doc.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = '';
  frame.style.cssText =
    'position:fixed;left:-100000px;top:0;width:1px;height:1px;border:0;visibility:hidden;pointer-events:none';
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${REBUILD_CSP}"><body style="margin:0"></body>`;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  doc.body.append(frame);
  await loaded;
  const inner = frame.contentDocument;
  if (!inner?.body) {
    frame.remove();
    throw new Error('The rebuild frame did not open.');
  }
  return { root: inner.body, destroy: () => frame.remove() };
}

/**
 * Rebuilds a page load's events into `root` with rrweb's Replayer, fast-forwarded synchronously
 * to the last event (the state the page was left in), at the recorded viewport size so media
 * queries and computed styles are the ones the auditor saw. `events` must hold a Meta event and a
 * full snapshot (lib/replay/decode.ts checks it).
 */
export function rebuildPage(events: readonly RecordedEvent[], root: HTMLElement): RebuiltPage {
  const viewport = recordedViewport(events) ?? FALLBACK_VIEWPORT;
  const host = root.ownerDocument.defaultView?.frameElement as HTMLElement | null;
  if (host) {
    host.style.width = `${viewport.width}px`;
    host.style.height = `${viewport.height}px`;
  }
  const list = events as unknown as eventWithTime[];
  const replayer = new Replayer(list, {
    root,
    showWarning: false,
    showDebug: false,
    mouseTail: false,
    triggerFocus: false,
    pauseAnimation: true,
    skipInactive: false,
    logger: { log: () => undefined, warn: () => undefined },
  });
  // The Replayer's public `cache` field (what its resetCache replaces), read at rebuild time.
  (replayer as unknown as { cache: typeof adaptedCss }).cache = adaptedCss;
  const first = list[0]?.timestamp ?? 0;
  const last = list.reduce((m, e) => Math.max(m, e.timestamp), first);
  // pause(offset) casts every event before the offset synchronously, then stops the timer.
  replayer.pause(last - first + 1);
  const frame = replayer.iframe;
  // The Meta event's resize is applied in the sync pass too; set it anyway in case it came late.
  frame.style.display = 'inherit';
  frame.setAttribute('width', String(viewport.width));
  frame.setAttribute('height', String(viewport.height));
  const doc = frame.contentDocument;
  const view = frame.contentWindow;
  if (!doc || !view) {
    replayer.destroy();
    throw new Error('The page could not be rebuilt.');
  }
  // The Replayer plays the mouse too: it marks the element under the last pointer position (and
  // its ancestors) with a `:hover` class its rewritten CSS styles. Facts are the page at rest, not
  // a hovered button's darker colour.
  for (const el of Array.from(doc.querySelectorAll('.\\:hover'))) el.classList.remove(':hover');
  return {
    doc,
    view,
    viewport,
    destroy: () => {
      try {
        replayer.destroy();
      } catch {
        // Already gone with its host: nothing holds it.
      }
    },
  };
}
