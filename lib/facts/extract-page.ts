// One rebuilt page load read into its PageFacts record: every extractor of the registry, each
// fact's element anchored (lib/anchors), the audit's privacy options applied. Takes the rebuilt
// document and window as parameters (lib/facts/rebuild.ts).
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { pageCandidates } from '@/lib/anchors/candidates';
import type { ExtractContext, Extractor } from '@/lib/consistency/extractor';
import { drain, EXTRACTORS, extractAllSteps } from '@/lib/consistency/registry';
import { READ_WITHOUT_TEXT, unreadableKinds } from '@/lib/consistency/unreadable';
import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import { type Anchor, STRUCTURED_DATA_MAX_BLOCKS } from '@/lib/model';
import type { PageFact, PageFacts } from '@/lib/model/fact';
import { factsId } from '@/lib/read/facts';
import { type PrivacyOptions, textPolicy } from '@/lib/record/privacy';

/**
 * Page-derived work is bounded: at most this many facts kept, and this many elements anchored,
 * at most `MAX_ANCHORS_PER_VALUE` for one value of one kind (a value repeated on every card of a
 * listing needs a few places to show and tag, not all: anchoring costs a scan of the page each,
 * about 10 ms on a 5,000-element page).
 */
export const MAX_FACTS = 2000;
export const MAX_ANCHORS = 150;
export const MAX_ANCHORS_PER_VALUE = 3;
/**
 * And at most this long anchoring one page (the panel's main thread is blocked meanwhile): on a
 * 5,000-element listing, anchoring every price would take seconds. Facts past it keep no anchor:
 * they are compared and shown, but cannot be tagged on their element.
 */
export const ANCHOR_BUDGET_MS = 400;

/** Which page load the facts are of, and how to read it. */
export interface PageLoadInfo {
  auditId: string;
  walkId: string;
  recorderId: string;
  tabId: number;
  touchpointId: string | null;
  url: string;
  /** The recording time of the state read (the last event rebuilt). */
  at: number;
  country: string;
  privacy: PrivacyOptions;
  /** The page load's JSON-LD texts, read by the worker (lib/walk/structured-data.ts): a recording holds none. */
  structuredData?: readonly string[];
}

/**
 * Puts the page load's JSON-LD back where the live page had it, as `<script type=
 * "application/ld+json">` in the head, so the extractors read it as they would there (lib/
 * consistency/structured-data.ts). Inert: the rebuild frame is sandboxed without scripts, and the
 * type is data anyway. Answers the elements added: they were not recorded, so no anchor names them.
 */
function addStructuredData(doc: Document, blocks: readonly string[]): Set<Element> {
  const added = new Set<Element>();
  const parent = doc.head ?? doc.documentElement;
  if (!parent) return added;
  for (const text of blocks.slice(0, STRUCTURED_DATA_MAX_BLOCKS)) {
    const script = doc.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = text;
    parent.append(script);
    added.add(script);
  }
  return added;
}

/**
 * Reads `doc` (rebuilt, laid out in `view`). Under *Mask all page text* only the kinds read
 * without text run; the others are listed as unreadable. A failing extractor loses its kind on
 * this page only (`failed`).
 */
export function extractPage(
  doc: Document,
  view: Window | null,
  info: PageLoadInfo,
  now: number,
  extractors: readonly Extractor[] = EXTRACTORS,
  budgetMs = ANCHOR_BUDGET_MS,
  clock: () => number = () => performance.now(),
): PageFacts {
  return drain(extractPageSteps(doc, view, info, now, extractors, budgetMs, clock));
}

/**
 * `extractPage` in steps: it yields after each extractor and each element anchored, so the side
 * panel reads a page in tasks of its choosing (`extractPageSliced`) instead of one long one. The
 * caller may answer a yield with how long it was away (ms): that time is not the page's anchoring
 * time. The document must not change until it is done.
 */
export function* extractPageSteps(
  doc: Document,
  view: Window | null,
  info: PageLoadInfo,
  now: number,
  extractors: readonly Extractor[] = EXTRACTORS,
  budgetMs = ANCHOR_BUDGET_MS,
  clock: () => number = () => performance.now(),
): Generator<void, PageFacts, number | undefined> {
  const masked = info.privacy.maskAllText;
  const run = masked ? extractors.filter((x) => READ_WITHOUT_TEXT.has(x.kind)) : extractors;
  const ctx: ExtractContext = { country: info.country, view };
  // Structured data repeats the page's text: never read under *Mask all page text*.
  const added = masked ? new Set<Element>() : addStructuredData(doc, info.structuredData ?? []);
  const report = yield* extractAllSteps(doc, ctx, run);
  const policy = textPolicy(info.privacy, doc);
  const anchors = new Map<Element, Anchor | null>();
  // The page does not change while it is read: the anchors share what they read of it.
  const shared = pageCandidates();
  const started = clock();
  /** Time the caller was away at a yield: not spent anchoring. */
  let away = 0;
  const anchorOf = (el: Element | null): Anchor | null => {
    if (!el?.isConnected || added.has(el)) return null;
    if (anchors.has(el)) return anchors.get(el) ?? null;
    if (anchors.size >= MAX_ANCHORS || clock() - started - away > budgetMs) return null;
    let anchor: Anchor | null = null;
    try {
      const r = el.getBoundingClientRect();
      anchor = buildAnchor(
        el,
        doc,
        {
          rect: { x: r.left, y: r.top, width: r.width, height: r.height },
          viewport: { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
          scroll: { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0 },
        },
        policy,
        shared,
      );
    } catch {
      // An element the anchors cannot describe: the fact stays, without a place on the page.
    }
    anchors.set(el, anchor);
    return anchor;
  };
  const perValue = new Map<string, number>();
  const facts: PageFact[] = [];
  for (const x of report.found.slice(0, MAX_FACTS)) {
    const key = `${x.fact.kind}\u0000${x.fact.value}`;
    const n = perValue.get(key) ?? 0;
    perValue.set(key, n + 1);
    const known = x.element ? anchors.get(x.element) : undefined;
    const fresh = known === undefined && n < MAX_ANCHORS_PER_VALUE && x.element !== null;
    facts.push({ ...x.fact, anchor: known ?? (n < MAX_ANCHORS_PER_VALUE ? anchorOf(x.element) : null) });
    // Building an anchor scans the page: a point to give the thread back.
    if (fresh) away += (yield) ?? 0;
  }
  return {
    id: factsId(info.walkId, info.recorderId),
    auditId: info.auditId,
    walkId: info.walkId,
    recorderId: info.recorderId,
    tabId: info.tabId,
    touchpointId: info.touchpointId,
    url: info.url.slice(0, 4096),
    title: masked ? '' : (doc.title ?? '').replace(/\s+/g, ' ').trim().slice(0, 500),
    at: info.at,
    version: EXTRACTION_VERSION,
    facts,
    failed: report.failed.slice(0, 100).map((f) => ({ kind: f.kind, error: f.error.slice(0, 500) })),
    unreadable: unreadableKinds(masked),
    extractedAt: now,
  };
}

/**
 * Runs `steps` to its end in tasks of about `sliceMs`: between two, `yieldTurn` gives the thread
 * back (the panel's other work, a redraw). Answers each yield with how long it was away.
 */
export async function runSliced<T>(
  steps: Generator<void, T, number | undefined>,
  yieldTurn: () => Promise<void>,
  sliceMs = SLICE_MS,
  clock: () => number = () => performance.now(),
): Promise<T> {
  let sliceStart = clock();
  let away: number | undefined;
  for (;;) {
    const r = steps.next(away);
    if (r.done) return r.value;
    away = undefined;
    if (clock() - sliceStart < sliceMs) continue;
    const left = clock();
    await yieldTurn();
    sliceStart = clock();
    away = sliceStart - left;
  }
}

/** How long one task of the panel's page reading may run before it gives the thread back. */
export const SLICE_MS = 30;
