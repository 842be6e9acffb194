import { type ReadonlySignal, signal } from '@preact/signals';
import type { DataChanged, Persona } from '@/lib/model';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';

export type Device = Persona['context']['device'];
export const DEVICES: readonly Device[] = ['desktop', 'mobile', 'tablet'];

export interface PersonaDeps {
  send: PanelEnv['send'];
  auditId: ReadonlySignal<string | null>;
  personas: ReadonlySignal<Persona[]>;
  /** The persona of the walk being recorded, which may not be deleted under it. */
  walkingPersonaId: () => string | null;
  /** The worker's answer, applied at once to what the panel holds (its notice follows). */
  applyLocal: (notice: DataChanged) => void;
}

/** The persona form (add or edit) and the list's inline delete confirmation. */
export function createPersonas(deps: PersonaDeps) {
  const fields = {
    name: signal(''),
    segment: signal(''),
    device: signal<Device>('desktop'),
    locale: signal(''),
    jobToBeDone: signal(''),
    goal: signal(''),
    expectations: signal(''),
  };
  /** The persona being edited, or null when the form adds a new one. */
  const editingId = signal<string | null>(null);
  /** The persona whose delete button was pressed once and waits for confirmation. */
  const confirmingId = signal<string | null>(null);
  const error = signal<Message | null>(null);
  const busy = signal(false);

  function fill(p: Persona | null) {
    fields.name.value = p?.name ?? '';
    fields.segment.value = p?.segment ?? '';
    fields.device.value = p?.context.device ?? 'desktop';
    fields.locale.value = p?.context.locale ?? '';
    fields.jobToBeDone.value = p?.jobToBeDone ?? '';
    fields.goal.value = p?.goal ?? '';
    fields.expectations.value = p?.expectations ?? '';
    error.value = null;
  }

  return {
    ...fields,
    editingId,
    confirmingId,
    error,
    busy,
    edit(p: Persona) {
      editingId.value = p.id;
      confirmingId.value = null;
      fill(p);
    },
    cancelEdit() {
      editingId.value = null;
      fill(null);
    },
    /** Forgets any edit and confirmation: the audit changed under the form. */
    reset() {
      editingId.value = null;
      confirmingId.value = null;
      fill(null);
    },
    async save(): Promise<boolean> {
      const auditId = deps.auditId.value;
      const name = fields.name.value.trim();
      if (!auditId || busy.value) return false;
      if (!name) {
        error.value = msg('panelErrorPersonaName');
        return false;
      }
      const id = editingId.value ?? undefined;
      // Notes have no field here yet: an edit keeps whatever an import or a later form stored.
      const notes = deps.personas.value.find((p) => p.id === id)?.context.notes ?? '';
      busy.value = true;
      try {
        const saved = await deps.send('persona/save', {
          id,
          input: {
            auditId,
            name,
            segment: fields.segment.value,
            context: { device: fields.device.value, locale: fields.locale.value, notes },
            jobToBeDone: fields.jobToBeDone.value,
            goal: fields.goal.value,
            expectations: fields.expectations.value,
          },
        });
        editingId.value = null;
        fill(null);
        deps.applyLocal({ auditId, changes: [{ store: 'personas', op: 'put', value: saved }] });
        return true;
      } catch (e) {
        error.value = msg('saveFailed', errorText(e));
        return false;
      } finally {
        busy.value = false;
      }
    },
    askDelete(p: Persona) {
      error.value = null;
      if (deps.walkingPersonaId() === p.id) {
        error.value = msg('panelErrorPersonaWalking', p.name);
        return;
      }
      confirmingId.value = p.id;
    },
    keep() {
      confirmingId.value = null;
    },
    async confirmDelete(p: Persona): Promise<void> {
      confirmingId.value = null;
      if (deps.walkingPersonaId() === p.id) {
        error.value = msg('panelErrorPersonaWalking', p.name);
        return;
      }
      try {
        await deps.send('persona/delete', { id: p.id });
        if (editingId.value === p.id) {
          editingId.value = null;
          fill(null);
        }
        deps.applyLocal({ auditId: p.auditId, changes: [{ store: 'personas', op: 'delete', id: p.id }] });
      } catch (e) {
        error.value = msg('saveFailed', errorText(e));
      }
    },
  };
}

export type PersonasModel = ReturnType<typeof createPersonas>;
