import { getAudit } from '@/lib/read/audits';
import { activeWalk } from '@/lib/read/walks';
import type { Step, Walk } from '@/lib/model';
import { hostAccessToRelease, onAuditedSite, siteOf } from '@/lib/walk/site';
import type { WalkEnv } from '@/lib/walk/walk-env';

type GuardEnv = Pick<WalkEnv, 'db' | 'announce' | 'awayTabs' | 'installTimeHosts' | 'releaseHostAccess'>;

/**
 * Keeps a walk to its audit's origins: which walk tabs are off them (one left-site step per
 * departure), and the host access given back when a walk ends.
 */
export function createSiteGuard(env: GuardEnv, leftStep: (walk: Walk, tabId: number, origin: string) => Promise<Step>) {
  const { db } = env;
  // The tab events that read and write the list of tabs off the site run one at a time, or a
  // departure and a return racing could both miss (or both add) the left-site step.
  let placing: Promise<unknown> = Promise.resolve();

  return {
    /**
     * Notes where a walk tab's page is and says whether it is on the audit's origins: a page off
     * them adds one left-site step per departure (its origin only) and is not recorded; coming
     * back clears the note. An unknown page (empty URL, about:blank) is neither, and is not recorded.
     */
    place(walk: Walk, tabId: number, url: string): Promise<boolean> {
      const run = placing.then(async () => {
        const origin = siteOf(url);
        if (origin === null) return false;
        const audit = await getAudit(db, walk.auditId);
        const away = await env.awayTabs.get();
        if (audit && onAuditedSite(audit.origins, url)) {
          if (away.includes(tabId)) await env.awayTabs.set(away.filter((t) => t !== tabId));
          return true;
        }
        if (!away.includes(tabId)) {
          await env.awayTabs.set([...away, tabId]);
          env.announce(walk.auditId, [{ store: 'steps', op: 'put', value: await leftStep(walk, tabId, origin) }]);
        }
        return false;
      });
      placing = run.catch(() => undefined);
      return run;
    },

    /** The origin of a page off the walk's audited site (what its steps may name), or null. */
    async elsewhere(walk: Walk, url: string): Promise<string | null> {
      const audit = await getAudit(db, walk.auditId);
      return url && !onAuditedSite(audit?.origins ?? [], url) ? siteOf(url) : null;
    },

    /** A new walk: no tab is off the site. */
    reset: () => env.awayTabs.set([]),

    /** A walk tab closed: it is off no site any more. */
    forget(tabId: number): Promise<void> {
      const run = placing.then(async () => {
        const away = await env.awayTabs.get();
        if (away.includes(tabId)) await env.awayTabs.set(away.filter((t) => t !== tabId));
      });
      placing = run.catch(() => undefined);
      return run;
    },

    /**
     * A walk has ended: the host access the panel asked for at its start goes back, unless an
     * active walk still needs it. The panel asks again at the next start.
     */
    async releaseHostAccess(ended: Walk | null | undefined): Promise<void> {
      if (ended?.status !== 'ended') return;
      const audit = await getAudit(db, ended.auditId);
      const active = await activeWalk(db);
      const other = active && active.id !== ended.id ? await getAudit(db, active.auditId) : undefined;
      const patterns = hostAccessToRelease(audit?.origins ?? [], other?.origins ?? [], env.installTimeHosts);
      if (patterns.length > 0) await env.releaseHostAccess(patterns).catch(() => undefined);
    },
  };
}
