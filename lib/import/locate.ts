import type { AuditExport } from '@/lib/model/export';
import type { ImportStore } from '@/lib/model/import';
import { formatPath } from '@/lib/import/issue';

type Keyed = { id: string };

/**
 * Where a record came from in the file, for a refusal that names it (`walks[1].tags[4].id`); the
 * store's name when the record is one the import derived (a score moved to a local touchpoint).
 */
export function locate(file: AuditExport, store: ImportStore, id: string): string {
  if (store === 'audits') return 'audit.id';
  if (store === 'personas' || store === 'touchpoints' || store === 'decisions') {
    const at = (file[store] as Keyed[]).findIndex((r) => r.id === id);
    return at === -1 ? store : formatPath([store, at, 'id']);
  }
  for (const [i, w] of file.walks.entries()) {
    if (store === 'walks') {
      if (w.id === id) return formatPath(['walks', i, 'id']);
      continue;
    }
    if (store === 'chunks' || store === 'assets' || store === 'screenshots') continue;
    const at = (w[store] as Keyed[]).findIndex((r) => r.id === id);
    if (at !== -1) return formatPath(['walks', i, store, at, 'id']);
  }
  return store;
}
