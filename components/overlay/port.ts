import type { TaggerMode } from '@/components/tagger/bridge';

/**
 * How the recorder and the overlay of a walk tab meet. The recorder (injected first, on the page
 * start's critical path) owns the overlay's state as plain values, with no Preact or signals; the
 * overlay (entrypoints/overlay.content, injected by the worker with the recorder, after it) renders
 * it. Both run in the same isolated world, whose globals the page cannot see: the recorder
 * publishes the port there, the overlay reads it. What the recorder says before the overlay has
 * loaded is kept as state and shown once it has.
 */
export const OVERLAY_PORT_KEY = '__touchpointOverlay';

export type OverlayStatus = 'recording' | 'paused' | 'stopped';

export interface OverlayState {
  personaName: string;
  startedAt: number;
  status: OverlayStatus;
  /** A message for the auditor (storage full, walk ended elsewhere), or null. */
  notice: string | null;
  noticeKind: 'info' | 'alert';
  /** What the tagging tools are doing: the overlay's buttons wait while a form is open. */
  mode: TaggerMode;
  /** Tag markers on the page (the auditor's toggle). */
  showTags: boolean;
  /** Hidden for the instant a screenshot is taken. */
  hidden: boolean;
  /** The walk ended: the overlay leaves the page (or never comes). */
  removed: boolean;
}

/** What the overlay's buttons ask of the recorder. */
export interface OverlayActions {
  pause(paused: boolean): void;
  end(): void;
  tag(): void;
  score(): void;
  showTags(on: boolean): void;
}

export interface OverlayView {
  /** The state changed: render it. */
  update(state: Readonly<OverlayState>): void;
  /** Focus goes back to the button that opened the tagging tools (a moment, not a state). */
  refocus(button: 'tag' | 'score'): void;
  /** A second passed: the elapsed time is redrawn. */
  tick(): void;
}

export interface OverlayPort {
  readonly state: Readonly<OverlayState>;
  readonly actions: OverlayActions;
  /** The recorder's lifetime: the overlay goes when it ends. */
  readonly signal: AbortSignal;
  /** The overlay attaches its view; it is given the current state at once. */
  attach(view: OverlayView): void;
}

type Slot = { [OVERLAY_PORT_KEY]?: OverlayPort };

/** The recorder's side: the state it changes, and the port it publishes for the overlay. */
export function createOverlayPort(init: OverlayState, actions: OverlayActions, signal: AbortSignal) {
  let state: OverlayState = { ...init };
  let view: OverlayView | null = null;
  const port: OverlayPort = {
    get state() {
      return state;
    },
    actions,
    signal,
    attach(v) {
      view = v;
      v.update(state);
    },
  };
  return {
    port,
    get state(): Readonly<OverlayState> {
      return state;
    },
    set(patch: Partial<OverlayState>) {
      state = { ...state, ...patch };
      view?.update(state);
    },
    /** Shows a message in the overlay: `alert` for what went wrong, `info` for a confirmation. */
    say(text: string | null, kind: 'info' | 'alert' = 'info') {
      this.set({ notice: text, noticeKind: kind });
    },
    refocus(button: 'tag' | 'score') {
      view?.refocus(button);
    },
    tick() {
      view?.tick();
    },
  };
}

export function publishOverlayPort(port: OverlayPort): void {
  (globalThis as Slot)[OVERLAY_PORT_KEY] = port;
}

export function readOverlayPort(): OverlayPort | undefined {
  return (globalThis as Slot)[OVERLAY_PORT_KEY];
}
