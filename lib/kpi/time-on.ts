import type { Step } from '@/lib/model';

/**
 * Time spent on each touchpoint: in each tab, from a page visit to the next visit in that tab, the
 * tab's closing, its leaving the audited site, or the walk's end. Tabs open side by side each count their own time.
 */
export function timeOnTouchpoints(
  steps: readonly Step[],
  touchpointOf: (url: string) => string | undefined,
  end: number,
): Map<string, number> {
  const byTab = new Map<number, Step[]>();
  for (const s of steps) {
    const list = byTab.get(s.tabId) ?? [];
    list.push(s);
    byTab.set(s.tabId, list);
  }
  const time = new Map<string, number>();
  for (const list of byTab.values()) {
    list.sort((a, b) => a.at - b.at);
    let current: { tp: string | undefined; since: number } | null = null;
    const close = (at: number) => {
      if (current?.tp) time.set(current.tp, (time.get(current.tp) ?? 0) + Math.max(0, at - current.since));
      current = null;
    };
    for (const s of list) {
      if (s.kind === 'visit') {
        close(s.at);
        current = { tp: touchpointOf(s.url), since: s.at };
      } else if (s.kind === 'tab-closed' || s.kind === 'left-site') {
        close(s.at);
      }
    }
    close(Math.max(end, current?.since ?? end));
  }
  return time;
}
