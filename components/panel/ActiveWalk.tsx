import { Notice } from '@/components/ui/Notice';
import { t } from '@/lib/i18n';
import { formatElapsed } from '@/components/overlay/overlay-model';
import { STATUS_KEYS } from '@/components/panel/model/format';
import type { WalkModel } from '@/components/panel/model/walk-model';
import { formatBytes } from '@/lib/storage-status';
import { LiveSteps } from '@/components/panel/LiveSteps';

/**
 * The clock alone reads the ticking signal: were it read by ActiveWalk, every second would redraw
 * the whole walk, its step list included, while the walked page loads beside it.
 */
function Elapsed({ walk }: { walk: WalkModel }) {
  return <time>{formatElapsed(walk.elapsedMs.value)}</time>;
}

/** The walk being recorded: who, how long, how much, the controls, and the steps as they come. */
export function ActiveWalk({ walk, locale }: { walk: WalkModel; locale: string }) {
  const w = walk.active.value;
  if (!w) return null;
  const paused = w.status === 'paused';
  const busy = walk.busy.value;
  return (
    <div class="live">
      <p class="live-who">{t('panelWalkingAs', walk.personaName.value || t('panelDeletedPersona'))}</p>
      <p class="live-state">
        <span class={`dot dot-${w.status}`} aria-hidden="true" />
        <strong>{t(STATUS_KEYS[w.status])}</strong>
        {' · '}
        <span class="sr-only">{t('panelElapsed')}</span>
        <Elapsed walk={walk} />
      </p>
      <ul class="stats">
        <li>{t('panelStored', formatBytes(w.storedBytes, locale))}</li>
        <li>{t('panelEvents', w.eventCount.toLocaleString(locale))}</li>
        <li>{t('panelTabs', String(w.tabIds.length))}</li>
      </ul>
      <div class="row">
        <button type="button" disabled={busy !== null} onClick={() => void walk.togglePause()}>
          {paused ? t('panelResumeRecording') : t('panelPauseRecording')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy === 'ending'}
          aria-busy={busy === 'ending' || undefined}
          onClick={() => void walk.end()}
        >
          {t('panelEndWalk')}
        </button>
      </div>
      {busy === 'ending' && <p class="muted small">{t('panelEnding')}</p>}
      <Notice message={walk.error.value} kind="alert" />
      <h3>{t('panelStepsHeading')}</h3>
      <LiveSteps steps={walk.steps.value} startedAt={w.startedAt} locale={locale} />
    </div>
  );
}
