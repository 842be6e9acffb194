import { useEffect, useMemo, useRef } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import type { ReplayWalk } from '@/lib/replay/load';
import { segmentIndexOfStep } from '@/lib/replay/timeline';
import type { ReplayModel } from '@/components/replay/model/replay-model';

/** The walk's steps in time order; clicking one plays its page from that moment. */
export function StepList({ model, walk }: { model: ReplayModel; walk: ReplayWalk }) {
  const list = useRef<HTMLOListElement>(null);
  const current = model.currentStepId.value;
  const index = model.segmentIndex.value;
  const pageOf = useMemo(() => new Map(walk.steps.map((s) => [s.id, segmentIndexOfStep(walk.segments, s)])), [walk]);

  // Keep the highlighted step in sight as playback moves it, inside the list only.
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="step"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <section class="rp-steps" aria-labelledby="rp-steps-title">
      <h3 id="rp-steps-title">{t('steps')}</h3>
      {walk.steps.length === 0 ? (
        <p class="rp-muted">{t('replayNoSteps')}</p>
      ) : (
        <ol ref={list}>
          {walk.steps.map((s) => {
            const offset = present.clock(s.at - walk.walk.startedAt);
            return (
              <li key={s.id}>
                <button
                  type="button"
                  class={`rp-step${pageOf.get(s.id) === index ? '' : ' rp-step-other'}`}
                  aria-current={s.id === current ? 'step' : undefined}
                  onClick={() => void model.selectStep(s.id)}
                >
                  <span class={`rp-kind rp-kind-${s.kind}`}>{present.stepKind(s.kind)}</span>
                  <time class="rp-at" title={t('replayStepAt', offset)}>
                    {offset}
                  </time>
                  {s.target && <span class="rp-target">{present.target(s.target)}</span>}
                  {s.stopReason && <span class="rp-target">{present.stopKind(s.stopReason)}</span>}
                  <span class="rp-page-title">{s.title || s.url}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
