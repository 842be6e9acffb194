import { useEffect, useState } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import { WalkOutcome } from '@/lib/model';
import type { JourneyModel } from '@/components/panel/model/journey-model';
import { scale, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { RadioGroup } from '@/components/ui/RadioGroup';

const NPS = Array.from({ length: 11 }, (_, i) => i);
const GOALS = WalkOutcome.shape.goal.options;

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
            present.goal(w.outcome.goal),
            present.decimal(w.outcome.minutes),
            w.outcome.nps === null ? '–' : String(w.outcome.nps),
          ])}
        </p>
      )}
      <RadioGroup
        legend={t('outcomeGoal')}
        name="goal"
        value={goal}
        options={GOALS.map((g) => ({ value: g, label: present.goal(g) }))}
        onChange={(g) => setGoal(g as WalkOutcome['goal'])}
      />
      <TextField
        id="outcome-minutes"
        label={t('outcomeMinutes')}
        inputMode="decimal"
        value={minutes}
        error={error ? t('errorMinutes') : undefined}
        onValue={setMinutes}
      />
      <SelectField
        id="outcome-nps"
        label={t('outcomeNps')}
        value={nps}
        options={[{ value: '', label: t('npsNone') }, ...scale(NPS, present.count)]}
        onChange={setNps}
      />
      <TextArea id="outcome-note" label={t('fieldNote')} maxLength={4000} value={note} onValue={setNote} />
      <button type="submit" class="primary">
        {t('outcomeSave')}
      </button>
    </form>
  );
}
