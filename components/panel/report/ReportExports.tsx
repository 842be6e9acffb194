import { useRef } from 'preact/hooks';
import { present, t, type MessageKey } from '@/lib/i18n';
import type { ReportFormat, ReportModel, ReportStep } from '@/components/panel/model/report-model';

const FORMATS: readonly { format: ReportFormat; label: MessageKey }[] = [
  { format: 'html', label: 'reportExportHtml' },
  { format: 'json', label: 'reportExportJson' },
  { format: 'csv', label: 'reportExportCsv' },
  { format: 'markdown', label: 'reportExportMarkdown' },
];

const STEP: Record<ReportStep, MessageKey> = {
  read: 'reportStepRead',
  build: 'reportStepBuild',
  write: 'reportStepWrite',
  size: 'reportStepSize',
};

/**
 * The report's exports: one button per format; while one is built, its step, a progress bar and
 * Cancel; the HTML report waits with its size shown until the auditor saves it.
 */
export function ReportExports({ model }: { model: ReportModel }) {
  const job = model.job.value;
  const ready = model.ready.value;
  const list = useRef<HTMLUListElement>(null);
  // Save and Discard go with the file: focus returns to the format buttons.
  const then = (act: () => void) => () => {
    act();
    list.current?.querySelector('button')?.focus();
  };
  return (
    <div class="rep-exports">
      <h3 id="rep-export-heading">{t('reportExportHeading')}</h3>
      <p class="small muted">{t('reportExportHint')}</p>
      <ul ref={list} class="rep-formats" aria-labelledby="rep-export-heading">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <button type="button" onClick={() => void model.export(f.format)} disabled={job !== null}>
              {t(f.label)}
            </button>
          </li>
        ))}
      </ul>
      {job && (
        <div class="rep-progress">
          <p class="small">{t(STEP[job.step])}</p>
          <progress aria-label={t('reportProgressLabel')} max={job.steps} value={job.done}>
            {t(STEP[job.step])}
          </progress>
          <button type="button" onClick={model.cancel}>
            {t('cancel')}
          </button>
        </div>
      )}
      {ready && (
        <div class="rep-ready">
          <p>{t('reportHtmlReady', present.bytes(ready.bytes))}</p>
          <div class="row">
            <button type="button" class="primary" onClick={then(model.save)}>
              {t('reportSave')}
            </button>
            <button type="button" class="quiet" onClick={then(model.discard)}>
              {t('reportDiscard')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
