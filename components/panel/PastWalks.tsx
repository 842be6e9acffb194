import { present, t } from '@/lib/i18n';
import type { Persona, Walk } from '@/lib/model';
import { walkDuration } from '@/components/panel/model/format';
import type { Message } from '@/components/panel/model/panel-env';
import { Notice } from '@/components/ui/Notice';

/** The current audit's finished walks, newest first, each with its journey, its replay and a delete. */
export function PastWalks({
  walks,
  personas,
  onJourney,
  onDelete,
  error,
}: {
  walks: Walk[];
  personas: Persona[];
  onJourney: (walkId: string) => void;
  /** Asks to delete the walk (a confirmation follows). */
  onDelete: (walkId: string) => void;
  /** Why the last delete of a walk failed. */
  error: Message | null;
}) {
  const names = new Map(personas.map((p) => [p.id, p.name]));
  return (
    <section class="card" aria-labelledby="walks-heading">
      <h2 id="walks-heading" tabIndex={-1}>
        {t('panelWalksHeading')}
      </h2>
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
                {/* Provenance: whose walk it is, once audits of several auditors are merged. */}
                {w.auditorName && <span class="walk-auditor">{` · ${t('panelWalkAuditor', w.auditorName)}`}</span>}
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
              <button
                type="button"
                class="quiet"
                aria-label={t('deleteWalkLabel', [
                  names.get(w.personaId) ?? t('deletedPersona'),
                  present.dateTime(w.startedAt),
                ])}
                onClick={() => onDelete(w.id)}
              >
                {t('panelDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Notice message={error} kind="alert" />
    </section>
  );
}
