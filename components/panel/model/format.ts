import type { MessageKey } from '@/lib/i18n';
import type { EndReason, StepKind, Walk, WalkStatus } from '@/lib/model';
import { formatElapsed } from '@/components/overlay/overlay-model';

/** Locale keys of the panel's words for the model's enums: one table, so none is forgotten. */
export const STEP_KIND_KEYS: Record<StepKind, MessageKey> = {
  visit: 'panelStepVisit',
  click: 'panelStepClick',
  input: 'panelStepInput',
  submit: 'panelStepSubmit',
  scroll: 'panelStepScroll',
  'tab-opened': 'panelStepTabOpened',
  'tab-closed': 'panelStepTabClosed',
};

export const STATUS_KEYS: Record<WalkStatus, MessageKey> = {
  recording: 'panelStatusRecording',
  paused: 'panelStatusPaused',
  ended: 'panelStatusEnded',
};

export const END_REASON_KEYS: Record<EndReason, MessageKey> = {
  auditor: 'panelEndedByAuditor',
  'storage-full': 'panelEndedStorageFull',
  'browser-restart': 'panelEndedRestart',
};

/** What the walk list says of a walk's state: why it ended, or that it is still running. */
export function walkStateKey(w: Pick<Walk, 'status' | 'endReason'>): MessageKey {
  return w.status === 'ended' && w.endReason ? END_REASON_KEYS[w.endReason] : STATUS_KEYS[w.status];
}

/** A step's time as mm:ss from the start of its walk (a step stamped before the start shows 00:00). */
export function stepTime(at: number, walkStartedAt: number): string {
  return formatElapsed(Math.max(0, at - walkStartedAt));
}

/** How long a walk lasted, or has lasted so far. */
export function walkDuration(w: Pick<Walk, 'startedAt' | 'endedAt'>, now: number): string {
  return formatElapsed(Math.max(0, (w.endedAt ?? now) - w.startedAt));
}

export function formatDateTime(ms: number, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}

/** A page for the steps list: its title, or its path when it has none. */
export function pageLabel(step: { url: string; title: string }): string {
  if (step.title.trim()) return step.title.trim();
  try {
    const u = new URL(step.url);
    return u.pathname + u.search;
  } catch {
    return step.url;
  }
}
