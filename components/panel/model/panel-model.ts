import { computed, signal } from '@preact/signals';
import { createAudit } from '@/lib/db/audits';
import type { Db } from '@/lib/db/open-db';
import { listAudits, listPersonas } from '@/lib/read/audits';
import { listWalks } from '@/lib/read/walks';
import type { Audit, Persona, Walk } from '@/lib/model';
import { type StorageStatus, storageStatus } from '@/lib/storage-status';
import { createAuditForm, validateAuditForm } from '@/components/panel/model/audit-form';
import { createJourney } from '@/components/panel/model/journey-model';
import { createPersonas } from '@/components/panel/model/personas-model';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';
import { createAuditActions } from '@/components/panel/model/audit-actions';
import { createWalk } from '@/components/panel/model/walk-model';
import { assignIfChanged, stableComputed } from '@/components/panel/model/same';
import { coalesce } from '@/components/panel/model/schedule';

/**
 * The worker's broadcasts (every flush, tab and tag) are answered by one re-read once they pause
 * this long, and at least this often while they keep coming.
 */
export const BROADCAST_QUIET_MS = 250;
export const BROADCAST_MAX_WAIT_MS = 1000;

/** The panel's state; the components only render it and call its actions. */
export function createPanelModel(db: Db, env: PanelEnv) {
  const audits = signal<Audit[]>([]);
  /** The auditor's choice; kept across reloads while that audit exists. */
  const chosenAuditId = signal<string | null>(null);
  // listAudits is newest first: without a (still valid) choice, the newest audit is current.
  const audit = computed(() => audits.value.find((a) => a.id === chosenAuditId.value) ?? audits.value[0] ?? null);
  const auditId = computed(() => audit.value?.id ?? null);
  const personas = signal<Persona[]>([]);
  /** The current audit's walks, newest first. */
  const walks = signal<Walk[]>([]);
  const loadError = signal<Message | null>(null);
  /** A short confirmation for the screen reader's status region ("Audit … created."). */
  const status = signal<Message | null>(null);
  const storage = signal<StorageStatus | null>(null);
  const persisted = signal<boolean | null>(null);

  let auditSeq = 0;
  async function loadAuditData(): Promise<void> {
    const seq = ++auditSeq;
    const id = auditId.value;
    const [ps, ws] = id ? await Promise.all([listPersonas(db, id), listWalks(db, id)]) : [[], []];
    if (seq !== auditSeq) return; // another audit was chosen meanwhile
    assignIfChanged(personas, ps);
    assignIfChanged(walks, [...ws].reverse());
  }

  async function refreshStorage(): Promise<void> {
    const estimate = await env.estimateStorage().catch(() => null);
    assignIfChanged(storage, estimate ? storageStatus(estimate) : null);
  }

  const auditForm = createAuditForm();
  const auditActions = createAuditActions({
    db,
    env,
    audit,
    status,
    reloadAudits: async () => {
      audits.value = await listAudits(db);
    },
  });
  const walk = createWalk({
    db,
    env,
    audit,
    personas,
    onChanged: () => {
      void loadAuditData()
        .then(() => refreshJourney())
        .catch(() => undefined);
      void refreshStorage();
    },
  });
  const personaModel = createPersonas({
    db,
    auditId,
    personas,
    walkingPersonaId: () => walk.active.value?.personaId ?? null,
    reload: loadAuditData,
  });

  // The walk under way changes on every flush; the ended ones do not.
  const pastWalks = stableComputed(() => walks.value.filter((w) => w.status === 'ended'));
  const journey = createJourney(db, env);
  /** A past walk the auditor opened; otherwise the journey shown is the live one, or the latest. */
  const chosenJourneyId = signal<string | null>(null);
  async function refreshJourney(): Promise<void> {
    const id =
      walk.active.value?.id ??
      (pastWalks.value.some((w) => w.id === chosenJourneyId.value) ? chosenJourneyId.value : null) ??
      pastWalks.value[0]?.id ??
      null;
    if (id !== journey.walkId.value) await journey.show(id);
    else await journey.load();
  }
  /** A walk stopped by a full disk: the last one this panel saw end, or the audit's newest. */
  const storageFull = computed(
    () => walk.lastEnded.value?.endReason === 'storage-full' || walks.value[0]?.endReason === 'storage-full',
  );

  async function selectAudit(id: string): Promise<void> {
    chosenAuditId.value = id;
    personaModel.reset();
    auditActions.exportError.value = null;
    await loadAuditData();
  }

  /** One re-read of the walk, the audit's walks, the journey and storage for a burst of broadcasts. */
  const broadcast = coalesce(
    () => void walk.changed().catch(() => undefined),
    BROADCAST_QUIET_MS,
    BROADCAST_MAX_WAIT_MS,
    env,
  );

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
    refreshJourney,
    /** The worker said a walk or its journey changed. */
    broadcast,
    /** Shows a past walk's journey. */
    async showJourney(id: string): Promise<void> {
      chosenJourneyId.value = id;
      await refreshJourney();
    },
    selectAudit,

    /** Opening the panel: audits, the walk under way (whose audit becomes current), storage. */
    async load(): Promise<void> {
      try {
        audits.value = await listAudits(db);
        await walk.readActive();
        const active = walk.active.value;
        if (active) chosenAuditId.value = active.auditId;
        await loadAuditData();
        walk.refreshSteps();
        await refreshJourney();
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
        const created = await createAudit(db, result.input);
        form.reset();
        audits.value = await listAudits(db);
        await selectAudit(created.id);
        status.value = msg('panelAuditCreated', created.name);
      } catch (e) {
        form.failure.value = msg('panelErrorSave', errorText(e));
      } finally {
        form.busy.value = false;
      }
    },

    ...auditActions,
  };
}

export type PanelModel = ReturnType<typeof createPanelModel>;
