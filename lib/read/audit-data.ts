import type { Db } from '@/lib/db/open-db';
import { walkKpis } from '@/lib/kpi';
import type {
  Audit,
  OffsiteEvent,
  PageSignal,
  Persona,
  Score,
  Step,
  Tag,
  Touchpoint,
  TouchpointKpis,
  Walk,
} from '@/lib/model';
import type { Decision, PageFacts } from '@/lib/model/fact';
import { getAudit, listPersonas } from '@/lib/read/audits';
import { listDecisions, listFacts } from '@/lib/read/facts';
import { listOffsite } from '@/lib/read/offsite';
import { listScores } from '@/lib/read/scores';
import { listSignals } from '@/lib/read/signals';
import { listTags } from '@/lib/read/tags';
import { listTouchpoints } from '@/lib/read/touchpoints';
import { listSteps, listWalks } from '@/lib/read/walks';

/**
 * One walk with everything recorded or added on it. Values are never changed in place: a change
 * makes a new object for what it touched and keeps the rest, so a view (or a memo) can tell what
 * changed by identity.
 */
export interface WalkData {
  walk: Walk;
  /** In the order they happened. */
  steps: Step[];
  /** In the order they were pinned. */
  tags: Tag[];
  scores: Score[];
  offsite: OffsiteEvent[];
  signals: PageSignal[];
  /** The facts read from its page loads (lib/facts), one record per page load, in recording order. */
  facts: PageFacts[];
  /** Its recorded chunks, by id: the bytes are read only when exported or replayed. */
  chunkIds: string[];
}

/**
 * The read model: one audit as a whole, what every view (panel, replay page, export, and next the
 * consistency view and the report) starts from. Built once by `loadAudit`, then kept current by
 * `applyChanges` with the worker's `data/changed` notices.
 */
export interface AuditData {
  audit: Audit;
  /** Oldest first, as every list here. */
  personas: Persona[];
  touchpoints: Touchpoint[];
  walks: WalkData[];
  /** The auditor's decisions on the audit's divergences, oldest first. */
  decisions: Decision[];
}

// The orders below are lib/read's: a change applied lands where a fresh read would put it.
type Keyed = { id: string };
const by =
  <T extends Keyed>(key: (x: T) => number) =>
  (a: T, b: T): number =>
    key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
export const ORDER = {
  personas: by<Persona>((p) => p.createdAt),
  touchpoints: by<Touchpoint>((t) => t.createdAt),
  walks: by<Walk>((w) => w.startedAt),
  steps: by<Step>((s) => s.at),
  tags: by<Tag>((t) => t.at),
  scores: by<Score>((s) => s.at),
  offsite: by<OffsiteEvent>((e) => e.requestedAt),
  signals: by<PageSignal>((s) => s.at),
  facts: by<PageFacts>((f) => f.at),
  decisions: by<Decision>((d) => d.decidedAt),
};

export function emptyWalkData(walk: Walk): WalkData {
  return { walk, steps: [], tags: [], scores: [], offsite: [], signals: [], facts: [], chunkIds: [] };
}

async function loadWalk(db: Db, walk: Walk): Promise<WalkData> {
  const [steps, tags, scores, offsite, signals, facts, chunkIds] = await Promise.all([
    listSteps(db, walk.id),
    listTags(db, walk.id),
    listScores(db, walk.id),
    listOffsite(db, walk.id),
    listSignals(db, walk.id),
    listFacts(db, walk.id),
    // Keys only: a walk's recorded bytes stay on disk until something plays or exports them.
    db.getAllKeysFromIndex('chunks', 'byWalk', walk.id),
  ]);
  const sorted = <T extends Keyed>(xs: T[], cmp: (a: T, b: T) => number) => [...xs].sort(cmp);
  return {
    walk,
    steps: sorted(steps, ORDER.steps),
    tags: sorted(tags, ORDER.tags),
    scores: sorted(scores, ORDER.scores),
    offsite: sorted(offsite, ORDER.offsite),
    signals: sorted(signals, ORDER.signals),
    facts: sorted(facts, ORDER.facts),
    chunkIds,
  };
}

/** Reads one audit as a whole, read-only; null when it does not exist. */
export async function loadAudit(db: Db, auditId: string): Promise<AuditData | null> {
  const audit = await getAudit(db, auditId);
  if (!audit) return null;
  const [personas, touchpoints, walks, decisions] = await Promise.all([
    listPersonas(db, auditId),
    listTouchpoints(db, auditId),
    listWalks(db, auditId),
    listDecisions(db, auditId),
  ]);
  return {
    audit,
    personas: [...personas].sort(ORDER.personas),
    touchpoints: [...touchpoints].sort(ORDER.touchpoints),
    walks: (await Promise.all(walks.map((w) => loadWalk(db, w)))).sort((a, b) => ORDER.walks(a.walk, b.walk)),
    decisions: [...decisions].sort(ORDER.decisions),
  };
}

export function findWalk(data: AuditData | null, walkId: string | null): WalkData | null {
  return (walkId && data?.walks.find((w) => w.walk.id === walkId)) || null;
}

interface KpiMemo {
  of: Pick<WalkData, 'walk' | 'steps' | 'signals' | 'tags' | 'scores' | 'offsite'>;
  touchpoints: Touchpoint[];
  kpis: TouchpointKpis[];
}
/** By the walk's steps list: a flush that brought only chunks (or facts) keeps every list KPIs read. */
const kpiMemo = new WeakMap<readonly Step[], KpiMemo>();

/**
 * The walk's touchpoint KPIs (`walkKpis`), computed again only when what they read of the walk
 * (its record, steps, signals, tags, scores, off-site events) or the audit's touchpoints changed: a
 * change to one walk leaves every other walk's figures as they were, and a notice that brought
 * only chunks or facts leaves this one's. A walk still open is timed to `now` as of the last change
 * to it, which every flush brings.
 */
export function kpisOf(w: WalkData, touchpoints: Touchpoint[], now: number): TouchpointKpis[] {
  const memo = kpiMemo.get(w.steps);
  const o = memo?.of;
  if (
    memo &&
    o &&
    memo.touchpoints === touchpoints &&
    o.walk === w.walk &&
    o.signals === w.signals &&
    o.tags === w.tags &&
    o.scores === w.scores &&
    o.offsite === w.offsite
  )
    return memo.kpis;
  const { walk, steps, signals, tags, scores, offsite } = w;
  const kpis = walkKpis({ walk, now, touchpoints, steps, signals, tags, scores, offsite });
  kpiMemo.set(w.steps, { of: { walk, steps, signals, tags, scores, offsite }, touchpoints, kpis });
  return kpis;
}
