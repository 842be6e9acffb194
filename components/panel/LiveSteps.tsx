import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import type { Step } from '@/lib/model';
import { pageLabel, stepTime } from '@/components/panel/model/format';

/**
 * The live list shows the walk's latest steps only: a long walk has thousands, and redrawing them
 * all on every change kept the panel busy while the walked pages loaded (npm run bench). The
 * replay page lists every step.
 */
export const LIVE_STEPS = 200;

/** The walk's latest steps in order: time from the start, what happened, on what, on which page. */
export function LiveSteps({ steps, startedAt, locale }: { steps: Step[]; startedAt: number; locale: string }) {
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  // Follow new steps like a log, unless the auditor scrolled up to read an earlier one.
  useLayoutEffect(() => {
    const el = list.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [steps.length]);
  // The same list object comes back while the steps are the same: Preact then leaves the rows be
  // when the walk's counters change around them.
  return useMemo(() => {
    if (steps.length === 0) return <p class="muted small">{t('panelNoSteps')}</p>;
    const shown = steps.slice(-LIVE_STEPS);
    const earlier = steps.length - shown.length;
    return (
      <>
        {earlier > 0 && (
          <p class="muted small">{t('panelStepsLatest', [present.count(shown.length), present.count(steps.length)])}</p>
        )}
        <ol
          ref={list}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a list that scrolls must be reachable by keyboard, whose arrow keys scroll it (WCAG 2.1.1)
          tabIndex={0}
          start={earlier + 1}
          class="steps"
          aria-label={t('steps')}
          onScroll={(e) => {
            const el = e.currentTarget;
            pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
        >
          {shown.map((s) => (
            <li key={s.id} class={`step step-${s.kind}`}>
              <time class="step-time">{stepTime(s.at, startedAt)}</time>
              <span class="step-kind">{present.stepKind(s.kind)}</span>
              {s.target && <span class="step-target">{present.target(s.target)}</span>}
              {s.stopReason && <span class="step-target">{present.stopKind(s.stopReason)}</span>}
              {(s.title || s.url) && (
                <span class="step-page" title={s.url}>
                  {pageLabel(s)}
                </span>
              )}
            </li>
          ))}
        </ol>
      </>
    );
  }, [steps, startedAt, locale]);
}
