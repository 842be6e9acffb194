import { Notice } from '@/components/ui/Notice';
import { t } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import type { JourneyModel } from '@/components/panel/model/journey-model';
import { label } from '@/components/panel/journey/format';
import { OffsiteForm } from '@/components/panel/journey/OffsiteForm';
import { OutcomeForm } from '@/components/panel/journey/OutcomeForm';
import { TouchpointCard } from '@/components/panel/journey/TouchpointCard';

/** The live journey of a walk: touchpoints by stage, with KPIs, scores, tags and other channels. */
export function Journey({ journey, categories }: { journey: JourneyModel; categories: Category[] }) {
  const shown = journey.shownId.value;
  if (!shown) return null;
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
              {label('stage', g.stage)} <span class="small muted">· {label('phase', g.phase)}</span>
            </h3>
            <ul class="jtps">
              {g.items.map((item) => (
                <TouchpointCard key={item.touchpoint.id} item={item} journey={journey} categories={categories} />
              ))}
            </ul>
          </section>
        ))
      )}
      <OutcomeForm key={shown} journey={journey} />
      <OffsiteForm journey={journey} />
    </section>
  );
}
