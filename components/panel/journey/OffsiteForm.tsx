import { t } from '@/lib/i18n';
import { OffsiteFields } from '@/lib/model';
import type { OffsiteValues } from '@/components/panel/model/offsite-form';
import type { JourneyModel } from '@/components/panel/model/journey-model';
import { FactRows } from '@/components/panel/journey/FactRows';
import { label } from '@/components/panel/journey/format';

const CHANNELS = OffsiteFields.shape.channel.options;
const OUTCOMES = OffsiteFields.shape.outcome.options;

/** An event of the same journey in another channel: a call, an email, a chat, a store visit. */
export function OffsiteForm({ journey }: { journey: JourneyModel }) {
  const form = journey.offsiteForm;
  const v = form.values.value;
  const errors = form.errors.value;
  const set = (patch: Partial<OffsiteValues>) => {
    form.values.value = { ...v, ...patch };
  };
  const names = [...new Set(journey.touchpoints.value.filter((x) => x.patterns.length === 0).map((x) => x.name))];
  const err = (k: keyof OffsiteValues) =>
    errors[k] ? (
      <span id={`off-${k}-error`} class="ui-error">
        {t(errors[k])}
      </span>
    ) : null;
  const described = (k: keyof OffsiteValues) => (errors[k] ? `off-${k}-error` : undefined);
  const text = (k: 'touchpointName' | 'summary', labelKey: 'offsiteName' | 'offsiteSummary', list?: string) => (
    <div class="ui-field">
      <label for={`off-${k}`}>{t(labelKey)}</label>
      <input
        id={`off-${k}`}
        value={v[k]}
        list={list}
        maxLength={k === 'summary' ? 1000 : 200}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={described(k)}
        onInput={(e) => set({ [k]: e.currentTarget.value })}
      />
      {err(k)}
    </div>
  );
  const choice = (
    id: string,
    labelText: string,
    value: string,
    options: [string, string][],
    onChange: (v: string) => void,
  ) => (
    <div class="ui-field">
      <label for={id}>{labelText}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([o, l]) => (
          <option key={o} value={o}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  const num = (k: 'reschedules' | 'transfers', labelKey: 'offsiteReschedules' | 'offsiteTransfers') => (
    <div class="ui-field">
      <label for={`off-${k}`}>{t(labelKey)}</label>
      <input
        id={`off-${k}`}
        inputMode="numeric"
        value={v[k]}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={described(k)}
        onInput={(e) => set({ [k]: e.currentTarget.value })}
      />
      {err(k)}
    </div>
  );
  const scale = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [String(i + 1), String(i + 1)]);
  return (
    <form
      class="subform"
      aria-labelledby="offsite-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void journey.submitOffsite();
      }}
    >
      <h3 id="offsite-heading">{t('offsiteHeading')}</h3>
      <p class="small muted">{t('offsiteIntro')}</p>
      {choice(
        'off-channel',
        t('offsiteChannel'),
        v.channel,
        CHANNELS.map((c) => [c, label('channel', c)]),
        (c) => set({ channel: c as OffsiteValues['channel'] }),
      )}
      {text('touchpointName', 'offsiteName', 'off-names')}
      <datalist id="off-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {text('summary', 'offsiteSummary')}
      <div class="ui-field">
        <label for="off-requested">{t('offsiteRequested')}</label>
        <input
          id="off-requested"
          type="datetime-local"
          value={v.requestedAt}
          aria-invalid={errors.requestedAt ? true : undefined}
          aria-describedby={described('requestedAt')}
          onInput={(e) => set({ requestedAt: e.currentTarget.value })}
        />
        {err('requestedAt')}
      </div>
      <label class="ui-check">
        <input type="checkbox" checked={v.noAnswer} onChange={(e) => set({ noAnswer: e.currentTarget.checked })} />
        {t('offsiteNoAnswer')}
      </label>
      {!v.noAnswer && (
        <div class="ui-field">
          <label for="off-answered">{t('offsiteAnswered')}</label>
          <input
            id="off-answered"
            type="datetime-local"
            value={v.answeredAt}
            aria-invalid={errors.answeredAt ? true : undefined}
            aria-describedby={described('answeredAt')}
            onInput={(e) => set({ answeredAt: e.currentTarget.value })}
          />
          {err('answeredAt')}
        </div>
      )}
      <div class="row">
        {num('reschedules', 'offsiteReschedules')}
        {num('transfers', 'offsiteTransfers')}
      </div>
      <div class="ui-field">
        <label for="off-repeated">{t('offsiteRepeated')}</label>
        <textarea
          id="off-repeated"
          rows={2}
          value={v.repeatedInfo}
          onInput={(e) => set({ repeatedInfo: e.currentTarget.value })}
        />
      </div>
      {choice(
        'off-outcome',
        t('offsiteOutcome'),
        v.outcome,
        OUTCOMES.map((o) => [o, label('outcome', o)]),
        (o) => set({ outcome: o as OffsiteValues['outcome'] }),
      )}
      {choice('off-ces', t('fieldCes'), v.ces, [['', t('csatNone')], ...scale(7)], (x) => set({ ces: x }))}
      <p class="ui-hint">{t('cesStatement')}</p>
      {choice('off-csat', t('fieldCsat'), v.csat, [['', t('csatNone')], ...scale(5)], (x) => set({ csat: x }))}
      {choice(
        'off-formality',
        t('offsiteFormality'),
        v.formality,
        [
          ['', t('toneUnknown')],
          ['formal', t('formality_formal')],
          ['informal', t('formality_informal')],
        ],
        (x) => set({ formality: x }),
      )}
      {choice(
        'off-warmth',
        t('offsiteWarmth'),
        v.warmth,
        [
          ['', t('toneUnknown')],
          ['warm', t('warmth_warm')],
          ['neutral', t('warmth_neutral')],
          ['cold', t('warmth_cold')],
        ],
        (x) => set({ warmth: x }),
      )}
      <FactRows facts={v.facts} onChange={(facts) => set({ facts })} error={err('facts')} />
      <div class="ui-field">
        <label for="off-note">{t('fieldNote')}</label>
        <textarea id="off-note" rows={2} value={v.note} onInput={(e) => set({ note: e.currentTarget.value })} />
      </div>
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
