import { useId } from 'preact/hooks';
import { CheckboxField, SelectField, TextField } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { t } from '@/lib/i18n';
import type { Persona } from '@/lib/model';
import type { WalkModel } from '@/components/panel/model/walk-model';

/** The form that starts a walk: who audits, as which persona, and in which tab. */
export function StartWalk({ walk, personas }: { walk: WalkModel; personas: Persona[] }) {
  const blockerId = useId();
  const blocker = walk.blocker.value;
  const busy = walk.busy.value !== null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Synchronously in the submit handler: start() asks for host access before any await.
        void walk.start();
      }}
    >
      <TextField label={t('panelAuditorName')} value={walk.auditorName} maxLength={120} autoComplete="name" />
      <SelectField
        label={t('panelWalkAs')}
        value={walk.persona.value?.id ?? ''}
        disabled={personas.length === 0}
        onChange={(id) => {
          walk.personaId.value = id;
        }}
      >
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {walk.canRecordCurrentTab.value && (
        <CheckboxField label={t('panelRecordCurrentTab')} checked={walk.recordCurrentTab} />
      )}
      <button
        type="submit"
        class="primary"
        disabled={blocker !== null || busy}
        aria-describedby={blocker ? blockerId : undefined}
      >
        {t('panelStartWalk')}
      </button>
      {blocker && (
        <p id={blockerId} class="muted small">
          {t(blocker.key, blocker.subs)}
        </p>
      )}
      <Notice message={walk.error.value} kind="alert" />
    </form>
  );
}
