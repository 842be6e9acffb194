import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import { buildAuditExport, exportAuditData, exportFileName } from '@/lib/export/build-export';
import { exportJsonBlob, macrotask } from '@/components/panel/model/json-blob';
import type { Audit, DataChanged } from '@/lib/model';
import type { AuditData } from '@/lib/read/audit-data';
import { categoriesFromLines, defaultCategories } from '@/components/panel/model/categories';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';

export interface AuditActionDeps {
  db: Db;
  env: Pick<PanelEnv, 'download' | 'send' | 'now'>;
  /** The current audit. */
  audit: ReadonlySignal<Audit | null>;
  /** The current audit's read model: what the export writes (chunks and screenshots read by id). */
  data: ReadonlySignal<AuditData | null>;
  /** The panel's status line (a screen reader's confirmation). */
  status: Signal<Message | null>;
  /** The worker's answer, applied at once to what the panel holds (its notice follows). */
  applyLocal: (notice: DataChanged) => void;
}

/** What the panel does to the current audit as a whole: its friction categories and its export. */
export function createAuditActions({ db, env, audit, data, status, applyLocal }: AuditActionDeps) {
  const categoriesError = signal<Message | null>(null);
  const exportError = signal<Message | null>(null);
  const exporting = signal(false);
  async function setCategories(auditId: string, categories: Audit['categories']): Promise<void> {
    const saved = await env.send('audit/set-categories', { auditId, categories });
    applyLocal({ auditId, changes: [{ store: 'audits', op: 'put', value: saved }] });
  }
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
        await setCategories(current.id, categories);
        status.value = msg('categoriesSaved');
      } catch (e) {
        categoriesError.value = msg('saveFailed', errorText(e));
      }
    },
    async resetCategories(): Promise<void> {
      const current = audit.value;
      if (!current) return;
      categoriesError.value = null;
      try {
        await setCategories(current.id, defaultCategories());
        status.value = msg('categoriesSaved');
      } catch (e) {
        categoriesError.value = msg('saveFailed', errorText(e));
      }
    },

    async exportAudit(): Promise<void> {
      const id = audit.value?.id;
      if (!id || exporting.value) return;
      // The model the panel shows, unless it is still being read.
      const held = data.value?.audit.id === id ? data.value : null;
      exporting.value = true;
      exportError.value = null;
      status.value = null;
      try {
        const exp = held ? await exportAuditData(db, held, env.now()) : await buildAuditExport(db, id, env.now());
        const fileName = exportFileName(exp);
        env.download(fileName, await exportJsonBlob(exp, { yieldNow: macrotask }));
        status.value = msg('panelExported', fileName);
      } catch (e) {
        exportError.value = msg('panelExportFailed', errorText(e));
      } finally {
        exporting.value = false;
      }
    },
  };
}
