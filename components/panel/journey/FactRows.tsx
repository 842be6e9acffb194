import { present, t } from '@/lib/i18n';
import { FactKind } from '@/lib/model';
import type { OffsiteValues } from '@/components/panel/model/offsite-form';

type Facts = OffsiteValues['facts'];

/** The facts a channel stated, as rows of kind, subject and value: the consistency report compares them. */
export function FactRows({
  facts,
  onChange,
  error,
}: {
  facts: Facts;
  onChange: (f: Facts) => void;
  error: string | undefined;
}) {
  return (
    <fieldset class="subform" aria-describedby={error ? 'off-facts-error' : undefined}>
      <legend>{t('offsiteFacts')}</legend>
      {facts.map((f, i) => {
        const patch = (p: Partial<Facts[number]>) => onChange(facts.map((x, j) => (j === i ? { ...x, ...p } : x)));
        return (
          <div class="row" key={i}>
            <select
              aria-label={t('factKind')}
              value={f.kind}
              onChange={(e) => patch({ kind: e.currentTarget.value as Facts[number]['kind'] })}
            >
              {FactKind.options.map((k) => (
                <option key={k} value={k}>
                  {present.factKind(k)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('factSubject')}
              placeholder={t('factSubject')}
              value={f.subject}
              onInput={(e) => patch({ subject: e.currentTarget.value })}
            />
            <input
              aria-label={t('factValue')}
              placeholder={t('factValue')}
              value={f.value}
              onInput={(e) => patch({ value: e.currentTarget.value })}
            />
            <button type="button" class="link" onClick={() => onChange(facts.filter((_, j) => j !== i))}>
              {t('factRemove', String(i + 1))}
            </button>
          </div>
        );
      })}
      {error && (
        <span id="off-facts-error" class="ui-error">
          {error}
        </span>
      )}
      <button type="button" onClick={() => onChange([...facts, { kind: 'phone', subject: '', value: '' }])}>
        {t('factAdd')}
      </button>
    </fieldset>
  );
}
