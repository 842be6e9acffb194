import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Channel, type Category, Stage } from '@/lib/model';
import type { JourneyItem, JourneyModel } from '@/components/panel/model/journey-model';
import { formatMs, kpiPhrases, label } from '@/components/panel/journey/format';
import { TagItem } from '@/components/panel/journey/TagItem';

/** One touchpoint: its KPIs, score, tags and off-site events; renamed, re-staged, merged, split. */
export function TouchpointCard({
  item,
  journey,
  categories,
}: {
  item: JourneyItem;
  journey: JourneyModel;
  categories: Category[];
}) {
  const { touchpoint: tp, kpis, score } = item;
  const [name, setName] = useState(tp.name);
  const [mergeWith, setMergeWith] = useState('');
  const others = journey.touchpoints.value.filter((o) => o.id !== tp.id);
  const id = `tp-${tp.id}`;
  return (
    <li class="jtp" aria-labelledby={`${id}-name`}>
      <h4 id={`${id}-name`}>
        {tp.name} <span class="small muted">· {label('channel', tp.channel)}</span>
      </h4>
      <p class="small jkpis" data-touchpoint={tp.id}>
        {kpiPhrases(kpis).join(' · ')}
      </p>
      {score && (
        <p class="small">{t('scoreLine', [String(score.ces), score.csat === null ? '–' : String(score.csat)])}</p>
      )}
      {item.offsite.map((e) => (
        <p key={e.id} class="small">
          {e.summary} ·{' '}
          {e.answeredAt === null
            ? t('offsiteWaiting', formatMs(Math.max(0, journey.now() - e.requestedAt)))
            : t('offsiteWait', formatMs(e.answeredAt - e.requestedAt))}{' '}
          <button type="button" class="link" onClick={() => journey.offsiteForm.edit(e)}>
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
          <div class="ui-field">
            <label for={`${id}-rename`}>{t('touchpointName')}</label>
            <input id={`${id}-rename`} value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="ui-field">
            <label for={`${id}-channel`}>{t('touchpointChannel')}</label>
            <select
              id={`${id}-channel`}
              value={tp.channel}
              onChange={(e) => void journey.editTouchpoint(tp.id, { channel: e.currentTarget.value as Channel })}
            >
              {Channel.options.map((c) => (
                <option key={c} value={c}>
                  {label('channel', c)}
                </option>
              ))}
            </select>
          </div>
          <div class="ui-field">
            <label for={`${id}-stage`}>{t('touchpointStage')}</label>
            <select
              id={`${id}-stage`}
              value={tp.stage}
              onChange={(e) => void journey.editTouchpoint(tp.id, { stage: e.currentTarget.value as Stage })}
            >
              {Stage.options.map((s) => (
                <option key={s} value={s}>
                  {s === tp.stage && tp.stageGuessed ? t('stageGuessed', label('stage', s)) : label('stage', s)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('touchpointSave')}</button>
        </form>
        {tp.patterns.length > 0 && (
          <div class="subform">
            <p class="small">{t('patternsLabel')}</p>
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
          <div class="row subform">
            <label for={`${id}-merge`}>{t('mergeInto')}</label>
            <select id={`${id}-merge`} value={mergeWith} onChange={(e) => setMergeWith(e.currentTarget.value)}>
              <option value="">–</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <button type="button" disabled={!mergeWith} onClick={() => void journey.merge(mergeWith, tp.id)}>
              {t('mergeButton')}
            </button>
          </div>
        )}
      </details>
    </li>
  );
}
