import { t } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import type { TagDraftFields, TaggerModel } from '@/components/tagger/model/tagger-model';
import type { TaggerController } from '@/components/tagger/model/tagger';
import { categoryLabel, cesLabel, emotionLabel, severityLabel } from '@/components/tagger/labels';
import { NoteField } from '@/components/tagger/NoteField';
import { scale, Select } from '@/components/tagger/Select';

/** The tag form: what the friction is, how bad, how hard, how it felt, and how it ended. */
export function TagForm({
  model,
  ctl,
  categories,
}: {
  model: TaggerModel;
  ctl: TaggerController;
  categories: Category[];
}) {
  const editing = model.editing.value;
  if (!editing) return <p class="tg-wait">…</p>;
  const d = editing.draft;
  const set = (patch: Partial<TagDraftFields>) => {
    model.editing.value = { ...editing, draft: { ...d, ...patch } };
    model.errors.value = {};
  };
  const err = (k: keyof TagDraftFields) => {
    const key = model.errors.value[k];
    return key ? t(key) : undefined;
  };
  // A tag keeps its category when the audit's taxonomy changed since: it stays choosable.
  const options = categories.map((c) => ({ value: c.id, label: categoryLabel(c) }));
  if (!options.some((o) => o.value === d.categoryId)) options.push({ value: d.categoryId, label: d.categoryId });
  return (
    <form
      class="tg-form"
      aria-label={editing.id ? t('tagFormEditTitle') : t('tagFormTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void ctl.saveTag();
      }}
    >
      <h2>{editing.id ? t('tagFormEditTitle') : t('tagFormTitle')}</h2>
      {editing.target && <p class="tg-target">{t('tagTarget', editing.target)}</p>}
      {model.problem.value && (
        <p class="tg-problem" role="alert">
          {model.problem.value}
        </p>
      )}
      <Select
        label={t('fieldCategory')}
        value={d.categoryId}
        options={options}
        error={err('categoryId')}
        onChange={(v) => set({ categoryId: v })}
      />
      <Select
        label={t('fieldSeverity')}
        value={d.severity}
        error={err('severity')}
        options={scale([0, 1, 2, 3, 4], severityLabel)}
        onChange={(v) => set({ severity: v })}
      />
      <Select
        label={t('fieldEffort')}
        hint={t('cesStatement')}
        value={d.effort}
        error={err('effort')}
        options={scale([1, 2, 3, 4, 5, 6, 7], cesLabel)}
        onChange={(v) => set({ effort: v })}
      />
      <Select
        label={t('fieldEmotion')}
        value={d.emotion}
        error={err('emotion')}
        options={scale([-2, -1, 0, 1, 2], emotionLabel)}
        onChange={(v) => set({ emotion: v })}
      />
      <Select
        label={t('fieldMoment')}
        value={d.momentOfTruth}
        error={err('momentOfTruth')}
        options={[
          { value: 'predictable', label: t('momentPredictable') },
          { value: 'unexpected', label: t('momentUnexpected') },
          { value: 'no', label: t('momentNo') },
        ]}
        onChange={(v) => set({ momentOfTruth: v as TagDraftFields['momentOfTruth'] })}
      />
      <Select
        label={t('fieldAspect')}
        value={d.aspect}
        error={err('aspect')}
        options={[
          { value: 'interaction', label: t('aspectInteraction') },
          { value: 'perception', label: t('aspectPerception') },
        ]}
        onChange={(v) => set({ aspect: v as TagDraftFields['aspect'] })}
      />
      <div class="tg-row">
        <Select
          label={t('fieldResolution')}
          value={d.resolutionStatus}
          error={err('resolutionStatus')}
          options={[
            { value: 'unresolved', label: t('resolutionUnresolved') },
            { value: 'workaround', label: t('resolutionWorkaround') },
            { value: 'resolved', label: t('resolutionResolved') },
          ]}
          onChange={(v) => set({ resolutionStatus: v as TagDraftFields['resolutionStatus'] })}
        />
        {d.resolutionStatus !== 'unresolved' && (
          <div class="tg-field">
            <label for="tg-minutes">{t('fieldResolutionMinutes')}</label>
            <input
              id="tg-minutes"
              inputMode="decimal"
              value={d.resolutionMinutes}
              aria-invalid={err('resolutionMinutes') ? true : undefined}
              aria-describedby={err('resolutionMinutes') ? 'tg-minutes-error' : undefined}
              onInput={(e) => set({ resolutionMinutes: e.currentTarget.value })}
            />
            {err('resolutionMinutes') && (
              <span id="tg-minutes-error" class="tg-error">
                {err('resolutionMinutes')}
              </span>
            )}
          </div>
        )}
      </div>
      <NoteField id="tg-note" value={d.note} onInput={(v) => set({ note: v })} />
      <div class="tg-actions">
        <button type="submit" class="tg-primary" disabled={model.busy.value}>
          {t('saveTag')}
        </button>
        {editing.id && (
          <button type="button" class="tg-danger" onClick={() => void ctl.deleteTag()}>
            {t('deleteTag')}
          </button>
        )}
        <button type="button" onClick={() => ctl.close()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
