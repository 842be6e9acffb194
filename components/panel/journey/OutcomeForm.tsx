import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { WalkOutcome } from '@/lib/model';
import type { JourneyModel } from '@/components/panel/model/journey-model';
import { label } from '@/components/panel/journey/format';

/** Asked when a walk has ended: did the persona get what it came for, how long, would it recommend. */
export function OutcomeForm({ journey }: { journey: JourneyModel }) {
  const w = journey.walk.value;
  const lengthMin = w?.endedAt ? Math.max(1, Math.round((w.endedAt - w.startedAt) / 60_000)) : 1;
  const [goal, setGoal] = useState<WalkOutcome['goal']>(w?.outcome?.goal ?? 'yes');
  const [minutes, setMinutes] = useState(String(w?.outcome?.minutes ?? lengthMin));
  const [nps, setNps] = useState(
    w?.outcome?.nps === null || w?.outcome?.nps === undefined ? '' : String(w.outcome.nps),
  );
  const [note, setNote] = useState(w?.outcome?.note ?? '');
  const [error, setError] = useState(false);
  useEffect(() => {
    setMinutes(String(w?.outcome?.minutes ?? lengthMin));
  }, [w?.id]);
  if (w?.status !== 'ended') return null;
  return (
    <form
      class="subform"
      aria-labelledby="outcome-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const m = Number(minutes.replace(',', '.'));
        if (!Number.isFinite(m) || m < 0) {
          setError(true);
          return;
        }
        setError(false);
        void journey.saveOutcome({ goal, minutes: m, nps: nps === '' ? null : Number(nps), note: note.trim() });
      }}
    >
      <h3 id="outcome-heading">{t('outcomeHeading')}</h3>
      {w.outcome && (
        <p class="small">
          {t('outcomeSummary', [
            label('goal', w.outcome.goal),
            String(w.outcome.minutes),
            w.outcome.nps === null ? '–' : String(w.outcome.nps),
          ])}
        </p>
      )}
      <fieldset>
        <legend>{t('outcomeGoal')}</legend>
        {(['yes', 'partly', 'no'] as const).map((g) => (
          <label key={g} class="ui-check">
            <input type="radio" name="goal" value={g} checked={goal === g} onChange={() => setGoal(g)} />
            {label('goal', g)}
          </label>
        ))}
      </fieldset>
      <div class="ui-field">
        <label for="outcome-minutes">{t('outcomeMinutes')}</label>
        <input
          id="outcome-minutes"
          inputMode="decimal"
          value={minutes}
          aria-invalid={error || undefined}
          aria-describedby={error ? 'outcome-minutes-error' : undefined}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
        {error && (
          <span id="outcome-minutes-error" class="ui-error">
            {t('errorMinutes')}
          </span>
        )}
      </div>
      <div class="ui-field">
        <label for="outcome-nps">{t('outcomeNps')}</label>
        <select id="outcome-nps" value={nps} onChange={(e) => setNps(e.currentTarget.value)}>
          <option value="">{t('npsNone')}</option>
          {Array.from({ length: 11 }, (_, i) => (
            <option key={i} value={String(i)}>
              {i}
            </option>
          ))}
        </select>
      </div>
      <div class="ui-field">
        <label for="outcome-note">{t('fieldNote')}</label>
        <textarea id="outcome-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <button type="submit" class="primary">
        {t('outcomeSave')}
      </button>
    </form>
  );
}
