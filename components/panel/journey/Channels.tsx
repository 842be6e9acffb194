import { Notice } from '@/components/ui/Notice';
import { present, t } from '@/lib/i18n';
import type { JourneyModel } from '@/components/panel/model/journey-model';
import { OffsiteForm } from '@/components/panel/journey/OffsiteForm';

/** The Channels view: the shown walk's calls, emails, chats and store visits, and their form. */
export function Channels({ journey }: { journey: JourneyModel }) {
  if (!journey.shownId.value) return <p class="card muted small">{t('panelNoWalks')}</p>;
  const events = journey.items.value.flatMap((i) => i.offsite.map((e) => ({ e, tp: i.touchpoint })));
  return (
    <section class="card" aria-labelledby="offsite-heading">
      <h2 id="offsite-heading">{t('offsiteHeading')}</h2>
      <Notice message={journey.error.value} kind="alert" />
      <Notice message={journey.status.value} kind="status" />
      {events.length > 0 && (
        <ul class="items">
          {events.map(({ e, tp }) => (
            <li key={e.id} class="item">
              <div class="item-main">
                <strong>{tp.name}</strong> <span class="small muted">· {present.channel(e.channel)}</span>
                <p class="small">
                  {e.summary} ·{' '}
                  {e.answeredAt === null
                    ? t('offsiteWaiting', present.span(Math.max(0, journey.now() - e.requestedAt)))
                    : t('offsiteWait', present.span(e.answeredAt - e.requestedAt))}
                </p>
              </div>
              <button type="button" class="quiet" onClick={() => journey.offsiteForm.edit(e)}>
                {t('offsiteEdit')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <OffsiteForm journey={journey} />
    </section>
  );
}
