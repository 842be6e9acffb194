import { t } from '@/lib/i18n';
import type { Segment } from '@/lib/replay/segments';
import { segmentTitle, tabNumber } from '@/lib/replay/timeline';

export interface PageBarProps {
  segments: Segment[];
  tabIds: number[];
  index: number;
  onGo: (index: number) => void;
}

/** "Page N of M — title (tab K)" between Previous and Next: rrweb plays one page load at a time. */
export function PageBar({ segments, tabIds, index, onGo }: PageBarProps) {
  const segment = segments[index];
  return (
    <nav class="rp-pagebar" aria-label={t('replayPages')}>
      <button type="button" disabled={index <= 0} onClick={() => onGo(index - 1)}>
        ‹ {t('replayPrevPage')}
      </button>
      <p class="rp-pagelabel" aria-live="polite">
        {segment
          ? t('replayPageOf', [
              String(index + 1),
              String(segments.length),
              segmentTitle(segment),
              String(tabNumber(tabIds, segments, segment.tabId)),
            ])
          : ''}
      </p>
      <button type="button" disabled={index >= segments.length - 1} onClick={() => onGo(index + 1)}>
        {t('replayNextPage')} ›
      </button>
    </nav>
  );
}
