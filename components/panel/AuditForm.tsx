import { CheckboxField, TextArea, TextField } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';

/** "New audit": what to audit and what never to record. Errors show next to their field. */
export function AuditForm({ model }: { model: PanelModel }) {
  const f = model.auditForm;
  const errors = f.errors.value;
  return (
    <section class="card" aria-labelledby="new-audit-heading">
      <h2 id="new-audit-heading">{t('panelNewAuditHeading')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void model.createAudit();
        }}
      >
        <TextField label={t('panelAuditName')} value={f.name} maxLength={200} error={errors.name} />
        <TextField label={t('panelCompany')} value={f.company} maxLength={200} error={errors.company} />
        <TextField
          label={t('panelStartUrl')}
          type="url"
          value={f.startUrl}
          placeholder="https://"
          error={errors.startUrl}
        />
        <CheckboxField label={t('panelMaskAllText')} checked={f.maskAllText} />
        <TextArea
          label={t('panelBlockedSelectors')}
          value={f.blockSelectors}
          rows={2}
          mono
          hint={t('panelBlockedSelectorsHint')}
          error={errors.blockSelectors}
        />
        <Notice message={f.failure.value} kind="alert" />
        <button type="submit" class="primary" disabled={f.busy.value}>
          {t('panelCreateAudit')}
        </button>
      </form>
    </section>
  );
}
