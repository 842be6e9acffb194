import type { ReadonlySignal, Signal } from '@preact/signals';
import type { Change, DataChanged, TagFields, Walk, WalkOutcome } from '@/lib/model';
import type { RequestOf } from '@/lib/messaging/types';
import type { AuditData } from '@/lib/read/audit-data';
import { type OffsiteForm, validateOffsite } from '@/components/panel/model/offsite-form';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';

export type TouchpointEdit = RequestOf<'touchpoint/edit'>['edit'];

export interface JourneyCommandDeps {
  env: Pick<PanelEnv, 'send'>;
  data: ReadonlySignal<AuditData | null>;
  /** The walk the journey shows. */
  walk: ReadonlySignal<Walk | null>;
  offsiteForm: OffsiteForm;
  error: Signal<Message | null>;
  status: Signal<Message | null>;
  applyLocal: (notice: DataChanged) => void;
}

/** Runs one command: its answer is applied at once, its failure shown; true when it was done. */
async function run<T>(
  deps: JourneyCommandDeps,
  done: Message,
  fn: () => Promise<T>,
  changes: (answer: T) => Change[],
): Promise<boolean> {
  deps.error.value = null;
  deps.status.value = null;
  try {
    const answer = await fn();
    const auditId = deps.data.value?.audit.id;
    if (auditId) deps.applyLocal({ auditId, changes: changes(answer) });
    deps.status.value = done;
    return true;
  } catch (e) {
    deps.error.value = msg('panelActionFailed', errorText(e));
    return false;
  }
}

/**
 * The auditor's edits to a journey, each a command to the worker (the only writer). The answer is
 * applied at once to the read model, so this panel shows it without waiting; the worker's notice
 * then brings everything else the command changed (a merge's tags, a new off-site touchpoint) to
 * this panel and every other open view.
 */
export function createJourneyCommands(deps: JourneyCommandDeps) {
  const { env, offsiteForm } = deps;
  const act = <T>(done: Message, fn: () => Promise<T>, changes: (answer: T) => Change[]) =>
    run(deps, done, fn, changes);

  return {
    editTouchpoint: (id: string, edit: TouchpointEdit) =>
      act(
        msg('journeyTouchpointSaved'),
        () => env.send('touchpoint/edit', { id, edit }),
        (value) => [{ store: 'touchpoints', op: 'put', value }],
      ),
    merge: (keepId: string, goneId: string) =>
      act(
        msg('journeyMerged'),
        () => env.send('touchpoint/merge', { keepId, goneId }),
        (value) => [
          { store: 'touchpoints', op: 'put', value },
          { store: 'touchpoints', op: 'delete', id: goneId },
        ],
      ),
    split: (id: string, pattern: string) =>
      act(
        msg('journeySplit'),
        () => env.send('touchpoint/split', { id, pattern }),
        (r) =>
          r
            ? [
                { store: 'touchpoints', op: 'put', value: r.kept },
                { store: 'touchpoints', op: 'put', value: r.created },
              ]
            : [],
      ),
    updateTag: (id: string, fields: TagFields) =>
      act(
        msg('tagSaved'),
        () => env.send('tag/edit', { id, fields }),
        (value) => [{ store: 'tags', op: 'put', value }],
      ),
    deleteTag: (id: string) =>
      act(
        msg('tagDeleted'),
        () => env.send('tag/remove', { id }),
        () => [{ store: 'tags', op: 'delete', id }],
      ),
    /** Saves the off-site form: a new event, or the one being edited. */
    async submitOffsite(): Promise<boolean> {
      const w = deps.walk.value;
      if (!w) return false;
      const result = validateOffsite(offsiteForm.values.value);
      offsiteForm.errors.value = result.ok ? {} : result.errors;
      if (!result.ok) return false;
      const id = offsiteForm.editingId.value ?? undefined;
      const saved = await act(
        msg('journeyEventSaved'),
        () => env.send('offsite/save', { walkId: w.id, id, fields: result.fields }),
        (value) => [{ store: 'offsite', op: 'put', value }],
      );
      if (saved) offsiteForm.reset();
      return saved;
    },
    async deleteOffsite(id: string): Promise<boolean> {
      const done = await act(
        msg('journeyEventDeleted'),
        () => env.send('offsite/delete', { id }),
        () => [{ store: 'offsite', op: 'delete', id }],
      );
      if (done && offsiteForm.editingId.value === id) offsiteForm.reset();
      return done;
    },
    saveOutcome(outcome: WalkOutcome): Promise<boolean> {
      const w = deps.walk.value;
      if (!w) return Promise.resolve(false);
      return act(
        msg('journeyOutcomeSaved'),
        () => env.send('walk/outcome', { walkId: w.id, outcome }),
        (value) => [{ store: 'walks', op: 'put', value }],
      );
    },
  };
}
