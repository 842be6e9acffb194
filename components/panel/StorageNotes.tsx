import { present, t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';

/** What the auditor must know about the disk: nearly full, full, or not kept for sure. */
export function StorageNotes({ model }: { model: PanelModel }) {
  const s = model.storage.value;
  return (
    <>
      {model.storageFull.value && (
        <p class="ui-notice ui-alert" role="alert">
          {t('panelStorageFull')}
        </p>
      )}
      {s?.warn && (
        <p class="ui-notice ui-alert" role="alert">
          {t('panelStorageWarning', present.count(s.percent ?? 0))}
        </p>
      )}
      {model.persisted.value === false && <p class="ui-notice ui-note small">{t('panelStorageNotPersistent')}</p>}
    </>
  );
}

/** How much of the browser's quota Touchpoint uses: small print at the foot of the panel. */
export function StorageUsage({ model }: { model: PanelModel }) {
  const s = model.storage.value;
  if (!s || s.quota === null) return null;
  return (
    <p class="muted small storage-usage">{t('panelStorageUsage', [present.bytes(s.usage), present.bytes(s.quota)])}</p>
  );
}
