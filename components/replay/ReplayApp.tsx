import { t } from '@/lib/i18n';
import type { ReplayModel } from '@/components/replay/model/replay-model';
import { problemText } from '@/components/replay/labels';
import { WalkBrowser } from '@/components/replay/WalkBrowser';
import { WalkView } from '@/components/replay/WalkView';

/** The replay page: an audit's walks, or one walk in the player. The address decides which. */
export function ReplayApp({ model }: { model: ReplayModel }) {
  const problem = model.problem.value;
  const open = model.open.value;
  return (
    <div class="rp-app">
      <header class="rp-header">
        <span class="rp-brand">{t('extName')}</span>
        <h1>{t('replayHeading')}</h1>
      </header>
      <main class="rp-content">
        {problem && (
          <p class="rp-alert" role="alert">
            {problemText(problem)}
          </p>
        )}
        {open ? (
          <WalkView model={model} walk={open} />
        ) : model.loadingWalk.value ? (
          <p class="rp-muted" role="status">
            {t('replayLoading')}
          </p>
        ) : (
          <WalkBrowser model={model} />
        )}
      </main>
    </div>
  );
}
