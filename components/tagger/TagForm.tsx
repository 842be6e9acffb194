import { present, t } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import type { TagDraftFields, TaggerModel } from '@/components/tagger/model/tagger-model';
import { scale, SelectField, TextArea, TextField } from '@/components/ui/Field';

/** What the forms' buttons and fields ask for; in the form frame, messages to the tagger (frame/). */
export interface FormActions {
  saveTag(): void;
  deleteTag(): void;
  saveScore(): void;
  close(): void;
  /** The auditor changed a field: the tagger gets the form's draft. */
  edited(form: 'tag' | 'score'): void;
}

/**
 * The tag form: what the friction is, how bad, how hard, how it felt, and how it ended. Shown in
 * the form frame (entrypoints/tag-form), out of the walked page's reach.
 */
export function TagForm({ model, ctl, categories }: { model: TaggerModel; ctl: FormActions; categories: Category[] }) {
  const editing = model.editing.value;
  if (!editing) return <p class="tg-wait">…</p>;
  const d = editing.draft;
  const set = (patch: Partial<TagDraftFields>) => {
    model.editing.value = { ...editing, draft: { ...d, ...patch } };
    model.errors.value = {};
    ctl.edited('tag');
  };
  const err = (k: keyof TagDraftFields) => {
    const key = model.errors.value[k];
    return key ? t(key) : undefined;
  };
  // A tag keeps its category when the audit's taxonomy changed since: it stays choosable.
  const options = categories.map((c) => ({ value: c.id, label: present.category(c) }));
  if (!options.some((o) => o.value === d.categoryId)) options.push({ value: d.categoryId, label: d.categoryId });
  return (
    <form
      class="tg-form"
      aria-label={editing.id ? t('tagFormEditTitle') : t('tagFriction')}
      onSubmit={(e) => {
        e.preventDefault();
        ctl.saveTag();
      }}
    >
      <h1>{editing.id ? t('tagFormEditTitle') : t('tagFriction')}</h1>
      {editing.target && <p class="tg-target">{t('tagTarget', present.target(editing.target))}</p>}
      {model.problem.value && (
        <p class="tg-problem" role="alert">
          {model.problem.value}
        </p>
      )}
      <SelectField
        label={t('fieldCategory')}
        value={d.categoryId}
        options={options}
        error={err('categoryId')}
        onChange={(v) => set({ categoryId: v })}
      />
      <SelectField
        label={t('fieldSeverity')}
        value={d.severity}
        error={err('severity')}
        options={scale([0, 1, 2, 3, 4], present.severity)}
        onChange={(v) => set({ severity: v })}
      />
      <SelectField
        label={t('fieldEffort')}
        hint={t('cesStatement')}
        value={d.effort}
        error={err('effort')}
        options={scale([1, 2, 3, 4, 5, 6, 7], present.ces)}
        onChange={(v) => set({ effort: v })}
      />
      <SelectField
        label={t('fieldEmotion')}
        value={d.emotion}
        error={err('emotion')}
        options={scale([-2, -1, 0, 1, 2], present.emotion)}
        onChange={(v) => set({ emotion: v })}
      />
      <SelectField
        label={t('fieldMoment')}
        value={d.momentOfTruth}
        error={err('momentOfTruth')}
        options={[
          { value: 'predictable', label: present.moment('predictable') },
          { value: 'unexpected', label: present.moment('unexpected') },
          { value: 'no', label: present.moment('no') },
        ]}
        onChange={(v) => set({ momentOfTruth: v as TagDraftFields['momentOfTruth'] })}
      />
      <SelectField
        label={t('fieldAspect')}
        value={d.aspect}
        error={err('aspect')}
        options={[
          { value: 'interaction', label: present.aspect('interaction') },
          { value: 'perception', label: present.aspect('perception') },
        ]}
        onChange={(v) => set({ aspect: v as TagDraftFields['aspect'] })}
      />
      <div class="tg-row">
        <SelectField
          label={t('fieldResolution')}
          value={d.resolutionStatus}
          error={err('resolutionStatus')}
          options={[
            { value: 'unresolved', label: present.resolution('unresolved') },
            { value: 'workaround', label: present.resolution('workaround') },
            { value: 'resolved', label: present.resolution('resolved') },
          ]}
          onChange={(v) => set({ resolutionStatus: v as TagDraftFields['resolutionStatus'] })}
        />
        {d.resolutionStatus !== 'unresolved' && (
          <TextField
            id="tg-minutes"
            label={t('fieldResolutionMinutes')}
            inputMode="decimal"
            value={d.resolutionMinutes}
            error={err('resolutionMinutes')}
            onValue={(v) => set({ resolutionMinutes: v })}
          />
        )}
      </div>
      <TextArea
        id="tg-note"
        label={t('fieldNote')}
        rows={3}
        maxLength={4000}
        value={d.note}
        onValue={(v) => set({ note: v })}
      />
      <div class="tg-actions">
        <button type="submit" class="tg-primary" disabled={model.busy.value}>
          {t('saveTag')}
        </button>
        {editing.id && (
          <button type="button" class="tg-danger" onClick={() => ctl.deleteTag()}>
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
