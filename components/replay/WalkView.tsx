import { present, t } from '@/lib/i18n';
import { replayHash } from '@/lib/replay/hash';
import type { ReplayWalk } from '@/lib/replay/load';
import { segmentTitle } from '@/lib/replay/timeline';
import type { ReplayModel } from '@/components/replay/model/replay-model';
import { segmentProblemText } from '@/components/replay/labels';
import { PageBar } from '@/components/replay/PageBar';
import { ReplayPlayer } from '@/components/replay/ReplayPlayer';
import { StepList } from '@/components/replay/StepList';
import { TagList } from '@/components/replay/TagList';

/** One walk: the player on the page being replayed, its page switcher, and the walk's steps. */
export function WalkView({ model, walk }: { model: ReplayModel; walk: ReplayWalk }) {
  const { segments } = walk;
  const index = model.segmentIndex.value;
  const shown = model.shown.value;
  const w = walk.walk;
  const current = segments[index];
  const duration = w.endedAt === null ? t('replayInProgress') : present.clock(w.endedAt - w.startedAt);
  // Damaged pages are listed up front; the one on screen says so in the player's place instead.
  const damaged = [...model.damaged.value].filter(([i]) => !(i === shown?.index && shown.events.length === 0));

  return (
    <section class="rp-walk" aria-labelledby="rp-walk-title">
      <a class="rp-back" href={replayHash({ auditId: w.auditId })}>
        ← {t('replayAllWalks')}
      </a>
      <header class="rp-walk-head">
        <h2 id="rp-walk-title">
          {t('replayWalkTitle', [walk.personaName ?? t('deletedPersona'), walk.auditName ?? ''])}
        </h2>
        <p class="rp-muted">
          {t('replayWalkMeta', [present.dateTime(w.startedAt), duration, w.auditorName || t('replayNone')])}
        </p>
      </header>
      {damaged.map(([i, problem]) => {
        const segment = segments[i];
        return segment ? (
          <p key={i} class="rp-alert" role="alert">
            {segmentProblemText(problem, i + 1, segmentTitle(segment))}
          </p>
        ) : null;
      })}
      {segments.length === 0 ? (
        <p class="rp-empty">{t('replayNoEvents')}</p>
      ) : (
        <div class="rp-stage">
          <div class="rp-stage-main">
            <PageBar segments={segments} tabIds={w.tabIds} index={index} onGo={(i) => void model.goToSegment(i)} />
            {!shown || shown.index !== index ? (
              <p class="rp-player-placeholder rp-muted" role="status">
                {t('replayLoadingPage')}
              </p>
            ) : shown.events.length === 0 ? (
              <p class="rp-player-placeholder rp-alert" role="alert">
                {segmentProblemText(shown.problem ?? 'too-short', index + 1, current ? segmentTitle(current) : '')}
              </p>
            ) : (
              <ReplayPlayer key={index} events={shown.events} seek={model.seek.value} onTime={model.playerTime} />
            )}
          </div>
          <div class="rp-side">
            <TagList model={model} walk={walk} />
            <StepList model={model} walk={walk} />
          </div>
        </div>
      )}
    </section>
  );
}
