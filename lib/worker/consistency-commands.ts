import { decide, putPageFacts, undoDecision } from '@/lib/db/facts';
import type { CommandDeps, SomeHandlers } from '@/lib/worker/commands';

type ConsistencyMessage = 'facts/put' | 'consistency/decide' | 'consistency/undo';

/**
 * Consistency (issue 12): the facts the panel read from a recorded page load (lib/facts), and the
 * auditor's decisions on divergences. Each commits in one transaction and announces what it
 * committed, so every open view's comparison follows.
 */
export function createConsistencyCommands({
  db,
  now,
  announce,
  ids = () => crypto.randomUUID(),
}: CommandDeps & { ids?: () => string }): SomeHandlers<ConsistencyMessage> {
  return {
    async 'facts/put'(record) {
      const stored = await putPageFacts(db, record);
      announce(stored.auditId, [{ store: 'facts', op: 'put', value: stored }]);
      return null;
    },

    async 'consistency/decide'(req) {
      const { decision, changes } = await decide(db, req, now(), ids);
      announce(req.auditId, changes);
      return decision;
    },

    async 'consistency/undo'({ auditId, key }) {
      announce(auditId, await undoDecision(db, auditId, key));
      return null;
    },
  };
}
