import type { ComponentChildren } from 'preact';
import { SelectField } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';

/** Which audit the panel works on, its export and its delete; `children`: more about the audit (its categories). */
export function AuditPicker({ model, children }: { model: PanelModel; children?: ComponentChildren }) {
  const audits = model.audits.value;
  const current = model.audit.value;
  return (
    <section class="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading" class="sr-only">
        {t('panelAuditsHeading')}
      </h2>
      {audits.length === 0 ? (
        <p class="muted">{t('panelNoAudits')}</p>
      ) : (
        <div class="row row-end">
          <SelectField
            label={t('panelAuditSelect')}
            value={current?.id ?? ''}
            onChange={(id) => void model.selectAudit(id)}
          >
            {audits.map((a) => (
              <option key={a.id} value={a.id}>
                {a.company ? `${a.name} · ${a.company}` : a.name}
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            disabled={!current}
            aria-busy={model.exporting.value || undefined}
            onClick={() => void model.exportAudit()}
          >
            {t('panelExportAudit')}
          </button>
          <button
            type="button"
            class="danger"
            disabled={!current}
            aria-label={current ? t('deleteAuditLabel', current.name) : undefined}
            onClick={() => void model.deletes.askAudit()}
          >
            {t('deleteAudit')}
          </button>
        </div>
      )}
      {current && (
        <p class="muted small audit-url" title={current.startUrl}>
          {current.startUrl}
        </p>
      )}
      <Notice message={model.exportError.value} kind="alert" />
      {model.deletes.error.value?.of === 'audit' && <Notice message={model.deletes.error.value.message} kind="alert" />}
      {children}
    </section>
  );
}
