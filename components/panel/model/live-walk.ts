import { type ReadonlySignal, signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import type { DataChanged, Persona, Step, Walk } from '@/lib/model';
import { putSorted } from '@/lib/read/apply-changes';
import { ORDER } from '@/lib/read/audit-data';
import { listPersonas } from '@/lib/read/audits';
import { activeWalk, getWalk, listSteps } from '@/lib/read/walks';
import { assignIfChanged } from '@/components/panel/model/same';

/** Stored steps are never rewritten, only added: the same count, first and last is the same list. */
function sameSteps(a: readonly Step[], b: readonly Step[]): boolean {
  return a.length === b.length && a[0]?.id === b[0]?.id && a.at(-1)?.id === b.at(-1)?.id;
}

export interface LiveWalkDeps {
  db: Db;
  /** The current audit's personas, to name the walk's persona without a read. */
  personas: ReadonlySignal<Persona[]>;
  /** A walk put or a delete was applied: the root refreshes the storage estimate. */
  onChanged: () => void;
}

/**
 * The walk under way, whichever audit it belongs to, and all its steps: read once when the panel
 * opens, then followed through the worker's notices (a flush costs the steps it brought).
 */
export function createLiveWalk(deps: LiveWalkDeps) {
  const { db } = deps;
  const active = signal<Walk | null>(null);
  const personaName = signal('');
  const steps = signal<Step[]>([]);
  /** The last walk this panel saw end, to tell why it ended (a full disk). */
  const lastEnded = signal<Walk | null>(null);

  let readSeq = 0;
  /**
   * Reads the walk under way and its steps: on load, and on the slow poll (a walk cut by a browser
   * restart ends unannounced). An older read that answers late never overwrites a newer one.
   */
  async function readActive(): Promise<void> {
    const seq = ++readSeq;
    const prev = active.value;
    const next = (await activeWalk(db)) ?? null;
    const ended = !next && prev ? ((await getWalk(db, prev.id)) ?? null) : null;
    // The steps of a walk already held come with the notices: only a walk new to the panel is read.
    const rows = next && next.id !== prev?.id ? await listSteps(db, next.id) : null;
    if (seq !== readSeq) return;
    if (next) {
      await put(next);
      if (rows && !sameSteps(steps.value, rows)) steps.value = rows;
    } else if (prev) await put(ended);
  }

  let nameSeq = 0;
  /** A walk as stored (a notice, a broadcast, a command's answer): the walk under way, or its end. */
  async function put(w: Walk | null): Promise<void> {
    const prev = active.value;
    if (w && w.status !== 'ended') {
      // One walk records at a time: a late record of an older one is not the walk under way.
      if (prev && prev.id !== w.id && w.startedAt < prev.startedAt) return;
      assignIfChanged(active, w);
      if (prev?.id === w.id) return;
      steps.value = [];
      const mine = ++nameSeq;
      // The current audit's personas are at hand, unless the walk is another's (or they are being read).
      const known = deps.personas.value.find((p) => p.id === w.personaId);
      const p = known ?? (await listPersonas(db, w.auditId)).find((x) => x.id === w.personaId);
      if (mine === nameSeq) personaName.value = p?.name ?? '';
    } else if (prev && (!w || w.id === prev.id)) {
      if (w) lastEnded.value = w;
      active.value = null;
      steps.value = [];
    }
  }

  /** A `data/changed` notice: the walk under way changed, or recorded steps (a flush costs its steps). */
  function apply(notice: DataChanged): void {
    let added: Step[] | null = null;
    for (const c of notice.changes) {
      if (c.store === 'walks' && c.op === 'put') void put(c.value);
      else if (c.store === 'walks' && c.op === 'delete' && c.id === active.value?.id) void put(null);
      // A deleted walk no longer says why it ended (a full disk): the space it held is free.
      else if (c.op === 'delete' && (c.store === 'walks' || c.store === 'audits')) {
        const last = lastEnded.value;
        if (last && c.id === (c.store === 'walks' ? last.id : last.auditId)) lastEnded.value = null;
      } else if (c.store === 'steps' && c.value.walkId === active.value?.id) {
        added ??= [...steps.value];
        putSorted(added, c.value, ORDER.steps, false);
      }
    }
    if (added) steps.value = added;
    // A walk recorded more, or a walk or an audit was deleted: the storage figure is taken again.
    if (notice.changes.some((c) => c.store === 'walks' || (c.store === 'audits' && c.op === 'delete'))) {
      deps.onChanged();
    }
  }

  return { active, personaName, steps, lastEnded, readActive, apply };
}
