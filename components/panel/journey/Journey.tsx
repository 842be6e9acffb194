import { Notice } from '@/components/ui/Notice';
import { present, t } from '@/lib/i18n';
import type { Category, OffsiteEvent } from '@/lib/model';
import type { JourneyModel } from '@/components/panel/model/journey-model';
import { OutcomeForm } from '@/components/panel/journey/OutcomeForm';
import { TouchpointCard } from '@/components/panel/journey/TouchpointCard';

/** The live journey of a walk: touchpoints by stage, with KPIs, scores, tags, and the walk's outcome. */
export function Journey({
  journey,
  categories,
  onEditOffsite,
}: {
  journey: JourneyModel;
  categories: Category[];
  /** An off-site event's Edit: its form is in the Channels view. */
  onEditOffsite: (e: OffsiteEvent) => void;
}) {
  const shown = journey.shownId.value;
  if (!shown) return <p class="card muted small">{t('panelNoWalks')}</p>;
  const groups = journey.groups.value;
  return (
    <section class="card" aria-labelledby="journey-heading">
      <h2 id="journey-heading">{t('journeyHeading')}</h2>
      <Notice message={journey.error.value} kind="alert" />
      <Notice message={journey.status.value} kind="status" />
      {groups.length === 0 ? (
        <p class="muted small">{t('journeyEmpty')}</p>
      ) : (
        groups.map((g) => (
          <section key={g.stage} class="jstage" aria-labelledby={`stage-${g.stage}`}>
            <h3 id={`stage-${g.stage}`}>
              {present.stage(g.stage)} <span class="small muted">· {present.phase(g.phase)}</span>
            </h3>
            <ul class="jtps">
              {g.items.map((item) => (
                <TouchpointCard
                  key={item.touchpoint.id}
                  item={item}
                  journey={journey}
                  categories={categories}
                  onEditOffsite={onEditOffsite}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      <OutcomeForm key={shown} journey={journey} />
    </section>
  );
}
