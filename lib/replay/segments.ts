import type { Chunk, RecorderMark, Step } from '../model';

/** One page load in one tab: the unit the replayer plays (rrweb replays one document at a time). */
export interface Segment {
  recorderId: string;
  tabId: number;
  url: string;
  startedAt: number;
  chunks: Chunk[];
  steps: Step[];
}

/** Groups a walk's chunks and steps by recorder, in the order the pages were reached. */
export function toSegments(marks: RecorderMark[], chunks: Chunk[], steps: Step[]): Segment[] {
  const byId = new Map<string, Segment>();
  for (const m of marks) {
    byId.set(m.recorderId, { recorderId: m.recorderId, tabId: m.tabId, url: m.url, startedAt: m.startedAt, chunks: [], steps: [] });
  }
  for (const c of chunks) byId.get(c.recorderId)?.chunks.push(c);
  for (const s of steps) if (s.recorderId) byId.get(s.recorderId)?.steps.push(s);
  const segments = [...byId.values()].filter((s) => s.chunks.length > 0);
  for (const s of segments) s.chunks.sort((a, b) => a.seqFrom - b.seqFrom);
  return segments.sort((a, b) => a.startedAt - b.startedAt);
}

/** The decompressed events of a segment, in recording order. */
export async function segmentEvents<E = unknown>(segment: Segment, gunzip: (b: Uint8Array) => Promise<string>): Promise<E[]> {
  const parts = await Promise.all(segment.chunks.map(async (c) => JSON.parse(await gunzip(c.data)) as E[]));
  return parts.flat();
}
