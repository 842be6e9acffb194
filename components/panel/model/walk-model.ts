import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { listPersonas } from '@/lib/read/audits';
import type { Db } from '@/lib/db/open-db';
import { activeWalk, getWalk, listSteps } from '@/lib/read/walks';
import { type Audit, originPattern, type Persona, type Step, type Walk } from '@/lib/model';
import { errorText, type Message, msg, type PanelEnv } from '@/components/panel/model/panel-env';
import { assignIfChanged } from '@/components/panel/model/same';
import { throttle } from '@/components/panel/model/schedule';

/** Steps are re-read at most this often: a busy page flushes on every tab every few seconds. */
export const STEPS_THROTTLE_MS = 500;

export interface WalkDeps {
  db: Db;
  env: PanelEnv;
  audit: ReadonlySignal<Audit | null>;
  personas: ReadonlySignal<Persona[]>;
  /** The walk changed: the root reloads the walk list and the storage estimate. */
  onChanged: () => void;
}

/** Stored steps are never rewritten, only added: the same count, first and last is the same list. */
function sameSteps(a: readonly Step[], b: readonly Step[]): boolean {
  return a.length === b.length && a[0]?.id === b[0]?.id && a.at(-1)?.id === b.at(-1)?.id;
}

type Busy = 'starting' | 'pausing' | 'ending' | null;

/** The walk being recorded (or the form that starts one) and its live steps. */
export function createWalk(deps: WalkDeps) {
  const { db, env } = deps;
  const active = signal<Walk | null>(null);
  const personaName = signal('');
  const steps = signal<Step[]>([]);
  /** The last walk this panel saw end, to tell why it ended (a full disk). */
  const lastEnded = signal<Walk | null>(null);
  const auditorName = signal('');
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
  const elapsedMs = computed(() => (active.value ? Math.max(0, clock.value - active.value.startedAt) : 0));

  let readSeq = 0;
  /** Re-reads the active walk; an older read that answers late never overwrites a newer one. */
  async function readActive(): Promise<void> {
    const seq = ++readSeq;
    const prev = active.value;
    const next = (await activeWalk(db)) ?? null;
    let ended: Walk | null = null;
    if (prev && next?.id !== prev.id) ended = (await getWalk(db, prev.id)) ?? null;
    let name = personaName.value;
    if (next && next.id !== prev?.id) {
      const ps = await listPersonas(db, next.auditId);
      name = ps.find((p) => p.id === next.personaId)?.name ?? '';
    }
    if (seq !== readSeq) return;
    if (ended) lastEnded.value = ended;
    if (next?.id !== prev?.id) steps.value = [];
    personaName.value = name;
    assignIfChanged(active, next);
  }

  let stepSeq = 0;
  const refreshSteps = throttle(
    () => {
      const seq = ++stepSeq;
      const w = active.value;
      if (!w) return;
      listSteps(db, w.id).then(
        (rows) => {
          if (seq !== stepSeq || active.value?.id !== w.id || sameSteps(steps.value, rows)) return;
          steps.value = rows;
        },
        () => undefined, // the next change re-reads; a failed read shows the previous list
      );
    },
    STEPS_THROTTLE_MS,
    env,
  );

  /** On load, on every 'walk/changed' broadcast and after the panel's own actions. */
  async function changed(): Promise<void> {
    await readActive();
    refreshSteps();
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
    await changed().catch(() => undefined);
  }

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
    changed,
    readActive,
    refreshSteps,
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
        await env.send('walk/start', { auditId: audit.id, personaId: p.id, auditorName: auditorName.value, tabId });
        lastEnded.value = null;
      });
    },
    togglePause(): Promise<void> {
      const w = active.value;
      if (!w || busy.value) return Promise.resolve();
      error.value = null;
      return act('pausing', () => env.send('walk/pause', { walkId: w.id, paused: w.status !== 'paused' }));
    },
    end(): Promise<void> {
      const w = active.value;
      if (!w || busy.value === 'ending' || busy.value === 'starting') return Promise.resolve();
      error.value = null;
      return act('ending', () => env.send('walk/end', { walkId: w.id }));
    },
  };
}

export type WalkModel = ReturnType<typeof createWalk>;
