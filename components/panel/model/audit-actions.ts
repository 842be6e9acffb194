import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { setAuditCategories } from '@/lib/db/audits';
import type { Db } from '@/lib/db/open-db';
import { buildAuditExport, exportFileName } from '@/lib/export/build-export';
import type { Audit } from '@/lib/model';
import { categoriesFromLines, defaultCategories } from '@/components/panel/model/categories';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';

export interface AuditActionDeps {
  db: Db;
  env: Pick<PanelEnv, 'download'>;
  /** The current audit. */
  audit: ReadonlySignal<Audit | null>;
  /** The panel's status line (a screen reader's confirmation). */
  status: Signal<Message | null>;
  /** Re-reads the audits after one changed. */
  reloadAudits: () => Promise<void>;
}

/** What the panel does to the current audit as a whole: its friction categories and its export. */
export function createAuditActions({ db, env, audit, status, reloadAudits }: AuditActionDeps) {
  const categoriesError = signal<Message | null>(null);
  const exportError = signal<Message | null>(null);
  const exporting = signal(false);
  return {
    exportError,
    exporting,
    categoriesError,
    /**
     * Saves the current audit's friction categories from the editor's lines. `shown` names a
     * category as the editor showed it (translated defaults), so an unchanged line keeps its id.
     */
    async saveCategories(text: string, shown?: (c: Audit['categories'][number]) => string): Promise<void> {
      const current = audit.value;
      if (!current) return;
      categoriesError.value = null;
      const categories = categoriesFromLines(text, current.categories, shown);
      if (!categories) {
        categoriesError.value = msg('categoriesEmpty');
        return;
      }
      try {
        await setAuditCategories(db, current.id, categories);
        await reloadAudits();
        status.value = msg('categoriesSaved');
      } catch (e) {
        categoriesError.value = msg('panelErrorSave', errorText(e));
      }
    },
    async resetCategories(): Promise<void> {
      const current = audit.value;
      if (!current) return;
      await setAuditCategories(db, current.id, defaultCategories());
      await reloadAudits();
      status.value = msg('categoriesSaved');
    },

    async exportAudit(): Promise<void> {
      const id = audit.value?.id;
      if (!id || exporting.value) return;
      exporting.value = true;
      exportError.value = null;
      status.value = null;
      try {
        const exp = await buildAuditExport(db, id);
        const fileName = exportFileName(exp);
        env.download(fileName, JSON.stringify(exp));
        status.value = msg('panelExported', fileName);
      } catch (e) {
        exportError.value = msg('panelExportFailed', errorText(e));
      } finally {
        exporting.value = false;
      }
    },
  };
}
