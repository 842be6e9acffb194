/**
 * The replay page's address: `#audit=<id>` for an audit's walks, `#walk=<id>` for a walk and
 * `#walk=<id>&step=<stepId>` for a walk seeked to a step, `#walk=<id>&tag=<tagId>` to a tag (the side panel links to these),
 * `#walk=<id>&at=<epoch ms>[&rec=<recorderId>]` to a moment of a page load (the consistency view's
 * evidence: where a value was read, which no step or tag marks). Step ids hold `:`, so values are URL-encoded.
 */
export interface ReplayRoute {
  auditId: string | null;
  walkId: string | null;
  stepId: string | null;
  /** A tag of the walk: the replay opens at the moment it was pinned. */
  tagId?: string | null;
  /** A recording time (epoch ms): the replay opens there; absent when the address has none. */
  at?: number;
  /** The page load (recorder) `at` is in; without it, the page loaded last before `at`. */
  recorderId?: string;
}

/** A recording time as the address writes it: whole, positive milliseconds, or nothing. */
function readAt(v: string | null): number | undefined {
  if (!v || !/^\d{1,16}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

export function parseReplayHash(hash: string): ReplayRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const get = (k: string) => params.get(k)?.trim() || null;
  const walkId = get('walk');
  const route: ReplayRoute = {
    auditId: walkId ? null : get('audit'),
    walkId,
    stepId: walkId ? get('step') : null,
    tagId: walkId ? get('tag') : null,
  };
  // Only present when asked for: a route without a moment reads as it always has.
  const at = walkId ? readAt(get('at')) : undefined;
  if (at !== undefined) {
    route.at = at;
    const rec = get('rec');
    if (rec) route.recorderId = rec;
  }
  return route;
}

export function replayHash(route: Partial<ReplayRoute>): string {
  const params = new URLSearchParams();
  if (route.walkId) {
    params.set('walk', route.walkId);
    if (route.stepId) params.set('step', route.stepId);
    if (route.tagId) params.set('tag', route.tagId);
    if (route.at !== undefined && route.at > 0) {
      params.set('at', String(Math.round(route.at)));
      if (route.recorderId) params.set('rec', route.recorderId);
    }
  } else if (route.auditId) {
    params.set('audit', route.auditId);
  }
  const s = params.toString();
  return s ? `#${s}` : '';
}
