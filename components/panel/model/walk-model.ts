import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import { type Audit, type DataChanged, originPattern, type Persona, type Step, type Walk } from '@/lib/model';
import { createLiveWalk } from '@/components/panel/model/live-walk';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';
import { keepName, readName, type TextStore } from '@/components/panel/model/auditor-name';

export interface WalkDeps {
  db: Db;
  env: PanelEnv;
  audit: ReadonlySignal<Audit | null>;
  personas: ReadonlySignal<Persona[]>;
  /** The walk changed (a walk put applied): the root refreshes the storage estimate. */
  onChanged: () => void;
  /** A command's answer, applied at once to everything the panel holds (the notice follows). */
  applyLocal: (notice: DataChanged) => void;
  /** Where the auditor's name is kept between panels (none in most tests). */
  auditorStore?: TextStore | null;
}

type Busy = 'starting' | 'pausing' | 'ending' | null;

/**
 * The latest page whose recording stopped while the walk went on: the `recording-stopped` step of
 * a tab that has recorded nothing since (its next page records again, and clears it).
 */
export function stoppedRecording(steps: readonly Step[]): Step | null {
  const latest = new Map<number, Step>();
  for (const s of steps) if (s.recorderId !== null) latest.set(s.tabId, s);
  let found: Step | null = null;
  for (const s of latest.values()) {
    if (s.kind === 'recording-stopped' && (!found || s.at > found.at)) found = s;
  }
  return found;
}

/** The walk being recorded (or the form that starts one) and its live steps. */
export function createWalk(deps: WalkDeps) {
  const { db, env } = deps;
  const { active, personaName, steps, lastEnded, readActive, apply } = createLiveWalk({
    db,
    personas: deps.personas,
    onChanged: deps.onChanged,
  });
  const auditorName = signal(readName(deps.auditorStore));
  const personaId = signal<string | null>(null);
  const recordCurrentTab = signal(false);
  /** Only the side panel sits next to a tab worth recording; the page opened as a tab does not. */
  const canRecordCurrentTab = signal(false);
  const error = signal<Message | null>(null);
  const busy = signal<Busy>(null);
  const clock = signal(env.now());

  const persona = computed(
    () => deps.personas.value.find((p) => p.id === personaId.value) ?? deps.personas.value[0] ?? null,
  );
  /** Why "Start walk" is disabled, or null when it is not. */
  const blocker = computed<Message | null>(() =>
    !deps.audit.value ? msg('panelNeedAudit') : !persona.value ? msg('panelNeedPersona') : null,
  );
  /** Whether a walk is under way: what the panel's root reads, so a flush does not redraw it all. */
  const isActive = computed(() => active.value !== null);
  const stopped = computed(() => stoppedRecording(steps.value));
  const elapsedMs = computed(() => (active.value ? Math.max(0, clock.value - active.value.startedAt) : 0));

  /** On load and on the slow poll. */
  async function changed(): Promise<void> {
    await readActive();
    deps.onChanged();
  }

  async function act(kind: Exclude<Busy, null>, fn: () => Promise<unknown>): Promise<void> {
    busy.value = kind;
    try {
      await fn();
    } catch (e) {
      error.value = msg(kind === 'starting' ? 'panelStartFailed' : 'panelActionFailed', errorText(e));
    } finally {
      // "End walk" may overtake a pause in flight: only the action that set the flag clears it.
      if (busy.value === kind) busy.value = null;
    }
  }

  /** The worker answers with the walk as stored: shown at once, before its broadcast arrives. */
  const applyWalk = (w: Walk | null) => {
    if (w) deps.applyLocal({ auditId: w.auditId, changes: [{ store: 'walks', op: 'put', value: w }] });
  };

  return {
    active,
    isActive,
    personaName,
    steps,
    lastEnded,
    auditorName,
    personaId,
    persona,
    recordCurrentTab,
    canRecordCurrentTab,
    error,
    busy,
    blocker,
    elapsedMs,
    stopped,
    changed,
    readActive,
    apply,
    tick: () => {
      clock.value = env.now();
    },
    /**
     * Call from the click handler itself: the permission request is the first thing it does, before
     * any await, so Chrome still sees the user's gesture.
     */
    start(): Promise<void> {
      const audit = deps.audit.value;
      const p = persona.value;
      if (!audit || !p || busy.value || active.value) return Promise.resolve();
      error.value = null;
      let granted: Promise<boolean>;
      try {
        granted = env.requestOrigins(audit.origins.map(originPattern));
      } catch (e) {
        granted = Promise.reject(e);
      }
      return act('starting', async () => {
        if (!(await granted)) {
          error.value = msg('panelNeedsAccess', audit.origins.join(', '));
          return;
        }
        let tabId: number | undefined;
        if (recordCurrentTab.value && canRecordCurrentTab.value) {
          tabId = await env.activeTabId();
          if (tabId === undefined) {
            error.value = msg('panelNoActiveTab');
            return;
          }
        }
        const started = await env.send('walk/start', {
          auditId: audit.id,
          personaId: p.id,
          auditorName: auditorName.value,
          tabId,
        });
        lastEnded.value = null;
        // Kept once a walk carries it: the next panel opens with the same auditor.
        keepName(deps.auditorStore, started.auditorName);
        applyWalk(started);
      });
    },
    togglePause(): Promise<void> {
      const w = active.value;
      if (!w || busy.value) return Promise.resolve();
      error.value = null;
      return act('pausing', async () =>
        applyWalk(await env.send('walk/pause', { walkId: w.id, paused: w.status !== 'paused' })),
      );
    },
    end(): Promise<void> {
      const w = active.value;
      if (!w || busy.value === 'ending' || busy.value === 'starting') return Promise.resolve();
      error.value = null;
      return act('ending', async () => applyWalk(await env.send('walk/end', { walkId: w.id })));
    },
  };
}

export type WalkModel = ReturnType<typeof createWalk>;
