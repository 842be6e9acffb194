import { Notice } from '@/components/ui/Notice';
import { present, t } from '@/lib/i18n';
import type { ConsistencyModel } from '@/components/panel/model/consistency-model';
import { errorText } from '@/components/panel/model/panel-env';
import { DivergenceItem } from '@/components/panel/consistency/DivergenceItem';
import { Scores } from '@/components/panel/consistency/Scores';

/** Reading recorded pages, a failed read, and the button that reads them all again. */
function RunnerState({ model }: { model: ConsistencyModel }) {
  const pending = model.pending.value;
  const failed = model.lastError.value;
  return (
    <div class="row cons-runner">
      {/* Always in the page: a live region announces only changes to one that exists. */}
      <p class="small muted" role="status">
        {pending > 0 ? present.plural('consistencyReading', pending) : ''}
      </p>
      {failed != null && (
        <p class="ui-notice ui-alert" role="alert">
          {t('consistencyReadFailed', errorText(failed))}
        </p>
      )}
      <button type="button" onClick={model.recompute} disabled={model.running.value}>
        {t('consistencyRecompute')}
      </button>
    </div>
  );
}

/**
 * The Consistency view: how far the audit's pages and channels agree (per aspect, kind and
 * channel), and the divergences by kind, each with its evidence and the auditor's decision.
 */
export function Consistency({ model }: { model: ConsistencyModel }) {
  const comparison = model.comparison.value;
  const groups = model.byKind.value;
  const counts = model.counts.value;
  const unreadable = comparison?.unreadable ?? [];
  return (
    <section class="card cons" aria-labelledby="consistency-heading">
      <h2 id="consistency-heading">{t('consistencyHeading')}</h2>
      <p class="small muted">{t('consistencyIntro')}</p>
      <RunnerState model={model} />
      <Notice message={model.error.value} kind="alert" />
      <Notice message={model.status.value} kind="status" />
      {unreadable.length > 0 && (
        <p class="ui-notice ui-note">
          {t('consistencyMasked', present.list(unreadable.map((u) => present.pageFactKind(u.kind))))}
        </p>
      )}
      {!model.hasFacts.value ? (
        <p class="small muted">{t('consistencyNoFacts')}</p>
      ) : (
        comparison && <Scores comparison={comparison} />
      )}
      {model.hasFacts.value && groups.length === 0 && <p class="small">{t('consistencyEmpty')}</p>}
      {groups.length > 0 && (
        <section aria-labelledby="divergences-heading">
          <h3 id="divergences-heading">{t('consistencyDivergences')}</h3>
          <p class="small muted">
            {t('consistencyCounts', [
              present.count(counts.open),
              present.count(counts.confirmed),
              present.count(counts.dismissed),
            ])}
          </p>
          {groups.map((g) => (
            <section key={g.kind} class="cons-kind" aria-labelledby={`cons-kind-${g.kind}`}>
              <h4 id={`cons-kind-${g.kind}`}>{present.pageFactKind(g.kind)}</h4>
              <ul class="cons-list">
                {g.items.map((item) => (
                  <DivergenceItem key={item.divergence.key} item={item} model={model} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </section>
  );
}
