import { computed, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import type { Audit, DataChanged } from '@/lib/model';
import { type AuditFeed, createAuditFeed } from '@/lib/read/audit-feed';
import type { AuditData } from '@/lib/read/audit-data';
import { listAudits } from '@/lib/read/audits';
import { walkRows } from '@/lib/replay/load';

/** Newest first, as listAudits gives them. */
function putAudit(list: Audit[], a: Audit): Audit[] {
  return [...list.filter((x) => x.id !== a.id), a].sort((x, y) => y.createdAt - x.createdAt);
}

/**
 * The replay page's data: the audits, and the read model of the one shown (its walk list, and the
 * open walk's steps and tags), kept current by the worker's notices. The page never writes.
 */
export function createReplayList(db: () => Promise<Db>) {
  const audits = signal<Audit[] | null>(null);
  const auditId = signal<string | null>(null);
  /** The read model of the audit shown; null while it is read. */
  const data = signal<AuditData | null>(null);
  const loading = signal(false);
  let feed: Promise<AuditFeed> | null = null;
  /** The feed once made: notices are applied at once, in the order they came. */
  let made: AuditFeed | null = null;
  const feedOf = () =>
    (feed ??= db().then((d) => {
      made = createAuditFeed(d, (next) => {
        data.value = next;
      });
      return made;
    }));
  /** The walks of the audit shown, newest first; null while they are read. */
  const walks = computed(() => {
    const d = data.value;
    if (!auditId.value) return [];
    return loading.value || d?.audit.id !== auditId.value ? null : walkRows(d);
  });

  /** Reads audit `id` into the read model unless it holds it already (`fresh`: read it again). */
  async function show(id: string, fresh = false): Promise<void> {
    auditId.value = id;
    const f = await feedOf();
    if (f.auditId === id && f.data && !fresh) return;
    loading.value = true;
    try {
      await f.show(id, fresh);
    } finally {
      if (auditId.value === id) loading.value = false;
    }
  }

  return {
    audits,
    auditId,
    walks,
    data,
    show,
    async loadAudits(): Promise<void> {
      audits.value = await listAudits(await db());
    },
    /** Lists an audit's walks: the one asked for if it exists, else the first audit's. */
    async selectAudit(id: string | null): Promise<void> {
      const all = audits.value ?? [];
      const chosen = all.find((a) => a.id === id) ?? all[0] ?? null;
      if (!chosen) {
        auditId.value = null;
        return;
      }
      await show(chosen.id);
    },
    /** A `data/changed` notice: audits made or renamed anywhere, and the shown audit's records. */
    apply(notice: DataChanged): void {
      for (const c of notice.changes) {
        if (c.store !== 'audits' || !audits.value) continue;
        audits.value = c.op === 'put' ? putAudit(audits.value, c.value) : audits.value.filter((a) => a.id !== c.id);
      }
      // Before the feed exists nothing is shown, and the first read will see this change.
      made?.apply(notice);
    },
  };
}

export type ReplayList = ReturnType<typeof createReplayList>;
