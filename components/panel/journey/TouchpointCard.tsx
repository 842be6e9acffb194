import { useState } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import { Channel, type Category, type OffsiteEvent, Stage } from '@/lib/model';
import type { JourneyItem, JourneyModel } from '@/components/panel/model/journey-model';
import { TagItem } from '@/components/panel/journey/TagItem';
import { TOUCHPOINT_CAP } from '@/lib/touchpoints/group';
import { SelectField, TextField } from '@/components/ui/Field';

/** One touchpoint: its KPIs, score, tags and off-site events; renamed, re-staged, merged, split. */
export function TouchpointCard({
  item,
  journey,
  categories,
  onEditOffsite,
}: {
  item: JourneyItem;
  journey: JourneyModel;
  categories: Category[];
  onEditOffsite: (e: OffsiteEvent) => void;
}) {
  const { touchpoint: tp, kpis, score } = item;
  const [name, setName] = useState(tp.name);
  const [mergeWith, setMergeWith] = useState('');
  const others = journey.touchpoints.value.filter((o) => o.id !== tp.id);
  const id = `tp-${tp.id}`;
  return (
    <li class="jtp" aria-labelledby={`${id}-name`}>
      <h4 id={`${id}-name`}>
        {tp.name} <span class="small muted">· {present.channel(tp.channel)}</span>
      </h4>
      <p class="small jkpis" data-touchpoint={tp.id}>
        {present.kpiPhrases(kpis).join(' · ')}
      </p>
      {score && (
        <p class="small">{t('scoreLine', [String(score.ces), score.csat === null ? '–' : String(score.csat)])}</p>
      )}
      {item.offsite.map((e) => (
        <p key={e.id} class="small">
          {e.summary} ·{' '}
          {e.answeredAt === null
            ? t('offsiteWaiting', present.span(journey.now() - e.requestedAt))
            : t('offsiteWait', present.span(e.answeredAt - e.requestedAt))}{' '}
          <button type="button" class="link" onClick={() => onEditOffsite(e)}>
            {t('offsiteEdit')}
          </button>
        </p>
      ))}
      {item.tags.length > 0 && (
        <ul class="jtags">
          {item.tags.map((tag, i) => (
            <TagItem key={tag.id} tag={tag} n={i + 1} journey={journey} categories={categories} />
          ))}
        </ul>
      )}
      <details class="jtp-edit">
        <summary>{t('touchpointEdit', tp.name)}</summary>
        <form
          class="subform"
          onSubmit={(e) => {
            e.preventDefault();
            void journey.editTouchpoint(tp.id, { name });
          }}
        >
          <TextField id={`${id}-rename`} label={t('touchpointName')} value={name} maxLength={200} onValue={setName} />
          <SelectField
            id={`${id}-channel`}
            label={t('touchpointChannel')}
            value={tp.channel}
            options={Channel.options.map((c) => ({ value: c, label: present.channel(c) }))}
            onChange={(c) => void journey.editTouchpoint(tp.id, { channel: c as Channel })}
          />
          <SelectField
            id={`${id}-stage`}
            label={t('touchpointStage')}
            value={tp.stage}
            options={Stage.options.map((s) => ({
              value: s,
              label: s === tp.stage && tp.stageGuessed ? t('stageGuessed', present.stage(s)) : present.stage(s),
            }))}
            onChange={(s) => void journey.editTouchpoint(tp.id, { stage: s as Stage })}
          />
          <button type="submit">{t('touchpointSave')}</button>
        </form>
        {tp.patterns.length > 0 && (
          <div class="subform">
            <p class="small">{t('patternsLabel')}</p>
            {tp.grouped && <p class="small">{t('touchpointGrouped', String(TOUCHPOINT_CAP))}</p>}
            <ul class="jpatterns">
              {tp.patterns.map((p) => (
                <li key={p}>
                  <code>{p}</code>
                  {tp.patterns.length > 1 && (
                    <button type="button" class="link" onClick={() => void journey.split(tp.id, p)}>
                      {t('splitButton', p)}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {others.length > 0 && (
          <div class="row row-end subform">
            <SelectField
              id={`${id}-merge`}
              label={t('mergeInto')}
              value={mergeWith}
              options={[{ value: '', label: '–' }, ...others.map((o) => ({ value: o.id, label: o.name }))]}
              onChange={setMergeWith}
            />
            <button type="button" disabled={!mergeWith} onClick={() => void journey.merge(mergeWith, tp.id)}>
              {t('mergeButton')}
            </button>
          </div>
        )}
      </details>
    </li>
  );
}
