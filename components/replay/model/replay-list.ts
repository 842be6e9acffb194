import { signal } from '@preact/signals';
import { listAudits } from '@/lib/read/audits';
import type { Db } from '@/lib/db/open-db';
import type { Audit } from '@/lib/model';
import { loadWalkRows, type WalkRow } from '@/lib/replay/load';

/** The replay page's lists: the audits, and the walks of the one shown (null while they are read). */
export function createReplayList(db: () => Promise<Db>) {
  const audits = signal<Audit[] | null>(null);
  const auditId = signal<string | null>(null);
  const walks = signal<WalkRow[] | null>(null);
  // Bumped with each audit chosen: a late answer for the previous one is dropped.
  let gen = 0;

  return {
    audits,
    auditId,
    walks,
    async loadAudits(): Promise<void> {
      audits.value = await listAudits(await db());
    },
    /** Lists an audit's walks: the one asked for if it exists, else the first audit's. */
    async selectAudit(id: string | null): Promise<void> {
      const all = audits.value ?? [];
      const chosen = all.find((a) => a.id === id) ?? all[0] ?? null;
      auditId.value = chosen?.id ?? null;
      if (!chosen) {
        walks.value = [];
        return;
      }
      const mine = ++gen;
      walks.value = null;
      const rows = await loadWalkRows(await db(), chosen.id);
      if (mine === gen) walks.value = rows;
    },
  };
}
