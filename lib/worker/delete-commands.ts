import { deleteAudit, deleteWalk, sweepOrphanFacts, sweepOrphanScreenshots } from '@/lib/db/delete';
import type { Db } from '@/lib/db/open-db';
import { t } from '@/lib/i18n';
import type { CommandDeps, SomeHandlers } from '@/lib/worker/commands';

type DeleteMessage = 'walk/delete' | 'audit/delete';

/**
 * The panel's deletes: a walk, or an audit with all its walks. Each is one transaction, refused
 * while the walk (or a walk of the audit) is being recorded, and announced as one delete: views
 * drop the walk (or the audit) with everything they hold of it. Deleting what is already gone is
 * no error: another panel may have deleted it a moment before.
 */
export function createDeleteCommands({ db, announce }: CommandDeps): SomeHandlers<DeleteMessage> {
  return {
    async 'walk/delete'({ walkId }) {
      const r = await deleteWalk(db, walkId);
      if (r.kind === 'recording') throw new Error(t('deleteErrorWalkRecording'));
      if (r.kind === 'deleted') announce(r.value.auditId, [{ store: 'walks', op: 'delete', id: walkId }]);
      return null;
    },

    async 'audit/delete'({ auditId }) {
      const r = await deleteAudit(db, auditId);
      if (r.kind === 'recording') throw new Error(t('deleteErrorAuditRecording'));
      if (r.kind === 'deleted') announce(auditId, [{ store: 'audits', op: 'delete', id: auditId }]);
      return null;
    },
  };
}

/**
 * Collects the screenshots no tag holds (`sweepOrphanScreenshots`), and facts and decisions whose
 * walk or audit is gone (`sweepOrphanFacts`): run as the worker starts and after a walk ends. A
 * failure is logged, never thrown: it only delays freeing the space. Answers the screenshots freed.
 */
export async function collectOrphanScreenshots(db: Db): Promise<number> {
  try {
    await sweepOrphanFacts(db);
  } catch (e) {
    console.warn('Touchpoint could not collect orphan facts:', e instanceof Error ? e.message : String(e));
  }
  try {
    return (await sweepOrphanScreenshots(db)).length;
  } catch (e) {
    console.warn('Touchpoint could not collect unused screenshots:', e instanceof Error ? e.message : String(e));
    return 0;
  }
}
