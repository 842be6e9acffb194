import { useEffect, useMemo } from 'preact/hooks';
import { Notice } from '@/components/ui/Notice';
import { present, t } from '@/lib/i18n';
import { htmlContext } from '@/lib/report/html/render-context';
import type { ReportModel } from '@/components/panel/model/report-model';
import { ReportExports } from '@/components/panel/report/ReportExports';
import { ReportSummary } from '@/components/panel/report/ReportSummary';
import { ReportJourney } from '@/components/panel/report/ReportJourney';
import { ReportTouchpoints } from '@/components/panel/report/ReportTouchpoints';
import { ReportConsistency } from '@/components/panel/report/ReportConsistency';
import { ReportFrictions } from '@/components/panel/report/ReportFrictions';
import { ReportPeople } from '@/components/panel/report/ReportPeople';
import { Part } from '@/components/panel/report/ReportPart';
import { ReportCompare } from '@/components/panel/report/ReportCompare';

/**
 * The Report view: the same report as the HTML file (summary, journey map and curves,
 * touchpoints, consistency, top frictions, personas, auditors' agreement), narrow enough for the
 * side panel, and its exports. Built from the export file when the view opens; the auditor
 * refreshes it while a walk goes on.
 */
export function ReportView({ model }: { model: ReportModel }) {
  const auditId = model.loadedAuditId.value;
  // Built when the view opens and when another audit is loaded; the same audit on Refresh.
  useEffect(() => {
    if (auditId) void model.show();
  }, [auditId, model]);
  const shown = model.shown.value;
  const ctx = useMemo(() => (shown ? htmlContext(shown.report, shown.file, present, t) : null), [shown]);
  return (
    <section class="card rep" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('reportViewTab')}</h2>
      <ReportExports model={model} />
      {model.error.value && <Notice message={model.error.value} kind="alert" />}
      {model.stale.value && (
        <div class="row rep-stale">
          <p class="small">{t('reportStale')}</p>
          <button type="button" onClick={() => void model.refresh()} disabled={model.job.value !== null}>
            {t('reportRefresh')}
          </button>
        </div>
      )}
      {ctx && (
        <>
          <Part id="summary" title={t('reportSummary')} open>
            <ReportSummary ctx={ctx} />
          </Part>
          <Part id="journey" title={t('reportJourney')}>
            <ReportJourney ctx={ctx} />
          </Part>
          <Part id="touchpoints" title={t('reportTouchpoints')}>
            <ReportTouchpoints ctx={ctx} />
          </Part>
          <Part id="consistency" title={t('consistencyHeading')}>
            <ReportConsistency ctx={ctx} />
          </Part>
          <Part id="frictions" title={t('reportFrictions')} open>
            <ReportFrictions ctx={ctx} />
          </Part>
          <ReportPeople ctx={ctx} />
          <Part id="reaudit" title={t('reauditHeading')} open={model.comparison.value !== null}>
            <ReportCompare model={model} />
          </Part>
        </>
      )}
    </section>
  );
}
