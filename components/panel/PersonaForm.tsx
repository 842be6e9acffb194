import { SelectField, TextArea, TextField } from '@/components/ui/Field';
import { present, t } from '@/lib/i18n';
import { DEVICES, type Device, type PersonasModel } from '@/components/panel/model/personas-model';

/** Adds a persona, or edits the one chosen in the list (then "Save persona" and "Cancel"). */
export function PersonaForm({ model }: { model: PersonasModel }) {
  const editing = model.editingId.value !== null;
  const error = model.error.value;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void model.save();
      }}
    >
      <TextField
        label={t('panelPersonaName')}
        value={model.name}
        maxLength={120}
        error={error?.key === 'panelErrorPersonaName' ? error : null}
      />
      <TextField label={t('panelSegment')} value={model.segment} maxLength={200} />
      <div class="row">
        <SelectField
          label={t('panelDevice')}
          value={model.device.value}
          onChange={(v) => {
            model.device.value = v as Device;
          }}
        >
          {DEVICES.map((d) => (
            <option key={d} value={d}>
              {present.device(d)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('panelLocale')} value={model.locale} maxLength={35} placeholder="es-ES" />
      </div>
      <TextArea label={t('panelJobToBeDone')} value={model.jobToBeDone} maxLength={1000} />
      <TextArea label={t('panelGoal')} value={model.goal} maxLength={1000} />
      <TextArea label={t('panelExpectations')} value={model.expectations} maxLength={2000} />
      <div class="row">
        <button type="submit" class="primary" disabled={model.busy.value}>
          {editing ? t('panelSavePersona') : t('panelAddPersona')}
        </button>
        {editing && (
          <button type="button" onClick={() => model.cancelEdit()}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
