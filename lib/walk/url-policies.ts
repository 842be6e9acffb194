import type { Db } from '@/lib/db/open-db';
import type { Walk } from '@/lib/model';
import { walkPolicy, type UrlPolicy } from '@/lib/privacy/url-policy';
import { getAudit } from '@/lib/read/audits';
import { getWalk } from '@/lib/read/walks';

/**
 * The URL policy of a walk, as the worker applies it to what arrives (lib/privacy/url-policy.ts):
 * its audit's kept parameters (fixed when the audit is created, so read once per walk) and the
 * walk's typed parameters (they grow during the walk, so read each time).
 */
export function createUrlPolicies(db: Db) {
  const kept = new Map<string, readonly string[]>();
  async function forWalk(walk: Walk): Promise<UrlPolicy> {
    let keep = kept.get(walk.id);
    if (keep === undefined) {
      keep = walkPolicy(await getAudit(db, walk.auditId), walk).keep ?? [];
      kept.set(walk.id, keep);
    }
    return { keep, typed: walk.typedParams ?? [] };
  }
  return {
    forWalk,
    /** By id; a walk that does not exist gets the default policy (its batch is refused anyway). */
    async forWalkId(walkId: string): Promise<UrlPolicy> {
      const walk = await getWalk(db, walkId);
      return walk ? forWalk(walk) : {};
    },
  };
}

export type UrlPolicies = ReturnType<typeof createUrlPolicies>;
