import type { Change, DataChanged } from '@/lib/model';
import { type AuditData, emptyWalkData, ORDER, type WalkData } from '@/lib/read/audit-data';

type Keyed = { id: string };

/**
 * Puts `item` in its place in an array sorted by `cmp` (which ends on the id), in place. Scans
 * from the end: records mostly arrive newest last, so a step appended costs one comparison.
 * `keyMayChange`: an edit can move the record (an off-site event's time), so it is looked up by
 * id first; steps and signals are never rewritten and skip that scan.
 */
export function putSorted<T extends Keyed>(
  list: T[],
  item: T,
  cmp: (a: T, b: T) => number,
  keyMayChange: boolean,
): void {
  if (keyMayChange) {
    const at = list.findIndex((x) => x.id === item.id);
    if (at !== -1) list.splice(at, 1);
  }
  let i = list.length - 1;
  while (i >= 0 && cmp(list[i] as T, item) > 0) i--;
  if (i >= 0 && (list[i] as T).id === item.id) list[i] = item;
  else list.splice(i + 1, 0, item);
}

function removeId<T extends Keyed>(list: T[], id: string): boolean {
  const at = list.findIndex((x) => x.id === id);
  if (at !== -1) list.splice(at, 1);
  return at !== -1;
}

type WalkList = 'steps' | 'tags' | 'scores' | 'offsite' | 'signals' | 'facts';

/**
 * Applies one `data/changed` notice to an audit's read model and returns the new model, or the
 * same object when nothing in it changed (a notice about another audit, a record of a walk it does
 * not hold). Pure: only what a change touched is copied (once per notice, however many records it
 * carries), the rest is shared, so a flush costs its new records and not the whole walk again.
 * Applying a notice twice gives the same model: a page may apply changes it also loaded.
 * Returns null when the audit itself was deleted.
 */
export function applyChanges(data: AuditData, notice: DataChanged): AuditData | null {
  const auditId = data.audit.id;
  if (notice.auditId !== auditId) return data;
  let audit = data.audit;
  let personas: AuditData['personas'] | null = null;
  let touchpoints: AuditData['touchpoints'] | null = null;
  let decisions: AuditData['decisions'] | null = null;
  let walks: WalkData[] | null = null;
  /** Walks copied by this notice, by id: their lists are changed in place until it is applied. */
  const copied = new Map<string, WalkData>();
  const copiedLists = new Set<string>();

  const walkList = () => (walks ??= [...data.walks]);
  function walkOf(walkId: string): WalkData | null {
    const done = copied.get(walkId);
    if (done) return done;
    const list = walkList();
    const at = list.findIndex((w) => w.walk.id === walkId);
    if (at === -1) return null;
    const copy = { ...(list[at] as WalkData) };
    list[at] = copy;
    copied.set(walkId, copy);
    return copy;
  }
  /** The walk's list, copied the first time this notice changes it. */
  function listOf<K extends WalkList>(w: WalkData, key: K): WalkData[K] {
    const name = `${w.walk.id}/${key}`;
    if (!copiedLists.has(name)) {
      copiedLists.add(name);
      w[key] = [...w[key]] as WalkData[K];
    }
    return w[key];
  }
  /** The walk holding record `id` in list `key`, for a delete (which names only the id). */
  const holder = (key: WalkList, id: string) =>
    walkList().find((w) => (w[key] as Keyed[]).some((x) => x.id === id))?.walk.id ?? null;

  function putIn<K extends WalkList>(walkId: string, key: K, item: WalkData[K][number], keyMayChange: boolean) {
    const w = walkOf(walkId);
    if (!w) return;
    const cmp = ORDER[key] as (a: WalkData[K][number], b: WalkData[K][number]) => number;
    putSorted(listOf(w, key) as WalkData[K][number][], item, cmp, keyMayChange);
  }
  function deleteIn(key: WalkList, id: string) {
    const walkId = holder(key, id);
    const w = walkId ? walkOf(walkId) : null;
    if (w) removeId(listOf(w, key) as Keyed[], id);
  }

  for (const c of notice.changes as Change[]) {
    switch (c.store) {
      case 'audits':
        if (c.op === 'delete') {
          if (c.id === auditId) return null;
        } else if (c.value.id === auditId) audit = c.value;
        break;
      case 'personas':
        personas ??= [...data.personas];
        if (c.op === 'delete') removeId(personas, c.id);
        else if (c.value.auditId === auditId) putSorted(personas, c.value, ORDER.personas, true);
        break;
      case 'touchpoints':
        touchpoints ??= [...data.touchpoints];
        if (c.op === 'delete') removeId(touchpoints, c.id);
        else if (c.value.auditId === auditId) putSorted(touchpoints, c.value, ORDER.touchpoints, true);
        break;
      case 'walks': {
        const list = walkList();
        if (c.op === 'delete') {
          const at = list.findIndex((w) => w.walk.id === c.id);
          if (at !== -1) list.splice(at, 1);
          copied.delete(c.id);
        } else if (c.value.auditId === auditId) {
          const w = walkOf(c.value.id);
          // Every flush announces its walk: one that says nothing new keeps the object views hold.
          if (w && JSON.stringify(w.walk) !== JSON.stringify(c.value)) w.walk = c.value;
          else if (!w) list.push(emptyWalkData(c.value));
          list.sort((a, b) => ORDER.walks(a.walk, b.walk));
        }
        break;
      }
      case 'decisions':
        decisions ??= [...data.decisions];
        if (c.op === 'delete') removeId(decisions, c.id);
        else if (c.value.auditId === auditId) putSorted(decisions, c.value, ORDER.decisions, true);
        break;
      case 'tags':
      case 'scores':
      case 'offsite':
      case 'facts':
        if (c.op === 'delete') deleteIn(c.store, c.id);
        else if (c.value.auditId === auditId) putIn(c.value.walkId, c.store, c.value, true);
        break;
      case 'steps':
      case 'signals':
        putIn(c.value.walkId, c.store, c.value, false);
        break;
      case 'chunks': {
        const w = walkOf(c.walkId);
        if (!w) break;
        const known = new Set(w.chunkIds);
        const fresh = c.ids.filter((id) => !known.has(id));
        if (fresh.length > 0) w.chunkIds = [...w.chunkIds, ...fresh];
        break;
      }
    }
  }
  const next: AuditData = {
    audit,
    personas: personas && !sameList(personas, data.personas) ? personas : data.personas,
    touchpoints: touchpoints && !sameList(touchpoints, data.touchpoints) ? touchpoints : data.touchpoints,
    walks: walks ? keepUnchanged(walks, data.walks) : data.walks,
    decisions: decisions && !sameList(decisions, data.decisions) ? decisions : data.decisions,
  };
  const same =
    next.audit === data.audit &&
    next.personas === data.personas &&
    next.touchpoints === data.touchpoints &&
    next.walks === data.walks &&
    next.decisions === data.decisions;
  return same ? data : next;
}

/** Same items in the same order: a delete of a record the model does not hold changed nothing. */
function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A walk copied for a change that turned out to change nothing is the old walk again. */
function keepUnchanged(walks: WalkData[], before: WalkData[]): WalkData[] {
  const old = new Map(before.map((w) => [w.walk.id, w]));
  const out = walks.map((w) => {
    const o = old.get(w.walk.id);
    if (!o || o === w) return w;
    const keys = Object.keys(w) as (keyof WalkData)[];
    const unchanged = keys.every((k) =>
      Array.isArray(w[k]) ? sameList(w[k] as unknown[], o[k] as unknown[]) : w[k] === o[k],
    );
    return unchanged ? o : w;
  });
  return sameList(out, before) ? before : out;
}
