import { type DecodedSegment, decodeSegment } from '@/lib/replay/decode';
import type { AssetReader } from '@/lib/read/assets';
import type { Segment } from '@/lib/replay/segments';

/** Decoded pages kept in memory: enough to flip back and forth, not a whole long walk. */
const KEEP = 3;

/**
 * Reads one walk's pages for the player, keeping the last few decoded. Decoding never rejects:
 * damage comes back as the result's `problem`.
 */
export function createSegmentReader(
  segments: readonly Segment[],
  gunzip: (bytes: Uint8Array) => Promise<string>,
  assets?: AssetReader,
  keep = KEEP,
) {
  const cache = new Map<number, Promise<DecodedSegment>>();
  return {
    read(i: number): Promise<DecodedSegment> | null {
      const segment = segments[i];
      if (!segment) return null;
      let p = cache.get(i);
      if (p) {
        // Re-insert: Map keeps insertion order, so the oldest read is first to go.
        cache.delete(i);
      } else {
        p = decodeSegment(segment, gunzip, assets);
      }
      cache.set(i, p);
      for (const key of cache.keys()) if (cache.size > keep) cache.delete(key);
      return p;
    },
    /** Reads a page only to learn whether it is damaged, without evicting what the player uses. */
    check(i: number): Promise<DecodedSegment> | null {
      const segment = segments[i];
      if (!segment) return null;
      return cache.get(i) ?? decodeSegment(segment, gunzip, assets);
    },
  };
}

export type SegmentReader = ReturnType<typeof createSegmentReader>;
