import { present, t } from '@/lib/i18n';
import type { AgreementScore, Comparison } from '@/lib/consistency/divergence';
import { FACT_GROUP, FactGroup, FactKind } from '@/lib/model/fact';
import { Channel } from '@/lib/model';

interface Row {
  id: string;
  label: string;
  score: AgreementScore;
}

/** In the model's order, only what was seen: a kind no page stated has no score. */
function rows<K extends string>(
  order: readonly K[],
  scores: Partial<Record<K, AgreementScore>>,
  label: (k: K) => string,
): Row[] {
  return order.flatMap((k) => {
    const score = scores[k];
    return score && score.total > 0 ? [{ id: k, label: label(k), score }] : [];
  });
}

/** A list of scores under its heading; `title` null: the heading is outside (a folded section's summary). */
function ScoreList({ id, title, items }: { id: string; title: string | null; items: Row[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      {title !== null && <h4 id={id}>{title}</h4>}
      <ul class="cons-scores">
        {items.map((r) => (
          <li key={r.id} class={r.score.agreeing < r.score.total ? 'cons-off' : undefined}>
            <span>{r.label}</span> <span class="cons-figure">{present.agreement(r.score)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The share of places agreeing with the most common value: per aspect, per kind, per channel. */
export function Scores({ comparison }: { comparison: Comparison }) {
  // Kinds by aspect, so the list reads as the aspects above it do.
  const kinds = FactGroup.options.flatMap((g) => FactKind.options.filter((k) => FACT_GROUP[k] === g));
  return (
    <section class="cons-score-box" aria-labelledby="cons-scores-heading">
      <h3 id="cons-scores-heading">{t('consistencyScores')}</h3>
      <ScoreList
        id="cons-by-group"
        title={t('consistencyByGroup')}
        items={rows(FactGroup.options, comparison.byGroup, present.factGroup)}
      />
      <ScoreList
        id="cons-by-channel"
        title={t('consistencyByChannel')}
        items={rows(Channel.options, comparison.byChannel, present.channel)}
      />
      {/* Up to two dozen rows: folded, so the divergences stay near. */}
      <details>
        <summary>
          <h4 id="cons-by-kind">{t('consistencyByKind')}</h4>
        </summary>
        <ScoreList id="cons-by-kind" title={null} items={rows(kinds, comparison.byKind, present.pageFactKind)} />
      </details>
    </section>
  );
}
