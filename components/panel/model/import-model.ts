import { computed, type Signal, signal } from '@preact/signals';
import { type SendImport, sendImport } from '@/lib/import/send-import';
import {
  type ImportPhase,
  type ImportProgress,
  type ImportRefusal,
  type ImportSummary,
  MAX_IMPORT_BYTES,
} from '@/lib/model/import';
import { errorText, type Message, msg } from '@/components/panel/model/panel-env';

/** A file as the picker or a drop gives it: all the import reads of it. */
export interface ImportFile {
  name: string;
  size: number;
  /** `File.text()`: read off the main thread's way, so a large file does not freeze the panel. */
  text(): Promise<string>;
}

/** Where an import is: the panel reading the file, sending it, then the worker's own phases. */
export type ImportStage = 'file' | 'sending' | ImportPhase;

export interface ImportRun {
  fileName: string;
  size: number;
  stage: ImportStage;
  /** Units done and in all within the stage; `total` 0 when unknown (an indeterminate bar). */
  done: number;
  total: number;
}

/** How one file ended: what it added, why it was refused, or what broke on the way. */
export type ImportOutcome = { fileName: string; size: number } & (
  | { kind: 'imported'; summary: ImportSummary }
  | { kind: 'refused'; refusal: ImportRefusal }
  | { kind: 'failed'; error: Message }
);

export interface ImportDeps {
  send: SendImport;
  newId: () => string;
  /** The panel's status line (a screen reader's confirmation). */
  status: Signal<Message | null>;
  /** A file was imported: the panel shows its audit (new or merged into). */
  onImported: (summary: ImportSummary) => Promise<void>;
}

/**
 * Importing audits (JSON exports) into the panel: files picked or dropped are read and handed to
 * the worker one after the other (lib/import/send-import.ts); the worker validates and writes
 * each in one transaction, or refuses it with the first bad field's path.
 */
export function createImports({ send, newId, status, onImported }: ImportDeps) {
  const run = signal<ImportRun | null>(null);
  /** The outcomes of the files of the latest batch, in the order they were given. */
  const outcomes = signal<ImportOutcome[]>([]);
  /** A file is being dragged over the panel: the drop zone says it will take it. */
  const dragging = signal(false);
  const queue: ImportFile[] = [];
  let sessionId: string | null = null;

  const update = (patch: Partial<ImportRun>) => {
    if (run.value) run.value = { ...run.value, ...patch };
  };

  async function importOne(file: ImportFile): Promise<ImportOutcome> {
    const base = { fileName: file.name, size: file.size };
    run.value = { ...base, stage: 'file', done: 0, total: 0 };
    // Refused before it is read: holding it would cost the panel and the worker several times its size.
    if (file.size > MAX_IMPORT_BYTES) {
      return { ...base, kind: 'refused', refusal: { kind: 'too-large', size: file.size, limit: MAX_IMPORT_BYTES } };
    }
    try {
      const text = await file.text();
      sessionId = newId();
      update({ stage: 'sending' });
      const result = await sendImport(send, text, sessionId, (done, total) => {
        if (run.value?.stage === 'sending') update({ done, total });
      });
      if (!result.ok) return { ...base, kind: 'refused', refusal: result.refusal };
      // The file is in: failing to show its audit at once is no failed import (the notices follow).
      await onImported(result.summary).catch(() => undefined);
      return { ...base, kind: 'imported', summary: result.summary };
    } catch (e) {
      return { ...base, kind: 'failed', error: msg('importFailed', file.name, errorText(e)) };
    } finally {
      sessionId = null;
    }
  }

  async function drain(): Promise<void> {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const outcome = await importOne(file);
      outcomes.value = [...outcomes.value, outcome];
    }
    run.value = null;
    const last = outcomes.value.at(-1);
    if (last?.kind === 'imported') status.value = msg('importDoneStatus', last.summary.auditName);
  }

  return {
    run,
    outcomes,
    dragging,
    busy: computed(() => run.value !== null),
    /** Imports the files in turn; files given while others import wait for them. */
    importFiles(files: readonly ImportFile[]): Promise<void> {
      dragging.value = false;
      if (files.length === 0) return Promise.resolve();
      const idle = run.value === null;
      queue.push(...files);
      if (!idle) return Promise.resolve();
      outcomes.value = [];
      status.value = null;
      return drain();
    },
    /** The worker's `import/progress`: only this panel's own import moves its bar. */
    heard(p: ImportProgress): void {
      if (p.sessionId !== sessionId || !run.value) return;
      update({ stage: p.phase, done: p.done, total: p.total });
    },
  };
}

export type ImportsModel = ReturnType<typeof createImports>;
