import { present, t } from '@/lib/i18n';
import type { WalkModel } from '@/components/panel/model/walk-model';
import { LiveSteps } from '@/components/panel/LiveSteps';

/** The walk being recorded, in the Walk view: how much it holds and its steps as they come. */
export function ActiveWalk({ walk, locale }: { walk: WalkModel; locale: string }) {
  const w = walk.active.value;
  if (!w) return null;
  return (
    <div class="live">
      <ul class="stats">
        <li>{t('panelStored', present.bytes(w.storedBytes))}</li>
        <li>{t('panelEvents', present.count(w.eventCount))}</li>
        <li>{t('panelTabs', present.count(w.tabIds.length))}</li>
      </ul>
      <h3>{t('steps')}</h3>
      <LiveSteps steps={walk.steps.value} startedAt={w.startedAt} locale={locale} />
    </div>
  );
}
