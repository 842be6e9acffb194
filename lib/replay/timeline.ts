import type { Step } from '@/lib/model';
import type { Segment } from '@/lib/replay/segments';

/**
 * Where a step is in the replay: which segment (page load) holds it. A step of a page belongs to
 * its recorder's segment. Tab events (opened, closed) have no recorder: they go to the first page
 * that starts at or after them (the page the opened tab loads, or where the persona went next),
 * and a tab closed after the last page began goes to that last page. -1 when nothing is playable.
 */
export function segmentIndexOfStep(segments: readonly Segment[], step: Step): number {
  if (step.recorderId) return segments.findIndex((s) => s.recorderId === step.recorderId);
  if (segments.length === 0) return -1;
  const next = segments.findIndex((s) => s.startedAt >= step.at);
  return next >= 0 ? next : segments.length - 1;
}

/**
 * The player's time for an absolute timestamp. rrweb-player counts from the segment's first
 * event; a step outside the recording (a tab event just before the page began) clamps to its ends.
 */
export function playerOffset(at: number, firstTs: number, lastTs: number): number {
  return Math.min(Math.max(0, at - firstTs), Math.max(0, lastTs - firstTs));
}

/** The step the replay is at: the segment's last step at or before the time, or null before the first. */
export function stepAtTime(steps: readonly Step[], at: number): Step | null {
  let current: Step | null = null;
  for (const s of steps) {
    if (s.at > at) break;
    current = s;
  }
  return current;
}

/** What to call a segment: its page's title when a step saw one, else its URL. */
export function segmentTitle(segment: Segment): string {
  const titled = segment.steps.find((s) => s.title.trim() !== '');
  return titled?.title.trim() || segment.url;
}

/**
 * The tab's number as the auditor saw it: 1 for the walk's first tab, 2 for the next it opened.
 * Chrome's tab ids are meaningless to a reader.
 */
export function tabNumber(tabIds: readonly number[], segments: readonly Segment[], tabId: number): number {
  const i = tabIds.indexOf(tabId);
  if (i >= 0) return i + 1;
  const extra = [...new Set(segments.map((s) => s.tabId))].filter((t) => !tabIds.includes(t));
  return tabIds.length + extra.indexOf(tabId) + 1;
}
