import { t } from '@/lib/i18n';
import type { JourneyModel } from '@/components/panel/model/journey-model';

/**
 * In the Walk view, after a walk ends: the outcome questions are in Journey, and this leads there.
 * A component of its own, so that only it redraws when the shown walk changes.
 */
export function OutcomeAsk({ journey, onAnswer }: { journey: JourneyModel; onAnswer: () => void }) {
  const w = journey.walk.value;
  if (w?.status !== 'ended' || w.outcome) return null;
  return (
    <p class="ui-notice ui-note">
      <button type="button" class="link" onClick={onAnswer}>
        {t('panelOutcomeAsk')}
      </button>
    </p>
  );
}
