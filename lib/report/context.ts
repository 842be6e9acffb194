import { walkKpis } from '@/lib/kpi';
import type { AuditExport, ExportedWalk } from '@/lib/model/export';
import type { TouchpointKpis } from '@/lib/model/kpi';
import type { Persona } from '@/lib/model/audit';
import { Stage, type Touchpoint } from '@/lib/model/touchpoint';
import type { RatingEntry, TagEntry } from '@/lib/report/entries';
import { cmp } from '@/lib/report/measures';
import { indexByPattern } from '@/lib/touchpoints/pattern-index';

/** What several sections read, indexed once: every section is then linear in what it reads. */
export interface ReportContext {
  file: AuditExport;
  /** The clock of walks still open. */
  now: number;
  /** Oldest first: personas by creation, walks by start (then id). */
  personas: Persona[];
  walks: ExportedWalk[];
  touchpoints: ReadonlyMap<string, Touchpoint>;
  /** Each walk's KPIs, recomputed (lib/kpi) for the file's touchpoints only. */
  kpis: ReadonlyMap<string, TouchpointKpis[]>;
  /** Walk order, then time. */
  tags: TagEntry[];
  ratings: RatingEntry[];
  /** Touchpoints met by any walk, in journey order: stage, first met, name, id. */
  order: Touchpoint[];
  firstMet: ReadonlyMap<string, number>;
  /** The walks that met each touchpoint, oldest first. */
  metBy: ReadonlyMap<string, ExportedWalk[]>;
  tagsOf: ReadonlyMap<string, TagEntry[]>;
  ratingsOf: ReadonlyMap<string, RatingEntry[]>;
}

export type { RatingEntry, TagEntry };

const byTime =
  <T extends { id: string }>(at: (x: T) => number) =>
  (a: T, b: T) =>
    at(a) - at(b) || cmp(a.id, b.id);

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const PASSIVE = new Set(['tab-opened', 'tab-closed', 'left-site', 'recording-stopped']);

export function reportContext(file: AuditExport, now: number): ReportContext {
  const personas = [...file.personas].sort(byTime((p) => p.createdAt));
  const walks = [...file.walks].sort(byTime((w) => w.startedAt));
  const touchpoints = new Map(file.touchpoints.map((t) => [t.id, t]));
  const index = indexByPattern(file.touchpoints);
  const byUrl = new Map<string, string | null>();
  const known = (id: string | null | undefined): string | null => (id && touchpoints.has(id) ? id : null);
  const touchpointOf = (url: string): string | null => {
    let id = byUrl.get(url);
    if (id === undefined) {
      id = known(index.best(url)?.id);
      byUrl.set(url, id);
    }
    return id;
  };

  const kpis = new Map<string, TouchpointKpis[]>();
  const firstMet = new Map<string, number>();
  const metBy = new Map<string, ExportedWalk[]>();
  const tags: TagEntry[] = [];
  const ratings: RatingEntry[] = [];
  const meet = (id: string | null, at: number) => {
    if (id && at < (firstMet.get(id) ?? Number.POSITIVE_INFINITY)) firstMet.set(id, at);
  };
  for (const walk of walks) {
    const own = walkKpis({
      walk,
      now,
      touchpoints: file.touchpoints,
      steps: walk.steps,
      signals: walk.signals,
      tags: walk.tags.map((t) => ({ ...t, screenshotId: null })),
      scores: walk.scores,
      offsite: walk.offsite,
    }).filter((k) => touchpoints.has(k.touchpointId));
    kpis.set(walk.id, own);
    for (const k of own) push(metBy, k.touchpointId, walk);
    for (const s of walk.steps) if (!PASSIVE.has(s.kind)) meet(touchpointOf(s.url), s.at);
    for (const g of walk.signals) meet(touchpointOf(g.url), g.at);
    for (const tag of [...walk.tags].sort(byTime((t) => t.at))) {
      // As lib/kpi places a tag: its touchpoint, else the one its page belongs to.
      const touchpointId = tag.touchpointId ? known(tag.touchpointId) : touchpointOf(tag.url);
      meet(touchpointId, tag.at);
      tags.push({ tag, walk, touchpointId });
    }
    for (const s of walk.scores) {
      if (!touchpoints.has(s.touchpointId)) continue;
      meet(s.touchpointId, s.at);
      ratings.push({ touchpointId: s.touchpointId, walk, ces: s.ces, csat: s.csat });
    }
    for (const e of walk.offsite) {
      if (!touchpoints.has(e.touchpointId)) continue;
      meet(e.touchpointId, e.requestedAt);
      ratings.push({ touchpointId: e.touchpointId, walk, ces: e.ces, csat: e.csat });
    }
  }
  const tagsOf = new Map<string, TagEntry[]>();
  for (const t of tags) if (t.touchpointId) push(tagsOf, t.touchpointId, t);
  const ratingsOf = new Map<string, RatingEntry[]>();
  for (const r of ratings) push(ratingsOf, r.touchpointId, r);

  const stageIndex = (t: Touchpoint) => Stage.options.indexOf(t.stage);
  const order = [...metBy.keys()]
    .map((id) => touchpoints.get(id) as Touchpoint)
    .sort(
      (a, b) =>
        stageIndex(a) - stageIndex(b) ||
        (firstMet.get(a.id) ?? Number.POSITIVE_INFINITY) - (firstMet.get(b.id) ?? Number.POSITIVE_INFINITY) ||
        cmp(a.name, b.name) ||
        cmp(a.id, b.id),
    );
  return { file, now, personas, walks, touchpoints, kpis, tags, ratings, order, firstMet, metBy, tagsOf, ratingsOf };
}
