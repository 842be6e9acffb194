import type { Chunk, RecorderMark, Step } from '@/lib/model';

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
    byId.set(m.recorderId, {
      recorderId: m.recorderId,
      tabId: m.tabId,
      url: m.url,
      startedAt: m.startedAt,
      chunks: [],
      steps: [],
    });
  }
  for (const c of chunks) {
    // The mark is written in the chunk's own transaction, but an imported or hand-repaired walk
    // may lack it: the chunk still says which tab and when, so its page stays playable.
    let segment = byId.get(c.recorderId);
    if (!segment) {
      segment = { recorderId: c.recorderId, tabId: c.tabId, url: '', startedAt: c.firstTs, chunks: [], steps: [] };
      byId.set(c.recorderId, segment);
    }
    segment.chunks.push(c);
  }
  for (const s of steps) if (s.recorderId) byId.get(s.recorderId)?.steps.push(s);
  const segments = [...byId.values()].filter((s) => s.chunks.length > 0);
  for (const s of segments) {
    s.chunks.sort((a, b) => a.seqFrom - b.seqFrom);
    s.steps.sort((a, b) => a.at - b.at);
    if (!s.url) s.url = s.steps[0]?.url ?? '';
  }
  return segments.sort((a, b) => a.startedAt - b.startedAt || a.recorderId.localeCompare(b.recorderId));
}
