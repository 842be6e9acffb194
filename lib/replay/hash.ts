/**
 * The replay page's address: `#audit=<id>` for an audit's walks, `#walk=<id>` for a walk and
 * `#walk=<id>&step=<stepId>` for a walk seeked to a step, `#walk=<id>&tag=<tagId>` to a tag (the side panel links to these). Step ids
 * hold `:`, so values are URL-encoded.
 */
export interface ReplayRoute {
  auditId: string | null;
  walkId: string | null;
  stepId: string | null;
  /** A tag of the walk: the replay opens at the moment it was pinned. */
  tagId?: string | null;
}

export function parseReplayHash(hash: string): ReplayRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const get = (k: string) => params.get(k)?.trim() || null;
  const walkId = get('walk');
  return {
    auditId: walkId ? null : get('audit'),
    walkId,
    stepId: walkId ? get('step') : null,
    tagId: walkId ? get('tag') : null,
  };
}

export function replayHash(route: Partial<ReplayRoute>): string {
  const params = new URLSearchParams();
  if (route.walkId) {
    params.set('walk', route.walkId);
    if (route.stepId) params.set('step', route.stepId);
    if (route.tagId) params.set('tag', route.tagId);
  } else if (route.auditId) {
    params.set('audit', route.auditId);
  }
  const s = params.toString();
  return s ? `#${s}` : '';
}
