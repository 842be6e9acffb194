import { createAudit, deletePersona, savePersona, setAuditCategories } from '@/lib/db/audits';
import { t } from '@/lib/i18n';
import { activeWalk } from '@/lib/read/walks';
import type { CommandDeps, SomeHandlers } from '@/lib/worker/commands';

type AuditMessage = 'audit/create' | 'audit/set-categories' | 'persona/save' | 'persona/delete';

/** The panel's commands on audits and personas: each answers its result, then announces it. */
export function createAuditCommands({ db, now, announce }: CommandDeps): SomeHandlers<AuditMessage> {
  return {
    async 'audit/create'(input) {
      const audit = await createAudit(db, input, now());
      announce(audit.id, [{ store: 'audits', op: 'put', value: audit }]);
      return audit;
    },

    async 'audit/set-categories'({ auditId, categories }) {
      const audit = await setAuditCategories(db, auditId, categories);
      announce(audit.id, [{ store: 'audits', op: 'put', value: audit }]);
      return audit;
    },

    async 'persona/save'({ id, input }) {
      const persona = await savePersona(db, input, id, now());
      announce(persona.auditId, [{ store: 'personas', op: 'put', value: persona }]);
      return persona;
    },

    /** Refuses the persona of the walk being recorded: the walk would lose who it is walked as. */
    async 'persona/delete'({ id }) {
      const walking = await activeWalk(db);
      if (walking?.personaId === id) {
        const name = (await db.get('personas', id))?.name ?? '';
        throw new Error(t('panelErrorPersonaWalking', name));
      }
      const gone = await deletePersona(db, id);
      if (gone) announce(gone.auditId, [{ store: 'personas', op: 'delete', id }]);
      return null;
    },
  };
}
