import { t } from '@/lib/i18n';
import type { EndReason, StepKind, WalkStatus } from '@/lib/model';
import type { SegmentProblem } from '@/lib/replay/decode';
import type { ReplayProblem } from '@/components/replay/model/replay-model';

/** The words for the model's enums, in one place so every view says the same thing. */
export function statusLabel(status: WalkStatus): string {
  return { recording: t('replayStatusRecording'), paused: t('replayStatusPaused'), ended: t('replayStatusEnded') }[
    status
  ];
}

export function endReasonLabel(reason: EndReason | null): string {
  if (!reason) return t('replayNone');
  return {
    auditor: t('replayEndAuditor'),
    'storage-full': t('replayEndStorageFull'),
    'browser-restart': t('replayEndBrowserRestart'),
  }[reason];
}

export function kindLabel(kind: StepKind): string {
  return {
    visit: t('replayKindVisit'),
    click: t('replayKindClick'),
    input: t('replayKindInput'),
    submit: t('replayKindSubmit'),
    scroll: t('replayKindScroll'),
    'tab-opened': t('replayKindTabOpened'),
    'tab-closed': t('replayKindTabClosed'),
  }[kind];
}

/** What is wrong with page `n` (1-based), named by its title or URL. */
export function segmentProblemText(problem: SegmentProblem, n: number, title: string): string {
  const key = {
    partial: 'replayPagePartial',
    unreadable: 'replayPageUnreadable',
    'too-short': 'replayPageEmpty',
  } as const;
  return t(key[problem], [String(n), title]);
}

export function problemText(problem: ReplayProblem): string {
  return problem.kind === 'walk-not-found' ? t('replayWalkNotFound') : t('replayLoadFailed', problem.message);
}
