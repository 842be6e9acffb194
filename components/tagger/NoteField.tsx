import { t } from '@/lib/i18n';

/** The free-text note both forms end with. */
export function NoteField({ id, value, onInput }: { id: string; value: string; onInput: (v: string) => void }) {
  return (
    <div class="tg-field">
      <label for={id}>{t('fieldNote')}</label>
      <textarea id={id} rows={3} maxLength={4000} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </div>
  );
}
