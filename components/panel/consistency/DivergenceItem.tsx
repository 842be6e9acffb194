import { useRef, useState } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import type { ConsistencyModel, ShownDivergence } from '@/components/panel/model/consistency-model';
import { ConfirmForm } from '@/components/panel/consistency/ConfirmForm';
import { Places } from '@/components/panel/consistency/Places';
import { ValueText } from '@/components/panel/consistency/ValueText';

/** Where the divergence's ids start: its key holds any character, so a counter names it. */
let seq = 0;

/**
 * One divergence: its subject, the suggested severity and the decision, the most common value and
 * the others with how many places hold each; opened, the places side by side and the decision's
 * buttons (Confirm asks severity and note; Dismiss; Undo once decided).
 */
export function DivergenceItem({ item, model }: { item: ShownDivergence; model: ConsistencyModel }) {
  const [id] = useState(() => `cons-d${++seq}`);
  const [asking, setAsking] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const d = item.divergence;
  const open = model.openKey.value === d.key;
  const [baseline, ...others] = d.values;
  const subject = d.subject ? present.factSubject(d.kind, d.subject) : '';
  const name = subject ? `${present.pageFactKind(d.kind)} · ${subject}` : present.pageFactKind(d.kind);
  const busy = model.busy.value;
  const decided = async (work: Promise<boolean>) => {
    if (await work) {
      setAsking(false);
      toggle.current?.focus();
    }
  };
  return (
    <li class={`cons-item cons-${item.status}`}>
      <p>
        {subject && <strong>{subject}</strong>} <span class="cons-status">{present.decisionStatus(item.status)}</span>
        {item.decision && (
          <span class="small muted"> {t('consistencyDecidedAt', present.dateTime(item.decision.decidedAt))}</span>
        )}
      </p>
      {d.lang && (model.comparison.value?.languages.length ?? 0) > 1 && (
        <p class="small muted">{t('consistencyInLanguage', present.language(d.lang))}</p>
      )}
      <p class="small muted">{t('consistencySuggested', present.severity(d.severity))}</p>
      {d.reason === 'structured-vs-text' && <p class="small">{t('consistencyStructured')}</p>}
      <dl class="cons-values">
        {baseline && (
          <>
            <dt class="small muted">{t('consistencyBaseline')}</dt>
            <dd>
              <ValueText value={baseline.value} />{' '}
              <span class="small muted">{present.plural('consistencyPlaces', baseline.places.length)}</span>
            </dd>
          </>
        )}
        {others.length > 0 && <dt class="small muted">{t('consistencyOther')}</dt>}
        {others.map((v) => (
          <dd key={v.value}>
            <ValueText value={v.value} />{' '}
            <span class="small muted">{present.plural('consistencyPlaces', v.places.length)}</span>
          </dd>
        ))}
      </dl>
      <button
        ref={toggle}
        type="button"
        class="link"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? model.close() : model.open(d.key))}
      >
        {open ? t('consistencyHidePlaces') : t('consistencyCompare', name)}
      </button>
      <div id={id} hidden={!open}>
        {open && (
          <>
            <Places divergence={d} model={model} />
            {item.status === 'open' ? (
              asking ? (
                <ConfirmForm
                  divergence={d}
                  busy={busy}
                  onConfirm={(place, severity, note) => void decided(model.confirm(d, place, severity, note))}
                  onCancel={() => {
                    setAsking(false);
                    toggle.current?.focus();
                  }}
                />
              ) : (
                <div class="row">
                  <button type="button" class="primary" disabled={busy} onClick={() => setAsking(true)}>
                    {t('consistencyConfirm')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void decided(model.dismiss(d))}>
                    {t('consistencyDismiss')}
                  </button>
                </div>
              )
            ) : (
              <div class="row">
                <button type="button" disabled={busy} onClick={() => void decided(model.undo(d))}>
                  {t('consistencyUndo')}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </li>
  );
}
