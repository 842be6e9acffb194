// Over 200 lines: the panel's one model, where every part (audits, walk, journey, deletes, facts)
// is started on the same read model and notices; each part lives in its own file.
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import type { Audit, DataChanged, Walk } from '@/lib/model';
import { type AuditData, findWalk } from '@/lib/read/audit-data';
import { createAuditFeed } from '@/lib/read/audit-feed';
import { listAudits } from '@/lib/read/audits';
import { type StorageStatus, storageStatus } from '@/lib/storage-status';
import { createAuditForm, validateAuditForm } from '@/components/panel/model/audit-form';
import { createJourney } from '@/components/panel/model/journey-model';
import { createPersonas } from '@/components/panel/model/personas-model';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';
import { createAuditActions } from '@/components/panel/model/audit-actions';
import { createDeletes } from '@/components/panel/model/delete-model';
import { createWalk } from '@/components/panel/model/walk-model';
import { assignIfChanged, sameItems, stableComputed } from '@/components/panel/model/same';
import { coalesce } from '@/components/panel/model/schedule';
import { createFactsRunner, type ExtractPageLoad } from '@/components/panel/model/facts-runner';
import type { TextStore } from '@/components/panel/model/auditor-name';
import { createImports } from '@/components/panel/model/import-model';
import { createConsistency } from '@/components/panel/model/consistency-model';
import type { CompareAsync } from '@/components/panel/model/compare-offthread';
import { createReport, type ReportWords } from '@/components/panel/model/report-model';
import { present as uiPresent, t as uiT, uiLanguage } from '@/lib/i18n';

/**
 * The storage estimate is taken again once the worker's notices of a walk pause this long, and
 * at least this often while they keep coming (every flush is one).
 */
export const BROADCAST_QUIET_MS = 250;
export const BROADCAST_MAX_WAIT_MS = 1000;

/** Newest first, as listAudits gives them. */
function putAudit(list: Audit[], a: Audit): Audit[] {
  return [...list.filter((x) => x.id !== a.id), a].sort((x, y) => y.createdAt - x.createdAt);
}

/** The panel's life (its models stop when it aborts) and its fact extraction (none in most tests). */
export interface PanelOptions {
  life?: AbortSignal;
  extractFacts?: ExtractPageLoad | null;
  /** Where the auditor's name is kept between panels (the page's localStorage; none in most tests). */
  auditorStore?: TextStore | null;
  /** The words of the report's files (the UI's unless a test gives a locale's). */
  reportWords?: ReportWords;
  /** The consistency comparison off the main thread (the panel's worker; none in tests). */
  compareAsync?: CompareAsync;
}

/**
 * The panel's state; the components only render it and call its actions. It reads IndexedDB
 * read-only (the current audit's read model, once) and follows the worker's notices; every
 * change it makes is a command to the worker.
 */
export function createPanelModel(db: Db, env: PanelEnv, options: PanelOptions = {}) {
  const audits = signal<Audit[]>([]);
  /** The auditor's choice; kept across reloads while that audit exists. */
  const chosenAuditId = signal<string | null>(null);
  // listAudits is newest first: without a (still valid) choice, the newest audit is current.
  const audit = computed(() => audits.value.find((a) => a.id === chosenAuditId.value) ?? audits.value[0] ?? null);
  const auditId = computed(() => audit.value?.id ?? null);
  /** The current audit's read model, kept current by the worker's notices. */
  const data = signal<AuditData | null>(null);
  const feed = createAuditFeed(db, (next) => {
    data.value = next;
  });
  const personas = computed(() => data.value?.personas ?? []);
  /** The current audit's walks, newest first: the same array while no walk changed. */
  const walks = sameItems<Walk>(() => [...(data.value?.walks ?? [])].reverse().map((w) => w.walk));
  const loadError = signal<Message | null>(null);
  /** A short confirmation for the screen reader's status region ("Audit … created."). */
  const status = signal<Message | null>(null);
  const storage = signal<StorageStatus | null>(null);
  const persisted = signal<boolean | null>(null);

  /** Shows the current audit: read once (again when `fresh`), then kept current by notices. */
  async function loadAuditData(fresh = false): Promise<void> {
    if (fresh || feed.auditId !== auditId.value || !feed.data) await feed.show(auditId.value, fresh);
  }

  async function refreshStorage(): Promise<void> {
    const estimate = await env.estimateStorage().catch(() => null);
    assignIfChanged(storage, estimate ? storageStatus(estimate) : null);
  }

  /** Storage is estimated again once per burst of walk notices. */
  const storageSoon = coalesce(() => void refreshStorage(), BROADCAST_QUIET_MS, BROADCAST_MAX_WAIT_MS, env);

  /**
   * A `data/changed` notice (or a command's answer, applied at once): audits made or changed
   * anywhere, the current audit's records, and the walk under way.
   */
  function dataChanged(notice: DataChanged): void {
    for (const c of notice.changes) {
      if (c.store !== 'audits') continue;
      // An audit created in another panel is listed, but does not take this panel's place.
      chosenAuditId.value ??= auditId.value;
      audits.value = c.op === 'put' ? putAudit(audits.value, c.value) : audits.value.filter((a) => a.id !== c.id);
    }
    feed.apply(notice);
    walk.apply(notice);
    if (auditId.value !== feed.auditId) void loadAuditData().catch(() => undefined);
  }

  const auditForm = createAuditForm();
  const auditActions = createAuditActions({ db, env, audit, data, status, applyLocal: dataChanged });
  const walk = createWalk({
    db,
    env,
    audit,
    personas,
    onChanged: storageSoon,
    applyLocal: dataChanged,
    auditorStore: options.auditorStore,
  });
  const personaModel = createPersonas({
    send: env.send,
    auditId,
    personas,
    walkingPersonaId: () => walk.active.value?.personaId ?? null,
    applyLocal: dataChanged,
  });

  // The walk under way changes on every flush; the ended ones do not.
  const pastWalks = stableComputed(() => walks.value.filter((w) => w.status === 'ended'));
  /** A past walk the auditor opened; otherwise the journey shown is the live one, or the latest. */
  const chosenJourneyId = signal<string | null>(null);
  const journeyWalkId = computed(() => {
    const live = walk.active.value?.id ?? null;
    if (live && findWalk(data.value, live)) return live;
    const chosen = chosenJourneyId.value;
    return (pastWalks.value.some((w) => w.id === chosen) ? chosen : null) ?? pastWalks.value[0]?.id ?? null;
  });
  const journey = createJourney({ db, env, data, walkId: journeyWalkId, applyLocal: dataChanged });
  // Facts are read off the walked page, here, from the recording (docs/architecture.md).
  const facts = createFactsRunner({
    db,
    data,
    env,
    extract: options.extractFacts ?? null,
    signal: options.life,
    paused: auditActions.exporting,
  });
  const consistency = createConsistency({
    db,
    env,
    data,
    runner: facts,
    country: facts.country,
    applyLocal: dataChanged,
    compareAsync: options.compareAsync,
  });
  const deletes = createDeletes({
    db,
    send: env.send,
    data,
    activeWalk: () => walk.active.value,
    status,
    applyLocal: dataChanged,
  });
  /** A walk stopped by a full disk: the last one this panel saw end, or the audit's newest. */
  const storageFull = computed(
    () => walk.lastEnded.value?.endReason === 'storage-full' || walks.value[0]?.endReason === 'storage-full',
  );

  async function selectAudit(id: string): Promise<void> {
    chosenAuditId.value = id;
    personaModel.reset();
    deletes.cancel();
    auditActions.exportError.value = null;
    await loadAuditData();
  }

  const report = createReport({
    db,
    env,
    data,
    status,
    audits,
    words: options.reportWords ?? { present: uiPresent, t: uiT, lang: uiLanguage() },
  });

  const imports = createImports({
    send: env.send,
    newId: () => crypto.randomUUID(),
    status,
    /** Shows the audit a file went into; read afresh, as an import writes many records at once. */
    async onImported({ auditId: id, unchanged }) {
      audits.value = await listAudits(db);
      const shown = feed.auditId === id;
      await selectAudit(id);
      if (shown && !unchanged) await loadAuditData(true);
    },
  });

  return {
    audits,
    audit,
    personas,
    walks,
    pastWalks,
    loadError,
    status,
    storage,
    persisted,
    storageFull,
    auditForm,
    personaModel,
    walk,
    journey,
    deletes,
    /** The current audit's read model (the consistency view compares its facts). */
    data: data as ReadonlySignal<AuditData | null>,
    facts,
    consistency,
    /** The Report view: the audit's report and its exports (HTML, JSON, CSV, Markdown). */
    report,
    /** The worker's notice of what a command or a flush changed. */
    dataChanged,
    imports,
    /** The worker's `import/progress` broadcast. */
    importProgress: imports.heard,
    /** Shows a past walk's journey. */
    async showJourney(id: string): Promise<void> {
      chosenJourneyId.value = id;
    },
    selectAudit,

    /** Opening the panel: audits, the walk under way (whose audit becomes current), storage. */
    async load(): Promise<void> {
      try {
        audits.value = await listAudits(db);
        await walk.readActive();
        const active = walk.active.value;
        if (active) chosenAuditId.value = active.auditId;
        await loadAuditData(true);
      } catch (e) {
        loadError.value = msg('panelErrorLoad', errorText(e));
      }
      // Asked once: a persistent origin is not evicted under disk pressure with the walks in it.
      persisted.value = await env.persistStorage().catch(() => false);
      await refreshStorage();
    },

    /** The slow poll: storage fills while nothing else changes, and a walk may end unannounced. */
    async poll(): Promise<void> {
      await refreshStorage();
      await walk.readActive().catch(() => undefined);
    },

    async createAudit(): Promise<void> {
      const form = auditForm;
      if (form.busy.value) return;
      form.failure.value = null;
      status.value = null;
      const result = validateAuditForm(form.values());
      form.errors.value = result.ok ? {} : result.errors;
      if (!result.ok) return;
      form.busy.value = true;
      try {
        const created = await env.send('audit/create', result.input);
        form.reset();
        dataChanged({ auditId: created.id, changes: [{ store: 'audits', op: 'put', value: created }] });
        await selectAudit(created.id);
        status.value = msg('panelAuditCreated', created.name);
      } catch (e) {
        form.failure.value = msg('saveFailed', errorText(e));
      } finally {
        form.busy.value = false;
      }
    },

    ...auditActions,
  };
}

export type PanelModel = ReturnType<typeof createPanelModel>;
