import { type Change, scoreId, type Touchpoint } from '@/lib/model';
import type { ImportStore } from '@/lib/model/import';
import type { ImportRecords } from '@/lib/import/records';

const nameKey = (name: string) => name.trim().toLocaleLowerCase();

/**
 * The local touchpoint a touchpoint of the file is, if any: the same one (same id), else one of
 * the same channel sharing a URL pattern (web), or of the same channel and name with no pattern
 * (an off-site one, as lib/db/offsite.ts joins them). So two auditors' walks of one site land on
 * the same touchpoints, whoever met a page first.
 */
export function sameTouchpoint(t: Touchpoint, local: readonly Touchpoint[]): Touchpoint | undefined {
  const own = local.find((l) => l.id === t.id);
  if (own) return own;
  if (t.patterns.length > 0) {
    const patterns = new Set(t.patterns);
    return local.find((l) => l.channel === t.channel && l.patterns.some((p) => patterns.has(p)));
  }
  return local.find((l) => l.channel === t.channel && l.patterns.length === 0 && nameKey(l.name) === nameKey(t.name));
}

/**
 * The file's records with each touchpoint that is a local one replaced by it: the touchpoint is
 * not added, and every reference to it (tags, scores, off-site events, facts) names the local
 * one. A score's id says its walk and touchpoint (lib/model/score.ts), so it follows.
 */
export function mapTouchpoints(
  records: ImportRecords,
  local: readonly Touchpoint[],
): { records: ImportRecords; matched: number } {
  const onto = new Map<string, string>();
  const touchpoints: Touchpoint[] = [];
  for (const t of records.touchpoints) {
    const same = sameTouchpoint(t, local);
    if (same) onto.set(t.id, same.id);
    else touchpoints.push(t);
  }
  const to = <T extends { touchpointId: string | null }>(x: T): T => {
    const id = x.touchpointId === null ? undefined : onto.get(x.touchpointId);
    return id === undefined || id === x.touchpointId ? x : { ...x, touchpointId: id };
  };
  const scores = records.scores.map((s) => {
    const moved = to(s);
    return moved === s ? s : { ...moved, id: scoreId(s.walkId, moved.touchpointId) };
  });
  return {
    records: {
      ...records,
      touchpoints,
      tags: records.tags.map(to),
      scores,
      offsite: records.offsite.map(to),
      facts: records.facts.map(to),
    },
    matched: onto.size,
  };
}

type Keyed = { id: string };
/** The key of each record in its store (chunks, screenshots and the rest are keyed by `id`). */
export const keyOf = (r: Keyed): string => r.id;

/**
 * What the import adds: each record whose key is not in the database yet (a record already
 * there, the audit included, is left as it is: local wins, and a file imported twice adds
 * nothing the second time). A key met twice in the file keeps its first record; a screenshot
 * comes only with its tag.
 */
export function newRecords(
  records: ImportRecords,
  present: (store: ImportStore, id: string) => boolean,
): ImportRecords {
  const out = {} as Record<ImportStore, Keyed[]>;
  for (const [store, list] of Object.entries(records) as [ImportStore, Keyed[]][]) {
    const seen = new Set<string>();
    out[store] = list.filter((r) => {
      const id = keyOf(r);
      if (seen.has(id) || present(store, id)) return false;
      seen.add(id);
      return true;
    });
  }
  // A screenshot is its tag's: a tag left as it is keeps the screenshot it has.
  const held = new Set((out.tags as ImportRecords['tags']).map((t) => t.screenshotId));
  out.screenshots = out.screenshots.filter((s) => held.has(s.id));
  return out as unknown as ImportRecords;
}

/** Changes per notice and chunk ids per change: within the bounds of `data/changed` (lib/model/change.ts). */
const PER_NOTICE = 20_000;
const IDS_PER_CHANGE = 10_000;

/**
 * What the import committed, as `data/changed` notices: the audit, personas and touchpoints, then
 * each walk before its records, then the decisions. Screenshots are named by their tags only.
 */
export function importChanges(added: ImportRecords): Change[][] {
  const changes: Change[] = [];
  const put = <S extends Change['store']>(store: S, values: readonly unknown[]) => {
    for (const value of values) changes.push({ store, op: 'put', value } as Change);
  };
  put('audits', added.audits);
  put('personas', added.personas);
  put('touchpoints', added.touchpoints);
  for (const walk of added.walks) {
    const mine = <T extends { walkId: string }>(xs: readonly T[]) => xs.filter((x) => x.walkId === walk.id);
    put('walks', [walk]);
    put('steps', mine(added.steps));
    put('tags', mine(added.tags));
    put('scores', mine(added.scores));
    put('offsite', mine(added.offsite));
    put('signals', mine(added.signals));
    put('facts', mine(added.facts));
  }
  // Records of walks that were here already (a walk merged again with records it lacked).
  const fresh = new Set(added.walks.map((w) => w.id));
  const others = <T extends { walkId: string }>(xs: readonly T[]) => xs.filter((x) => !fresh.has(x.walkId));
  put('steps', others(added.steps));
  put('tags', others(added.tags));
  put('scores', others(added.scores));
  put('offsite', others(added.offsite));
  put('signals', others(added.signals));
  put('facts', others(added.facts));
  const chunkIds = new Map<string, string[]>();
  for (const c of added.chunks) {
    const ids = chunkIds.get(c.walkId);
    if (ids) ids.push(c.id);
    else chunkIds.set(c.walkId, [c.id]);
  }
  for (const [walkId, ids] of chunkIds) {
    for (let i = 0; i < ids.length; i += IDS_PER_CHANGE) {
      changes.push({ store: 'chunks', op: 'put', walkId, ids: ids.slice(i, i + IDS_PER_CHANGE) });
    }
  }
  put('decisions', added.decisions);
  const notices: Change[][] = [];
  for (let i = 0; i < changes.length; i += PER_NOTICE) notices.push(changes.slice(i, i + PER_NOTICE));
  return notices;
}
