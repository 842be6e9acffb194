import { useRef } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import type { ImportOutcome, ImportRun, ImportStage, ImportsModel } from '@/components/panel/model/import-model';
import { Notice } from '@/components/ui/Notice';

const STAGE = {
  file: 'importStageFile',
  sending: 'importStageSending',
  reading: 'importStageReading',
  checking: 'importStageChecking',
  writing: 'importStageWriting',
} as const satisfies Record<ImportStage, string>;

/** Whether a drag carries files (not text or a link being dragged about the panel). */
const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * The whole panel takes a dropped file: without this, Chrome opens a file dropped anywhere on the
 * page in its place and the panel is gone. `onDrop` shows the Audit view, where the import reports.
 */
export function panelDropHandlers(imports: ImportsModel, onDrop: () => void) {
  return {
    onDragOver(e: DragEvent) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      imports.dragging.value = true;
    },
    onDragLeave(e: DragEvent) {
      // Leaving for a child is no leaving: only a drag that left the panel clears the highlight.
      if (e.relatedTarget === null) imports.dragging.value = false;
    },
    onDrop(e: DragEvent) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      onDrop();
      void imports.importFiles([...(e.dataTransfer?.files ?? [])]);
    },
  };
}

function Progress({ run }: { run: ImportRun }) {
  const label = t(STAGE[run.stage]);
  return (
    <div class="import-progress">
      <p class="small">
        {t('importFile', [run.fileName, present.bytes(run.size)])}
        {' · '}
        {label}
      </p>
      {/* Without a total the bar is indeterminate: a value would claim a share it does not know. */}
      <progress
        aria-label={t('importProgressLabel')}
        max={run.total || undefined}
        value={run.total ? run.done : undefined}
      >
        {label}
      </progress>
    </div>
  );
}

/** What one file did: added (walks, tags, their auditors), already there, refused or failed. */
function Outcome({ outcome }: { outcome: ImportOutcome }) {
  const file = t('importFile', [outcome.fileName, present.bytes(outcome.size)]);
  if (outcome.kind === 'failed') return <Notice message={outcome.error} kind="alert" />;
  if (outcome.kind === 'refused') {
    return (
      <p class="ui-notice ui-alert" role="alert">
        {t('importRefused', [file, present.importRefusal(outcome.refusal)])}
      </p>
    );
  }
  const s = outcome.summary;
  const names = s.auditors.filter((n) => n.trim() !== '');
  const added = present.list([present.plural('deleteWalks', s.added.walks), present.plural('kpiTags', s.added.tags)]);
  return (
    <div class="ui-notice import-result" role="status">
      <p>{file}</p>
      <p>
        {s.unchanged
          ? t('importUnchanged', s.auditName)
          : t(s.newAudit ? 'importDoneNew' : 'importDoneMerged', [s.auditName, added])}
      </p>
      {!s.unchanged && names.length > 0 && <p>{t('importAuditors', present.list(names))}</p>}
      {s.migratedFrom !== null && <p class="small muted">{present.importMigrated(s.migratedFrom)}</p>}
    </div>
  );
}

/**
 * Import an audit: a button beside "New audit" (the two ways an audit starts) opens the file
 * picker; a file dropped anywhere on the panel lands here too. The Audit view must fit a laptop's
 * side panel during a walk, so the control takes no row of its own: how far an import is and what
 * it did show below (ImportNotes) only while there is something to say.
 */
export function ImportAudit({ imports }: { imports: ImportsModel }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="import-pick" aria-describedby="import-hint" onClick={() => input.current?.click()}>
        {t('importPick')}
      </button>
      <p id="import-hint" class="sr-only">
        {t('importHint')}
      </p>
      {/* The button above is the control people reach; the input only opens the browser's picker. */}
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const el = e.currentTarget;
          const files = [...(el.files ?? [])];
          // Cleared so that picking the same file again is a change (a second import of it).
          el.value = '';
          void imports.importFiles(files);
        }}
      />
    </>
  );
}

/** A file dragged over the panel, an import under way, and what each file did: only while there is one. */
export function ImportNotes({ imports }: { imports: ImportsModel }) {
  const run = imports.run.value;
  const outcomes = imports.outcomes.value;
  const dragging = imports.dragging.value;
  if (!run && outcomes.length === 0 && !dragging) return null;
  return (
    <section class="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      {dragging && (
        <p class="import-drop import-drop-over" role="status">
          {t('importDropHere')}
        </p>
      )}
      {run && <Progress run={run} />}
      {outcomes.map((o, i) => (
        <Outcome key={`${i}:${o.fileName}`} outcome={o} />
      ))}
    </section>
  );
}
