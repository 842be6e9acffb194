import { useMemo, useState } from 'preact/hooks';
import type { Audit } from '@/lib/model/audit';
import { present, t } from '@/lib/i18n';
import { reauditWords } from '@/lib/report/reaudit-words';
import type { ReportModel } from '@/components/panel/model/report-model';

function options(list: readonly Audit[]) {
  return list.map((a) => (
    <option key={a.id} value={a.id}>
      {t('reauditOption', [a.name, present.dateTime(a.createdAt)])}
    </option>
  ));
}

/**
 * "Compare with another audit" (issue 13, point 8): a select of the other audits (this site's
 * first), then the comparison in the same words as the HTML report's section. The build runs as
 * the report's own does, its progress and Cancel shown by ReportExports.
 */
export function ReportCompare({ model }: { model: ReportModel }) {
  const { sameSite, otherSites } = model.others.value;
  const shown = model.comparison.value;
  const [chosen, setChosen] = useState('');
  const words = useMemo(() => (shown ? reauditWords(shown.reaudit, present, t) : null), [shown]);
  if (sameSite.length + otherSites.length === 0) return <p class="small muted">{t('reauditNoOther')}</p>;
  const pick = chosen || shown?.otherId || '';
  return (
    <div class="rep-compare">
      <p class="small muted">{t('reauditHint')}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (pick) void model.compare(pick);
        }}
      >
        <label>
          {t('reauditChoose')}{' '}
          <select value={pick} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('reauditPick')}</option>
            {sameSite.length > 0 && <optgroup label={t('reauditSameSite')}>{options(sameSite)}</optgroup>}
            {otherSites.length > 0 && <optgroup label={t('reauditOtherSites')}>{options(otherSites)}</optgroup>}
          </select>
        </label>
        <button type="submit" disabled={!pick || model.job.value !== null}>
          {t('reauditCompare')}
        </button>
      </form>
      {words && (
        <div class="rep-compared" aria-live="polite">
          <p>{words.lead}</p>
          <p class="small muted">{words.tolerance}</p>
          {words.groups.length === 0 && <p class="small muted">{t('reauditNothing')}</p>}
          {words.groups.map((g) => (
            <section key={g.id} aria-labelledby={`rep-reaudit-${g.id}`}>
              <h4 id={`rep-reaudit-${g.id}`}>{g.title}</h4>
              <ul class="rep-sublist">
                {g.items.map((i, n) => (
                  <li key={`${g.id}-${n}`}>{i}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
