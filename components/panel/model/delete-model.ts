import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import type { Audit, DataChanged, Walk } from '@/lib/model';
import { type AuditData, findWalk } from '@/lib/read/audit-data';
import { type Removal, removalOf } from '@/lib/read/removal';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';

/** A delete the auditor asked for and has not confirmed yet, with what it would remove. */
export type PendingDelete =
  | { kind: 'walk'; walk: Walk; removal: Removal }
  | { kind: 'audit'; audit: Audit; removal: Removal };

export interface DeleteDeps {
  db: Db;
  send: PanelEnv['send'];
  /** The current audit's read model: the walks, their tags, what they weigh. */
  data: ReadonlySignal<AuditData | null>;
  /** The walk being recorded, whose audit may not be deleted under it. */
  activeWalk: () => Walk | null;
  status: Signal<Message | null>;
  /** The worker's answer, applied at once to what the panel holds (its notice follows). */
  applyLocal: (notice: DataChanged) => void;
}

/** Deleting a past walk or the current audit: ask (with what goes), then confirm or cancel. */
export function createDeletes(deps: DeleteDeps) {
  const pending = signal<PendingDelete | null>(null);
  /** Why the last ask or delete failed, by what it was of (shown beside its button). */
  const error = signal<{ of: 'walk' | 'audit'; message: Message } | null>(null);
  const busy = signal(false);
  let asking = 0;

  async function ask(of: 'walk' | 'audit', make: () => Promise<PendingDelete | Message>): Promise<void> {
    const mine = ++asking;
    error.value = null;
    try {
      const next = await make();
      if (mine !== asking) return;
      if ('key' in next) error.value = { of, message: next };
      else pending.value = next;
    } catch (e) {
      if (mine === asking) error.value = { of, message: msg('deleteFailed', errorText(e)) };
    }
  }

  return {
    pending,
    error,
    busy,
    /** Asks to delete one of the current audit's walks; the walk being recorded is refused. */
    askWalk(walkId: string): Promise<void> {
      return ask('walk', async () => {
        const held = findWalk(deps.data.value, walkId);
        if (!held) return msg('deleteFailed', walkId);
        if (held.walk.status !== 'ended') return msg('deleteErrorWalkRecording');
        return { kind: 'walk', walk: held.walk, removal: await removalOf(deps.db, [held]) };
      });
    },
    /** Asks to delete the current audit with all its walks; refused while one of them records. */
    askAudit(): Promise<void> {
      return ask('audit', async () => {
        const data = deps.data.value;
        if (!data) return msg('deleteFailed', '');
        if (deps.activeWalk()?.auditId === data.audit.id) return msg('deleteErrorAuditRecording');
        return { kind: 'audit', audit: data.audit, removal: await removalOf(deps.db, data.walks) };
      });
    },
    cancel(): void {
      asking++;
      pending.value = null;
    },
    async confirm(): Promise<boolean> {
      const p = pending.value;
      if (!p || busy.value) return false;
      busy.value = true;
      error.value = null;
      try {
        if (p.kind === 'walk') {
          await deps.send('walk/delete', { walkId: p.walk.id });
          deps.applyLocal({ auditId: p.walk.auditId, changes: [{ store: 'walks', op: 'delete', id: p.walk.id }] });
          deps.status.value = msg('deleteWalkDone');
        } else {
          await deps.send('audit/delete', { auditId: p.audit.id });
          deps.applyLocal({ auditId: p.audit.id, changes: [{ store: 'audits', op: 'delete', id: p.audit.id }] });
          deps.status.value = msg('deleteAuditDone', p.audit.name);
        }
        return true;
      } catch (e) {
        error.value = { of: p.kind, message: msg('deleteFailed', errorText(e)) };
        return false;
      } finally {
        pending.value = null;
        busy.value = false;
      }
    },
  };
}

export type DeletesModel = ReturnType<typeof createDeletes>;
