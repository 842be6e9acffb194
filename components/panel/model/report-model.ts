// Over 200 lines: the Report view's one model; the report shown and the four exports share one run
// (its steps, progress, cancel and errors), and so does the comparison with another audit, so they
// live together.
import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import { buildAuditExport, exportAuditData, exportFileName } from '@/lib/export/build-export';
import type { Audit } from '@/lib/model/audit';
import type { AuditExport } from '@/lib/model/export';
import type { Reaudit } from '@/lib/model/reaudit';
import type { Report } from '@/lib/model/report';
import type { Present, Translate } from '@/lib/present';
import type { AuditData } from '@/lib/read/audit-data';
import { buildReport } from '@/lib/report/build-report';
import { tagsCsv, touchpointsCsv } from '@/lib/report/csv';
import { renderReportHtml } from '@/lib/report/html/render';
import { reportMarkdown } from '@/lib/report/markdown';
import { compareAudits } from '@/lib/report/reaudit';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';
import { exportJsonBlob, macrotask } from '@/components/panel/model/json-blob';

/** What the Report view writes: the HTML report, the lossless JSON, two CSV tables, Markdown. */
export type ReportFormat = 'html' | 'json' | 'csv' | 'markdown';
/** The steps of a build, each one task at most, with a yield to the event loop between them. */
export type ReportStep = 'read' | 'build' | 'write' | 'size';
const STEPS: Record<ReportFormat | 'view' | 'compare', readonly ReportStep[]> = {
  view: ['read', 'build'],
  // This audit's report (when not shown yet), then the other audit read and both compared.
  compare: ['read', 'build', 'read', 'build'],
  html: ['read', 'build', 'write', 'size'],
  json: ['read', 'build', 'write'],
  csv: ['read', 'build', 'write'],
  markdown: ['read', 'build', 'write'],
};

export interface ReportJob {
  format: ReportFormat | 'view' | 'compare';
  step: ReportStep;
  /** Steps done, of `steps`: what the progress bar shows. */
  done: number;
  steps: number;
}

/** A file built and measured, waiting for the auditor to save it (the HTML report). */
export interface ReadyFile {
  fileName: string;
  text: string;
  type: string;
  bytes: number;
}

export interface ReportWords {
  present: Present;
  t: Translate;
  /** The language `present` and `t` speak: the HTML report's `lang`. */
  lang: string;
}

export interface ReportDeps {
  db: Db;
  env: Pick<PanelEnv, 'download' | 'now'>;
  /** The current audit's read model: the export (and so the report) is built from it. */
  data: ReadonlySignal<AuditData | null>;
  status: Signal<Message | null>;
  words: ReportWords;
  /** Every audit in the database (newest first): the ones the report can be compared with. */
  audits?: ReadonlySignal<readonly Audit[]>;
  /** Lets the event loop run between steps (a click on Cancel, a redraw); tests may pass their own. */
  yieldNow?: () => Promise<void>;
}

class Cancelled extends Error {}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/** `touchpoint-x-2026-12-05.json` → `touchpoint-x-2026-12-05-report.html`. */
const named = (file: AuditExport, suffix: string) => exportFileName(file).replace(/\.json$/, suffix);

/**
 * The Report view's state: the report of the current audit (built from the same export file the
 * JSON export writes, so what the panel shows is what every format says) and its exports. A build
 * runs in short steps, each yielding to the event loop, with its progress and a cancel; the
 * reading of the audit is asynchronous already (IndexedDB, gzip streams), and the report and its
 * rendering are pure functions of the file.
 */
export function createReport({ db, env, data, status, words, audits, yieldNow = macrotask }: ReportDeps) {
  /** The report shown, and the read model it was built from (to tell when it is out of date). */
  const shown = signal<{ file: AuditExport; report: Report; from: AuditData } | null>(null);
  const job = signal<ReportJob | null>(null);
  const error = signal<Message | null>(null);
  const ready = signal<ReadyFile | null>(null);
  /** The comparison with another audit, and the file of this audit it was made with. */
  const compared = signal<{ file: AuditExport; otherId: string; reaudit: Reaudit } | null>(null);
  let run = 0;
  let cancelled = -1;

  /** The audit changed (a walk, a tag, a decision) since the report shown was built. */
  const stale = computed(() => {
    const s = shown.value;
    return s !== null && s.from !== data.value && s.from.audit.id === data.value?.audit.id;
  });

  /** Shows the step about to run, lets the panel draw it (and take a click on Cancel), then goes on. */
  async function step(id: number, format: ReportJob['format'], name: ReportStep, done: number): Promise<void> {
    if (run === id) job.value = { format, step: name, done, steps: STEPS[format].length };
    await yieldNow();
    if (cancelled === id || run !== id) throw new Cancelled();
  }

  /** The export file and its report: the one shown while the audit did not change, else read now. */
  async function current(id: number, format: ReportJob['format']): Promise<{ file: AuditExport; report: Report }> {
    const held = shown.value;
    const from = data.value;
    if (!from) throw new Error('no audit');
    if (held && held.from === from) return held;
    await step(id, format, 'read', 0);
    const file = await exportAuditData(db, from, env.now());
    // Built for every format: the view then shows what was just written.
    await step(id, format, 'build', 1);
    const report = buildReport(file);
    // Drawn in a task of its own: building and drawing together went past 50 ms on a long audit.
    await yieldNow();
    if (run === id) shown.value = { file, report, from };
    return { file, report };
  }

  /** Runs one job: the one before it, if any, is dropped (its result is never used). */
  async function perform(format: ReportJob['format'], work: (id: number) => Promise<void>): Promise<void> {
    const id = ++run;
    error.value = null;
    if (format !== 'view') ready.value = null;
    job.value = { format, step: 'read', done: 0, steps: STEPS[format].length };
    try {
      await work(id);
    } catch (e) {
      if (e instanceof Cancelled) {
        if (cancelled === id) status.value = msg('reportCancelled');
      } else if (run === id) {
        error.value = msg(
          format !== 'view' && format !== 'compare' ? 'panelExportFailed' : 'reportFailed',
          errorText(e),
        );
      }
    } finally {
      if (run === id) job.value = null;
    }
  }

  const writeStep = (id: number, format: ReportFormat) => step(id, format, 'write', STEPS[format].indexOf('write'));

  /** The comparison made with this very file: the one shown, and the one the exports write. */
  const comparisonOf = (file: AuditExport) => (compared.value?.file === file ? compared.value.reaudit : null);

  /**
   * Compares this audit with another one of the database, built the way this one is (its export
   * file, then its report); the audit created first is "before" (a re-audit comes after).
   */
  async function compareWith(id: number, otherId: string): Promise<void> {
    const own = await current(id, 'compare');
    await step(id, 'compare', 'read', 2);
    const other = await buildAuditExport(db, otherId, env.now());
    await step(id, 'compare', 'build', 3);
    const otherReport = buildReport(other);
    const otherFirst = other.audit.createdAt <= own.file.audit.createdAt;
    const reaudit = otherFirst
      ? compareAudits(other, own.file, { beforeReport: otherReport, afterReport: own.report })
      : compareAudits(own.file, other, { beforeReport: own.report, afterReport: otherReport });
    await yieldNow();
    if (run === id) compared.value = { file: own.file, otherId, reaudit };
  }

  /** The other audits: those of this audit's site first, each list newest first. */
  const others = computed(() => {
    const mineNow = data.value?.audit;
    const list = (audits?.value ?? []).filter((a) => a.id !== mineNow?.id);
    const site = mineNow ? originOf(mineNow.startUrl) : '';
    return {
      sameSite: list.filter((a) => originOf(a.startUrl) === site),
      otherSites: list.filter((a) => originOf(a.startUrl) !== site),
    };
  });

  const exporters: Record<ReportFormat, (id: number) => Promise<void>> = {
    async html(id) {
      const { file, report } = await current(id, 'html');
      await writeStep(id, 'html');
      const text = renderReportHtml(report, file, { ...words, comparison: comparisonOf(file) });
      await step(id, 'html', 'size', 3);
      // What the file weighs on disk: its UTF-8 bytes, not its UTF-16 length.
      const bytes = new Blob([text]).size;
      if (run !== id) throw new Cancelled();
      ready.value = { fileName: named(file, '-report.html'), text, type: 'text/html', bytes };
      status.value = msg('reportHtmlReady', words.present.bytes(bytes));
    },
    async json(id) {
      const { file } = await current(id, 'json');
      await writeStep(id, 'json');
      const fileName = exportFileName(file);
      const blob = await exportJsonBlob(file, { yieldNow, cancelled: () => cancelled === id || run !== id });
      if (run !== id) throw new Cancelled();
      env.download(fileName, blob);
      status.value = msg('panelExported', fileName);
    },
    async csv(id) {
      const { file } = await current(id, 'csv');
      await writeStep(id, 'csv');
      const tags = tagsCsv(file, words.present, words.t);
      const touchpoints = touchpointsCsv(file, words.present, words.t);
      const names = [named(file, '-tags.csv'), named(file, '-touchpoints.csv')] as const;
      env.download(names[0], tags, 'text/csv');
      env.download(names[1], touchpoints, 'text/csv');
      status.value = msg('panelExported', words.present.list(names));
    },
    async markdown(id) {
      const { file, report } = await current(id, 'markdown');
      await writeStep(id, 'markdown');
      const fileName = named(file, '-report.md');
      const text = reportMarkdown(report, file.audit.categories, words.present, words.t, comparisonOf(file));
      env.download(fileName, text, 'text/markdown');
      status.value = msg('panelExported', fileName);
    },
  };

  /** Only the current audit's report is shown: another audit's waits for its own. */
  const mine = computed(() => {
    const s = shown.value;
    return s && s.from.audit.id === data.value?.audit.id ? s : null;
  });
  return {
    /** The report shown, and the export file it was built from (names and screenshots are read in it). */
    shown: computed(() => mine.value && { report: mine.value.report, file: mine.value.file }),
    stale,
    /** The audit whose read model is loaded: the view builds its report once it is there. */
    loadedAuditId: computed(() => data.value?.audit.id ?? null),
    job,
    error,
    ready,
    others,
    /** The comparison with another audit, while the report it was made with is the one shown. */
    comparison: computed(() => {
      const c = compared.value;
      return c && mine.value && c.file === mine.value.file ? { otherId: c.otherId, reaudit: c.reaudit } : null;
    }),
    /** Compares the report shown with another audit's (read and built now), with progress and cancel. */
    compare(otherId: string): Promise<void> {
      if (!data.value || job.value) return Promise.resolve();
      return perform('compare', (id) => compareWith(id, otherId));
    },
    /** Builds the report to show, unless the one shown is of the audit as it is. */
    show(): Promise<void> {
      const held = shown.value;
      // A walk under way changes the audit every few seconds: the same audit is rebuilt on asking.
      if (!data.value || job.value || held?.from.audit.id === data.value.audit.id) return Promise.resolve();
      return perform('view', (id) => current(id, 'view').then(() => undefined));
    },
    /** Builds the report again now (the Refresh button): a walk under way changes the audit often. */
    refresh(): Promise<void> {
      if (!data.value) return Promise.resolve();
      return perform('view', (id) => current(id, 'view').then(() => undefined));
    },
    export(format: ReportFormat): Promise<void> {
      if (!data.value) return Promise.resolve();
      return perform(format, exporters[format]);
    },
    /** Stops the build under way at its next step; nothing is written. */
    cancel(): void {
      if (job.value) cancelled = run;
    },
    /** Writes the HTML report the auditor has seen the size of. */
    save(): void {
      const file = ready.value;
      if (!file) return;
      env.download(file.fileName, file.text, file.type);
      ready.value = null;
      status.value = msg('panelExported', file.fileName);
    },
    discard(): void {
      ready.value = null;
    },
  };
}

export type ReportModel = ReturnType<typeof createReport>;
