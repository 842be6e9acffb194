import { Notice } from '@/components/ui/Notice';
import { present, t } from '@/lib/i18n';
import type { WalkModel } from '@/components/panel/model/walk-model';

/**
 * The clock alone reads the ticking signal: were it read by the bar, every second would redraw
 * it, and the view under it, while the walked page loads beside the panel.
 */
function Elapsed({ walk }: { walk: WalkModel }) {
  return <time>{present.clock(walk.elapsedMs.value)}</time>;
}

/** A page whose recording stopped (a bound it hit), and why: the walk goes on in its other pages. */
function StoppedNotice({ walk }: { walk: WalkModel }) {
  const reason = walk.stopped.value?.stopReason;
  if (!reason) return null;
  return (
    <p class="ui-notice ui-alert walkbar-stopped" role="alert">
      {present.recordingStopped(reason)}
    </p>
  );
}

/**
 * The walk under way, above every view: recording or paused, for how long, as whom, and the two
 * controls. Nothing while no walk records.
 */
export function WalkBar({ walk }: { walk: WalkModel }) {
  const w = walk.active.value;
  if (!w) return null;
  const paused = w.status === 'paused';
  const busy = walk.busy.value;
  return (
    <section class="walkbar" aria-labelledby="walkbar-who">
      <p class="live-state">
        <span class={`dot dot-${w.status}`} aria-hidden="true" />
        <strong>{present.walkStatus(w.status)}</strong>
        <span aria-hidden="true">·</span>
        <span class="sr-only">{t('panelElapsed')}</span>
        <Elapsed walk={walk} />
      </p>
      <p class="live-who" id="walkbar-who">
        {t('panelWalkingAs', walk.personaName.value || t('deletedPersona'))}
      </p>
      <div class="row walkbar-actions">
        <button type="button" disabled={busy !== null} onClick={() => void walk.togglePause()}>
          {paused ? t('resumeRecording') : t('pauseRecording')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy === 'ending'}
          aria-busy={busy === 'ending' || undefined}
          onClick={() => void walk.end()}
        >
          {t('endWalk')}
        </button>
      </div>
      {busy === 'ending' && <p class="muted small">{t('panelEnding')}</p>}
      <StoppedNotice walk={walk} />
      <Notice message={walk.error.value} kind="alert" />
    </section>
  );
}
