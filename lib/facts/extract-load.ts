// Reads one recorded page load's facts in the panel: its chunks read and decoded, the page rebuilt
// in a hidden host (rebuild.ts), read (extract-page.ts), and the rebuilt page let go. The host
// frame is made once and reused: one page at a time is ever rebuilt.
import { gunzip } from '@/lib/codec/gzip';
import type { Db } from '@/lib/db/open-db';
import type { PageFacts } from '@/lib/model/fact';
import type { AuditData } from '@/lib/read/audit-data';
import { createAssetReader } from '@/lib/read/assets';
import { getChunks } from '@/lib/read/recording';
import { decodeSegment } from '@/lib/replay/decode';
import { bestTouchpoint } from '@/lib/touchpoints/group';
import { countryOf } from '@/lib/facts/country';
import { extractPageSteps, runSliced } from '@/lib/facts/extract-page';
import { createRebuildHost, rebuildPage } from '@/lib/facts/rebuild';

/** A page load as the runner names it (components/panel/model/facts-runner.ts). */
export interface PageLoadRef {
  walkId: string;
  recorderId: string;
  tabId: number;
  chunkIds: readonly string[];
}

/** The default country of a walk's pages: its persona's locale, else the audit's start URL. */
export function walkCountry(data: AuditData, walkId: string): string {
  const walk = data.walks.find((w) => w.walk.id === walkId)?.walk;
  const persona = data.personas.find((p) => p.id === walk?.personaId);
  return countryOf(persona?.context.locale, data.audit.startUrl);
}

/**
 * The next turn of the page's task queue: other work (a notice, a redraw) runs first. A message,
 * not a timer: a panel out of sight has its timers slowed to one a second, a page read in ten
 * slices would take ten seconds.
 */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * An extractor of page loads bound to a database and a host document (the panel's). Answers null
 * for a page load that holds nothing to rebuild (no snapshot read: a damaged or cut recording).
 * Runs in several tasks of the panel's thread (decode, rebuild, then the extractors in slices):
 * one task reading a whole admin page held the panel for most of a second.
 */
export function createPageLoadExtractor(
  db: Db,
  hostDoc: Document,
  now: () => number = Date.now,
  yieldTurn: () => Promise<void> = nextTask,
) {
  let host: Promise<{ root: HTMLElement; destroy(): void }> | null = null;
  // One reader for the runner's life: the pages of a site share their stylesheets.
  const assets = createAssetReader(async () => db, gunzip);
  return {
    async extract(load: PageLoadRef, data: AuditData): Promise<PageFacts | null> {
      const chunks = (await getChunks(db, load.chunkIds)).filter((c) => c.recorderId === load.recorderId);
      const mark = await db.get('recorders', load.recorderId);
      chunks.sort((a, b) => a.seqFrom - b.seqFrom);
      const segment = {
        recorderId: load.recorderId,
        tabId: load.tabId,
        url: mark?.url ?? '',
        startedAt: mark?.startedAt ?? chunks[0]?.firstTs ?? 0,
        chunks,
        steps: [],
      };
      const decoded = await decodeSegment(segment, gunzip, assets);
      if (decoded.events.length === 0) return null;
      await yieldTurn();
      const w = data.walks.find((x) => x.walk.id === load.walkId);
      // A single-page app's in-page navigations stay in one page load: the last URL it reached.
      const steps = (w?.steps ?? []).filter((s) => s.recorderId === load.recorderId && s.url);
      const url = steps.at(-1)?.url ?? segment.url;
      host ??= createRebuildHost(hostDoc);
      const page = rebuildPage(decoded.events, (await host).root);
      try {
        await yieldTurn();
        const reading = extractPageSteps(
          page.doc,
          page.view,
          {
            auditId: data.audit.id,
            walkId: load.walkId,
            recorderId: load.recorderId,
            tabId: load.tabId,
            touchpointId: bestTouchpoint(url, data.touchpoints)?.id ?? null,
            url,
            at: decoded.lastTs,
            country: walkCountry(data, load.walkId),
            privacy: data.audit.privacy,
            structuredData: mark?.structuredData?.blocks ?? [],
          },
          now(),
        );
        return await runSliced(reading, yieldTurn);
      } finally {
        page.destroy();
      }
    },
    /** Removes the host frame (the panel is closing). */
    async destroy(): Promise<void> {
      const h = host;
      host = null;
      const made = h === null ? null : await h.catch(() => null);
      made?.destroy();
    },
  };
}
