import { CheckboxField, TextArea, TextField } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';

/**
 * "New audit": what to audit and what never to record. Errors show next to their field. Folded
 * away once there is an audit (open: while there is none), so the Audit view stays short. Its card
 * (PanelApp) also holds the Import button: the other way an audit starts.
 */
export function AuditForm({ model, open }: { model: PanelModel; open: boolean }) {
  const f = model.auditForm;
  const errors = f.errors.value;
  return (
    <details class="audit-new" open={open}>
      <summary>
        <h2 id="new-audit-heading">{t('panelNewAuditHeading')}</h2>
      </summary>
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
        <TextField
          label={t('panelKeepParams')}
          value={f.keepParams}
          maxLength={2000}
          hint={t('panelKeepParamsHint')}
          error={errors.keepParams}
        />
        <Notice message={f.failure.value} kind="alert" />
        <button type="submit" class="primary" disabled={f.busy.value}>
          {t('panelCreateAudit')}
        </button>
      </form>
    </details>
  );
}
