import { computed, signal } from '@preact/signals';
import type { OverlayState, OverlayStatus } from '@/components/overlay/port';
import type { TaggerMode } from '@/components/tagger/bridge';

export type { OverlayStatus };

/** The overlay's state; the component only renders it. */
export function createOverlayModel(init: {
  personaName: string;
  startedAt: number;
  paused: boolean;
  showTags?: boolean;
  now?: () => number;
}) {
  const now = init.now ?? Date.now;
  const status = signal<OverlayStatus>(init.paused ? 'paused' : 'recording');
  const personaName = signal(init.personaName);
  const clock = signal(now());
  const collapsed = signal(false);
  /** Offset from the bottom-right corner of the viewport, in CSS pixels. */
  const offset = signal({ right: 16, bottom: 16 });
  /** A message for the auditor (storage full, walk ended elsewhere), or null. */
  const notice = signal<string | null>(null);
  /** An alert (storage full, tools that failed) interrupts; anything else is a quiet status. */
  const noticeKind = signal<'info' | 'alert'>('info');
  const elapsedMs = computed(() => Math.max(0, clock.value - init.startedAt));
  /** What the tagging tools are doing: the overlay's buttons wait while a form is open. */
  const mode = signal<TaggerMode>('idle');
  /** Tag markers on the page (the auditor's toggle). */
  const showTags = signal(init.showTags ?? true);
  /** Hidden for the instant a screenshot is taken. */
  const hidden = signal(false);
  /** A button to focus when the tagging tools close (they were opened from it). */
  const refocus = signal<'tag' | 'score' | null>(null);

  return {
    status,
    personaName,
    collapsed,
    offset,
    notice,
    noticeKind,
    /** Shows a message in the overlay: `alert` for what went wrong, `info` for a confirmation. */
    say(text: string | null, kind: 'info' | 'alert' = 'info') {
      noticeKind.value = kind;
      notice.value = text;
    },
    elapsedMs,
    mode,
    showTags,
    hidden,
    refocus,
    tick: () => {
      clock.value = now();
    },
    /** Takes the recorder's state (components/overlay/port.ts); signals skip unchanged values. */
    sync(s: Readonly<OverlayState>) {
      status.value = s.status;
      personaName.value = s.personaName;
      notice.value = s.notice;
      noticeKind.value = s.noticeKind;
      mode.value = s.mode;
      showTags.value = s.showTags;
      hidden.value = s.hidden;
    },
    /** Moves the overlay, kept inside a viewport of the given size. */
    moveBy(dx: number, dy: number, viewport: { width: number; height: number }) {
      const clamp = (v: number, max: number) => Math.min(Math.max(0, v), Math.max(0, max - 48));
      offset.value = {
        right: clamp(offset.value.right - dx, viewport.width),
        bottom: clamp(offset.value.bottom - dy, viewport.height),
      };
    },
  };
}

export type OverlayModel = ReturnType<typeof createOverlayModel>;
