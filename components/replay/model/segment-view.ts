import { batch, signal } from '@preact/signals';
import type { DecodedSegment, SegmentProblem } from '@/lib/replay/decode';
import { createSegmentReader, type SegmentReader } from '@/lib/replay/segment-reader';
import type { AssetReader } from '@/lib/read/assets';
import type { Segment } from '@/lib/replay/segments';

export interface ShownSegment extends DecodedSegment {
  index: number;
}

/** The open walk's pages: the one in the player, and the damage found in any of them. */
export function createSegmentView(gunzip: (bytes: Uint8Array) => Promise<string>, assets?: AssetReader) {
  /** The page in the player, -1 before one is chosen. */
  const segmentIndex = signal(-1);
  /** The decoded page in the player, or null while it is read. */
  const shown = signal<ShownSegment | null>(null);
  /** Damage found in the walk's pages, by segment index, filled as they are read. */
  const damaged = signal<ReadonlyMap<number, SegmentProblem>>(new Map());
  let reader: SegmentReader | null = null;
  let count = 0;
  // Bumped with each walk loaded: a page read for the previous one is dropped.
  let gen = 0;

  function noteDamage(i: number, d: DecodedSegment) {
    if (d.problem && damaged.value.get(i) !== d.problem) damaged.value = new Map(damaged.value).set(i, d.problem);
  }

  /** Reads every page once in the background, so damage shows before the auditor gets there. */
  async function scanForDamage(mine: number, from: number, to: number) {
    for (let i = from; i < to && mine === gen; i++) {
      const d = await reader?.check(i);
      if (d && mine === gen) noteDamage(i, d);
    }
  }

  return {
    segmentIndex,
    shown,
    damaged,
    /** Shows the pages of another walk (none: null), from no page chosen; starts the damage scan. */
    load(segments: readonly Segment[] | null): void {
      gen++;
      reader = segments ? createSegmentReader(segments, gunzip, assets) : null;
      segmentIndex.value = -1;
      shown.value = null;
      damaged.value = new Map();
      count = segments?.length ?? 0;
      if (segments) void scanForDamage(gen, 0, count);
    },
    /**
     * The same walk's pages, grown while it is recorded: the page in the player stays, new pages
     * are checked for damage. Pages read before are read again when next shown (they may have grown).
     */
    update(segments: readonly Segment[]): void {
      if (!reader) return;
      reader = createSegmentReader(segments, gunzip, assets);
      const before = count;
      count = segments.length;
      if (count > before) void scanForDamage(gen, before, count);
    },
    /** Puts page `i` in the player; null when another page or walk was chosen meanwhile. */
    async show(i: number): Promise<ShownSegment | null> {
      if (segmentIndex.value === i && shown.value?.index === i) return shown.value;
      const reading = reader?.read(i);
      if (!reading) return null;
      const mine = gen;
      batch(() => {
        segmentIndex.value = i;
        shown.value = null;
      });
      const d = await reading;
      // The auditor may have moved on (another page, another walk) while this one was read.
      if (mine !== gen || segmentIndex.value !== i) return null;
      noteDamage(i, d);
      shown.value = { ...d, index: i };
      return shown.value;
    },
  };
}
