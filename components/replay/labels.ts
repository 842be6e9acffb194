import { present, t } from '@/lib/i18n';
import type { SegmentProblem } from '@/lib/replay/decode';
import type { ReplayProblem } from '@/components/replay/model/replay-model';

/**
 * The replay page's own problem messages (the enums' words are in lib/present). What is wrong
 * with page `n` (1-based), named by its title or URL.
 */
export function segmentProblemText(problem: SegmentProblem, n: number, title: string): string {
  const key = {
    partial: 'replayPagePartial',
    unreadable: 'replayPageUnreadable',
    'too-short': 'replayPageEmpty',
  } as const;
  return t(key[problem], [present.count(n), title]);
}

export function problemText(problem: ReplayProblem): string {
  if (problem.kind === 'walk-not-found') return t('replayWalkNotFound');
  if (problem.kind === 'walk-deleted') return t('replayWalkDeleted');
  return t('replayLoadFailed', problem.message);
}
