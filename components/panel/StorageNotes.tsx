import { present, t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';

/**
 * What the auditor must know about the disk: nearly full, full, or not kept for sure. A full or
 * nearly full disk leads to where space is freed (`onFreeSpace`: the past walks, each deletable).
 */
export function StorageNotes({ model, onFreeSpace }: { model: PanelModel; onFreeSpace: () => void }) {
  const s = model.storage.value;
  const free = (
    <>
      {' '}
      <button type="button" class="link" onClick={onFreeSpace}>
        {t('panelStorageFree')}
      </button>
    </>
  );
  return (
    <>
      {model.storageFull.value && (
        <div class="ui-notice ui-alert">
          <span role="alert">{t('panelStorageFull')}</span>
          {free}
        </div>
      )}
      {s?.warn && (
        <div class="ui-notice ui-alert">
          <span role="alert">{t('panelStorageWarning', present.count(s.percent ?? 0))}</span>
          {free}
        </div>
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
