import { expandAssets, MARK_IN_JSON, referencedAssets } from '@/lib/assets/refs';
import { type Chunk, type RecordedEvent, RecordedEvents } from '@/lib/model';
import type { AssetReader } from '@/lib/read/assets';
import type { Segment } from '@/lib/replay/segments';

/** rrweb's event types the replayer cannot start without. */
const META = 4;
const FULL_SNAPSHOT = 2;

/**
 * - `partial`: a chunk could not be read; the page plays up to it.
 * - `unreadable`: nothing playable could be read (the chunk holding the page's snapshot failed).
 * - `too-short`: everything was read but it holds no snapshot to rebuild the page from.
 */
export type SegmentProblem = 'partial' | 'unreadable' | 'too-short';

export interface DecodedSegment {
  events: RecordedEvent[];
  /** The first event's time: the player's zero. */
  firstTs: number;
  lastTs: number;
  problem: SegmentProblem | null;
}

/**
 * A chunk's events as rrweb recorded them: decompressed, checked, and each stylesheet stored once
 * per walk put back where it was (lib/assets/refs.ts). Rejects when a referenced text is missing.
 */
export async function readChunkEvents(
  chunk: Chunk,
  gunzip: (b: Uint8Array) => Promise<string>,
  assets?: AssetReader,
): Promise<RecordedEvent[]> {
  const text = await gunzip(chunk.data);
  const events = RecordedEvents.parse(JSON.parse(text));
  // Most chunks (every one after a page's first) reference nothing: no walk through their events.
  if (!text.includes(MARK_IN_JSON)) return events;
  const hashes = referencedAssets(events);
  expandAssets(events, hashes.length > 0 && assets ? await assets(chunk.walkId, hashes) : new Map());
  return events;
}

/**
 * Decompresses and checks a segment's chunks one by one, so one damaged chunk costs only what
 * follows it on that page: rrweb's incremental events refer to nodes made by earlier ones, so
 * events after a gap could rebuild a wrong page, and only the prefix before it is kept.
 */
export async function decodeSegment(
  segment: Segment,
  gunzip: (b: Uint8Array) => Promise<string>,
  assets?: AssetReader,
): Promise<DecodedSegment> {
  const parts = await Promise.allSettled(segment.chunks.map((c) => readChunkEvents(c, gunzip, assets)));
  const events: RecordedEvent[] = [];
  let failed = false;
  for (const part of parts) {
    if (part.status === 'rejected') {
      failed = true;
      break;
    }
    // A loop, not push(...part): a spread of a huge chunk would overflow the call stack.
    for (const e of part.value) events.push(e);
  }
  const playable =
    events.length >= 2 && events.some((e) => e.type === FULL_SNAPSHOT) && events.some((e) => e.type === META);
  const problem: SegmentProblem | null = !playable ? (failed ? 'unreadable' : 'too-short') : failed ? 'partial' : null;
  const firstTs = events[0]?.timestamp ?? segment.startedAt;
  const lastTs = events.reduce((max, e) => Math.max(max, e.timestamp), firstTs);
  return { events: playable ? events : [], firstTs, lastTs, problem };
}

/** The recorded viewport (rrweb's Meta event), to size the player like the page was seen. */
export function recordedViewport(events: readonly RecordedEvent[]): { width: number; height: number } | null {
  for (const e of events) {
    if (e.type !== META) continue;
    const d = e.data as { width?: unknown; height?: unknown } | null;
    if (typeof d?.width === 'number' && typeof d.height === 'number' && d.width > 0 && d.height > 0) {
      return { width: d.width, height: d.height };
    }
  }
  return null;
}
