import type { Db } from '@/lib/db/open-db';
import type { DataChanged } from '@/lib/model';
import { applyChanges } from '@/lib/read/apply-changes';
import { type AuditData, loadAudit } from '@/lib/read/audit-data';

/**
 * One page's copy of one audit's read model, kept current: `show` reads the audit once, `apply`
 * takes every `data/changed` notice. Notices that arrive while the audit is read are held and
 * applied after it (applying a change the read already saw changes nothing), so a page that
 * listens before it reads never misses one. `onData` hears every new model.
 */
export function createAuditFeed(db: Db, onData: (data: AuditData | null) => void) {
  let data: AuditData | null = null;
  let shownId: string | null = null;
  /** Notices for the audit being read; null when no read is under way. */
  let held: DataChanged[] | null = null;
  /** The read under way, which a second `show` of the same audit waits for instead of reading again. */
  let reading: Promise<AuditData | null> | null = null;
  let gen = 0;

  function set(next: AuditData | null) {
    if (next === data) return;
    data = next;
    onData(next);
  }

  return {
    get data(): AuditData | null {
      return data;
    },
    get auditId(): string | null {
      return shownId;
    },
    /** Reads audit `id` (or none) and makes it the one kept current; `fresh` reads it again. */
    show(id: string | null, fresh = false): Promise<AuditData | null> {
      if (id === shownId && reading && !fresh) return reading;
      const mine = ++gen;
      shownId = id;
      if (!id) {
        held = null;
        reading = null;
        set(null);
        return Promise.resolve(null);
      }
      held = [];
      const read = (async () => {
        try {
          const loaded = await loadAudit(db, id);
          if (mine !== gen) return data;
          let next = loaded;
          for (const n of held ?? []) next = next && applyChanges(next, n);
          set(next);
          return next;
        } finally {
          if (mine === gen) {
            held = null;
            reading = null;
          }
        }
      })();
      reading = read;
      return read;
    },
    apply(notice: DataChanged): void {
      if (notice.auditId !== shownId) return;
      if (held) held.push(notice);
      else if (data) set(applyChanges(data, notice));
    },
  };
}

export type AuditFeed = ReturnType<typeof createAuditFeed>;
