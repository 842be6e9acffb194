import type { ReadonlySignal, Signal } from '@preact/signals';
import type { Divergence, Place } from '@/lib/consistency/divergence';
import type { Anchor, DataChanged } from '@/lib/model';
import type { AuditData } from '@/lib/read/audit-data';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';

export interface ConsistencyCommandDeps {
  env: Pick<PanelEnv, 'send'>;
  data: ReadonlySignal<AuditData | null>;
  error: Signal<Message | null>;
  status: Signal<Message | null>;
  busy: Signal<boolean>;
  applyLocal: (notice: DataChanged) => void;
}

/** The place a confirmation's tag goes on: a page's element, since a tag is pinned to one. */
export function taggablePlace(place: Place | null): { factsId: string; anchor: Anchor } | null {
  if (place?.type !== 'page' || !place.anchor) return null;
  return { factsId: place.factsId, anchor: place.anchor };
}

/**
 * The auditor's decisions on divergences, each a command to the worker (the only writer): a
 * confirmation (a friction tag of category "inconsistency" on the place named), a dismissal, and
 * undoing either. The answer is applied at once; the worker's notice brings the tag.
 */
export function createConsistencyCommands(deps: ConsistencyCommandDeps) {
  const { env, data, error, status, busy } = deps;

  async function run(done: Message, work: (auditId: string) => Promise<DataChanged['changes']>): Promise<boolean> {
    const auditId = data.value?.audit.id;
    if (!auditId || busy.value) return false;
    busy.value = true;
    error.value = null;
    status.value = null;
    try {
      deps.applyLocal({ auditId, changes: await work(auditId) });
      status.value = done;
      return true;
    } catch (e) {
      error.value = msg('panelActionFailed', errorText(e));
      return false;
    } finally {
      busy.value = false;
    }
  }

  const decide = (
    d: Divergence,
    status: 'confirmed' | 'dismissed',
    place: Place | null,
    severity: number,
    note: string,
  ) =>
    run(msg(status === 'confirmed' ? 'consistencyConfirmed' : 'consistencyDismissed'), async (auditId) => {
      const decision = await env.send('consistency/decide', {
        auditId,
        key: d.key,
        kind: d.kind,
        status,
        place: status === 'confirmed' ? taggablePlace(place) : null,
        severity,
        note: note.trim(),
      });
      return [{ store: 'decisions', op: 'put', value: decision }];
    });

  return {
    /** Confirms a divergence: a friction tag on `place` (a page's element), with the severity and note given. */
    confirm: (d: Divergence, place: Place | null, severity: number, note: string) =>
      decide(d, 'confirmed', place, severity, note),
    /** Not a divergence that matters: kept as dismissed, so it does not come back as open. */
    dismiss: (d: Divergence) => decide(d, 'dismissed', null, d.severity, ''),
    /** Forgets the decision (and the tag its confirmation made): the divergence is open again. */
    undo: (d: Divergence) =>
      run(msg('consistencyUndone'), async (auditId) => {
        await env.send('consistency/undo', { auditId, key: d.key });
        return [{ store: 'decisions', op: 'delete', id: `${auditId}:${d.key}` }];
      }),
  };
}
