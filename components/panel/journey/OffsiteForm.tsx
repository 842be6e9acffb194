import { present, t } from '@/lib/i18n';
import { OffsiteFields } from '@/lib/model';
import type { OffsiteValues } from '@/components/panel/model/offsite-form';
import type { JourneyModel } from '@/components/panel/model/journey-model';
import { FactRows } from '@/components/panel/journey/FactRows';
import { CheckboxField, scale, SelectField, TextArea, TextField } from '@/components/ui/Field';

const CHANNELS = OffsiteFields.shape.channel.options;
const OUTCOMES = OffsiteFields.shape.outcome.options;

/**
 * An event of the same journey in another channel: a call, an email, a chat, a store visit. Named
 * by the heading of the view that holds it (offsite-heading, in Channels).
 */
export function OffsiteForm({ journey }: { journey: JourneyModel }) {
  const form = journey.offsiteForm;
  const v = form.values.value;
  const errors = form.errors.value;
  const set = (patch: Partial<OffsiteValues>) => {
    form.values.value = { ...v, ...patch };
  };
  const names = [...new Set(journey.touchpoints.value.filter((x) => x.patterns.length === 0).map((x) => x.name))];
  const err = (k: keyof OffsiteValues) => (errors[k] ? t(errors[k]) : undefined);
  const text = (k: 'touchpointName' | 'summary', labelKey: 'offsiteName' | 'offsiteSummary', list?: string) => (
    <TextField
      id={`off-${k}`}
      label={t(labelKey)}
      value={v[k]}
      list={list}
      maxLength={k === 'summary' ? 1000 : 200}
      error={err(k)}
      onValue={(x) => set({ [k]: x })}
    />
  );
  const choice = (
    id: string,
    labelText: string,
    value: string,
    options: [string, string][],
    onChange: (v: string) => void,
  ) => (
    <SelectField
      id={id}
      label={labelText}
      value={value}
      options={options.map(([o, l]) => ({ value: o, label: l }))}
      onChange={onChange}
    />
  );
  const num = (k: 'reschedules' | 'transfers', labelKey: 'offsiteReschedules' | 'offsiteTransfers') => (
    <TextField
      id={`off-${k}`}
      label={t(labelKey)}
      inputMode="numeric"
      value={v[k]}
      error={err(k)}
      onValue={(x) => set({ [k]: x })}
    />
  );
  return (
    <form
      class="subform offsite-form"
      aria-labelledby="offsite-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void journey.submitOffsite();
      }}
    >
      <p class="small muted">{t('offsiteIntro')}</p>
      {choice(
        'off-channel',
        t('offsiteChannel'),
        v.channel,
        CHANNELS.map((c) => [c, present.channel(c)]),
        (c) => set({ channel: c as OffsiteValues['channel'] }),
      )}
      {text('touchpointName', 'offsiteName', 'off-names')}
      <datalist id="off-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {text('summary', 'offsiteSummary')}
      <TextField
        id="off-requested"
        type="datetime-local"
        label={t('offsiteRequested')}
        value={v.requestedAt}
        error={err('requestedAt')}
        onValue={(x) => set({ requestedAt: x })}
      />
      <CheckboxField label={t('offsiteNoAnswer')} checked={v.noAnswer} onValue={(x) => set({ noAnswer: x })} />
      {!v.noAnswer && (
        <TextField
          id="off-answered"
          type="datetime-local"
          label={t('offsiteAnswered')}
          value={v.answeredAt}
          error={err('answeredAt')}
          onValue={(x) => set({ answeredAt: x })}
        />
      )}
      <div class="row">
        {num('reschedules', 'offsiteReschedules')}
        {num('transfers', 'offsiteTransfers')}
      </div>
      <TextArea
        id="off-repeated"
        label={t('offsiteRepeated')}
        value={v.repeatedInfo}
        onValue={(x) => set({ repeatedInfo: x })}
      />
      {choice(
        'off-outcome',
        t('offsiteOutcome'),
        v.outcome,
        OUTCOMES.map((o) => [o, present.offsiteOutcome(o)]),
        (o) => set({ outcome: o as OffsiteValues['outcome'] }),
      )}
      <SelectField
        id="off-ces"
        label={t('fieldEffort')}
        hint={t('cesStatement')}
        value={v.ces}
        options={[{ value: '', label: t('csatNone') }, ...scale([1, 2, 3, 4, 5, 6, 7], present.ces)]}
        onChange={(x) => set({ ces: x })}
      />
      <SelectField
        id="off-csat"
        label={t('fieldCsat')}
        hint={t('csatStatement')}
        value={v.csat}
        options={[{ value: '', label: t('csatNone') }, ...scale([1, 2, 3, 4, 5], present.csat)]}
        onChange={(x) => set({ csat: x })}
      />
      {choice(
        'off-formality',
        t('offsiteFormality'),
        v.formality,
        [
          ['', present.formality(null)],
          ['formal', present.formality('formal')],
          ['informal', present.formality('informal')],
        ],
        (x) => set({ formality: x }),
      )}
      {choice(
        'off-warmth',
        t('offsiteWarmth'),
        v.warmth,
        [
          ['', present.warmth(null)],
          ['warm', present.warmth('warm')],
          ['neutral', present.warmth('neutral')],
          ['cold', present.warmth('cold')],
        ],
        (x) => set({ warmth: x }),
      )}
      <FactRows facts={v.facts} onChange={(facts) => set({ facts })} error={err('facts')} />
      <TextArea
        id="off-note"
        label={t('fieldNote')}
        maxLength={4000}
        value={v.note}
        onValue={(x) => set({ note: x })}
      />
      <div class="row">
        <button type="submit" class="primary">
          {form.editingId.value ? t('offsiteSaveEdit') : t('offsiteAdd')}
        </button>
        {form.editingId.value && (
          <>
            <button type="button" class="danger" onClick={() => void journey.deleteOffsite(form.editingId.value ?? '')}>
              {t('offsiteDelete')}
            </button>
            <button type="button" onClick={() => form.reset()}>
              {t('cancel')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
