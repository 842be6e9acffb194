import { useEffect, useRef, useState } from 'preact/hooks';
import { SelectField, TextArea } from '@/components/ui/Field';
import { present, t } from '@/lib/i18n';
import type { Divergence, PagePlace, Place } from '@/lib/consistency/divergence';
import { pageLabel } from '@/components/panel/model/format';

/**
 * The places a confirmation's tag can go on: a page element that holds a value, those that differ
 * from the most common value first (the tag marks what is wrong, not what agrees).
 */
export function taggablePlaces(d: Divergence): PagePlace[] {
  const [baseline, ...others] = d.values;
  return [...others, ...(baseline ? [baseline] : [])].flatMap((v) =>
    v.places.filter((p): p is PagePlace => p.type === 'page' && p.anchor !== null),
  );
}

/** Confirming a divergence: its severity (the suggestion first), a note, and the element to tag. */
export function ConfirmForm({
  divergence,
  busy,
  onConfirm,
  onCancel,
}: {
  divergence: Divergence;
  busy: boolean;
  onConfirm: (place: Place | null, severity: number, note: string) => void;
  onCancel: () => void;
}) {
  const places = taggablePlaces(divergence);
  const [severity, setSeverity] = useState(String(divergence.severity));
  const [note, setNote] = useState('');
  const [where, setWhere] = useState('0');
  const form = useRef<HTMLFormElement>(null);
  // The form replaced the button that asked for it: focus goes to its first field.
  useEffect(() => form.current?.querySelector<HTMLElement>('select, textarea')?.focus(), []);
  const headingId = `${divergence.kind}-confirm-heading`;
  return (
    <form
      ref={form}
      class="subform cons-confirm"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(places[Number(where)] ?? null, Number(severity), note);
      }}
    >
      <h5 id={headingId}>{t('consistencyConfirmHeading')}</h5>
      <SelectField
        label={t('fieldSeverity')}
        value={severity}
        onChange={setSeverity}
        options={[0, 1, 2, 3, 4].map((s) => ({ value: String(s), label: present.severity(s) }))}
      />
      {places.length > 0 ? (
        <SelectField
          label={t('consistencyTagPlace')}
          value={where}
          onChange={setWhere}
          options={places.map((p, i) => ({ value: String(i), label: `${pageLabel(p)} · ${p.raw}` }))}
        />
      ) : (
        <p class="small muted">{t('consistencyNoTagPlace')}</p>
      )}
      <TextArea label={t('fieldNote')} value={note} onValue={setNote} maxLength={4000} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {places.length > 0 ? t('consistencySaveConfirm') : t('consistencyConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
