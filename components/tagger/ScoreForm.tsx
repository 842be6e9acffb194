import { present, t } from '@/lib/i18n';
import type { ScoreDraft, TaggerModel } from '@/components/tagger/model/tagger-model';
import type { FormActions } from '@/components/tagger/TagForm';
import { scale, SelectField, TextArea } from '@/components/ui/Field';

/** How hard this touchpoint was (CES) and how satisfying (CSAT), with a note. */
export function ScoreForm({ model, ctl }: { model: TaggerModel; ctl: FormActions }) {
  const d = model.scoreDraft.value;
  const set = (patch: Partial<ScoreDraft>) => {
    model.scoreDraft.value = { ...d, ...patch };
    model.scoreErrors.value = {};
    ctl.edited('score');
  };
  const err = (k: keyof ScoreDraft) => {
    const key = model.scoreErrors.value[k];
    return key ? t(key) : undefined;
  };
  const title = t('scoreFormTitle', model.touchpointName.value || '…');
  return (
    <form
      class="tg-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        ctl.saveScore();
      }}
    >
      <h1>{title}</h1>
      {model.problem.value && (
        <p class="tg-problem" role="alert">
          {model.problem.value}
        </p>
      )}
      <SelectField
        label={t('fieldEffort')}
        hint={t('cesStatement')}
        value={d.ces}
        error={err('ces')}
        options={scale([1, 2, 3, 4, 5, 6, 7], present.ces)}
        onChange={(v) => set({ ces: v })}
      />
      <SelectField
        label={t('fieldCsat')}
        hint={t('csatStatement')}
        value={d.csat}
        error={err('csat')}
        options={[{ value: '', label: t('csatNone') }, ...scale([1, 2, 3, 4, 5], present.csat)]}
        onChange={(v) => set({ csat: v })}
      />
      <TextArea
        id="tg-score-note"
        label={t('fieldNote')}
        rows={3}
        maxLength={4000}
        value={d.note}
        onValue={(v) => set({ note: v })}
      />
      <div class="tg-actions">
        <button type="submit" class="tg-primary" disabled={model.busy.value}>
          {t('saveScore')}
        </button>
        <button type="button" onClick={() => ctl.close()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
