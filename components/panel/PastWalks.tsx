import { present, t } from '@/lib/i18n';
import type { Persona, Walk } from '@/lib/model';
import { walkDuration } from '@/components/panel/model/format';

/** The current audit's finished walks, newest first, each with a link to its replay. */
export function PastWalks({
  walks,
  personas,
  onJourney,
}: {
  walks: Walk[];
  personas: Persona[];
  onJourney: (walkId: string) => void;
}) {
  const names = new Map(personas.map((p) => [p.id, p.name]));
  return (
    <section class="card" aria-labelledby="walks-heading">
      <h2 id="walks-heading">{t('panelWalksHeading')}</h2>
      {walks.length === 0 ? (
        <p class="muted small">{t('panelNoWalks')}</p>
      ) : (
        <ul class="items" aria-label={t('panelWalksList')}>
          {walks.map((w) => (
            <li key={w.id} class="item">
              <div class="item-main">
                <time dateTime={new Date(w.startedAt).toISOString()}>{present.dateTime(w.startedAt)}</time>
                {' · '}
                <strong>{names.get(w.personaId) ?? t('deletedPersona')}</strong>
                <p class={`small${w.endReason === 'storage-full' ? ' warn-text' : ' muted'}`}>
                  {[
                    t('panelDuration', walkDuration(w, w.startedAt)),
                    present.walkState(w),
                    t('panelEvents', present.count(w.eventCount)),
                    present.bytes(w.storedBytes),
                  ].join(' · ')}
                </p>
              </div>
              <button type="button" class="link" onClick={() => onJourney(w.id)}>
                {t('journeyShow')}
              </button>
              <a class="item-link" href={`replay.html#walk=${encodeURIComponent(w.id)}`} target="_blank" rel="noopener">
                {t('panelReplay')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
