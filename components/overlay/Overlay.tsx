import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { OverlayModel } from '@/components/overlay/overlay-model';
import { formatClock } from '@/lib/present/format';

export interface OverlayProps {
  model: OverlayModel;
  onPause: (paused: boolean) => void;
  onEnd: () => void;
  onTag: () => void;
  onScore: () => void;
  onShowTags: (on: boolean) => void;
  viewport: () => { width: number; height: number };
}

const KEY_STEP = 24;

/**
 * The clock alone reads the ticking signal, so each second redraws one text node, not the whole
 * overlay, on every recorded page. Outside the live region: a screen reader hears the state change,
 * not every second.
 */
function Elapsed({ model }: { model: OverlayModel }) {
  return <time>{formatClock(model.elapsedMs.value)}</time>;
}

/** The in-page control of a walk: state, time, persona, pause and end; collapsible and movable. */
export function Overlay({ model, onPause, onEnd, onTag, onScore, onShowTags, viewport }: OverlayProps) {
  const { status, collapsed, offset, notice, mode, showTags } = model;
  const busy = mode.value !== 'idle';
  const paused = status.value === 'paused';
  const stopped = status.value === 'stopped';
  const tagButton = useRef<HTMLButtonElement>(null);
  const scoreButton = useRef<HTMLButtonElement>(null);
  // The tagging tools closed: focus returns to the button that opened them (keyboard users).
  const refocus = model.refocus.value;
  useEffect(() => {
    if (!refocus || busy) return;
    (refocus === 'tag' ? tagButton : scoreButton).current?.focus();
    model.refocus.value = null;
  }, [refocus, busy]);

  const onHandleKey = (e: TargetedKeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, -KEY_STEP],
      ArrowDown: [0, KEY_STEP],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    model.moveBy(move[0], move[1], viewport());
  };

  const onHandleDown = (e: TargetedPointerEvent<HTMLButtonElement>) => {
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    let last = { x: e.clientX, y: e.clientY };
    const onMove = (m: PointerEvent) => {
      model.moveBy(m.clientX - last.x, m.clientY - last.y, viewport());
      last = { x: m.clientX, y: m.clientY };
    };
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };

  const state = stopped ? t('overlayStopped') : paused ? t('walkStatus_paused') : t('walkStatus_recording');
  return (
    <section
      class={`tp-overlay${collapsed.value ? ' tp-collapsed' : ''}${model.hidden.value ? ' tp-hidden' : ''}`}
      style={{ right: `${offset.value.right}px`, bottom: `${offset.value.bottom}px` }}
      aria-label={t('overlayLabel')}
    >
      <header class="tp-bar">
        <button
          type="button"
          class="tp-handle"
          aria-label={t('overlayMove')}
          title={t('overlayMove')}
          onKeyDown={onHandleKey}
          onPointerDown={onHandleDown}
        >
          ⠿
        </button>
        <span class={`tp-dot tp-${status.value}`} aria-hidden="true" />
        <span class="tp-state">
          <span role="status">{state}</span> · <Elapsed model={model} />
        </span>
        <button
          type="button"
          class="tp-icon"
          aria-expanded={!collapsed.value}
          aria-label={collapsed.value ? t('overlayExpand') : t('overlayCollapse')}
          onClick={() => {
            collapsed.value = !collapsed.value;
          }}
        >
          {collapsed.value ? '▴' : '▾'}
        </button>
      </header>
      {!collapsed.value && (
        <div class="tp-body">
          <p class="tp-persona">{t('overlayPersona', model.personaName.value)}</p>
          {notice.value && (
            <p
              class={`tp-notice${model.noticeKind.value === 'alert' ? '' : ' tp-notice-info'}`}
              role={model.noticeKind.value === 'alert' ? 'alert' : 'status'}
            >
              {notice.value}
            </p>
          )}
          {!stopped && (
            <div class="tp-actions tp-tagging">
              <button ref={tagButton} type="button" class="tp-primary" disabled={busy || paused} onClick={onTag}>
                {t('tagFriction')}
              </button>
              <button ref={scoreButton} type="button" disabled={busy || paused} onClick={onScore}>
                {t('scoreTouchpoint')}
              </button>
              <button type="button" aria-pressed={showTags.value} onClick={() => onShowTags(!showTags.value)}>
                {t('showTags')}
              </button>
            </div>
          )}
          {!stopped && (
            <div class="tp-actions">
              <button type="button" onClick={() => onPause(!paused)}>
                {paused ? t('resumeRecording') : t('pauseRecording')}
              </button>
              <button type="button" class="tp-end" onClick={onEnd}>
                {t('endWalk')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
