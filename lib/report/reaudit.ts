import { sameTouchpoint } from '@/lib/import/merge';
import type { AuditExport } from '@/lib/model/export';
import {
  CES_SAME,
  CSAT_SAME,
  type Change,
  type MeasureChange,
  type Reaudit,
  type ReauditPoint,
  type TouchpointChange,
} from '@/lib/model/reaudit';
import type { Report, TouchpointRow } from '@/lib/model/report';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { buildReport } from '@/lib/report/build-report';
import { round2 } from '@/lib/report/measures';
import { compareDivergences } from '@/lib/report/reaudit-divergences';
import { compareFrictions } from '@/lib/report/reaudit-frictions';

export interface ReauditOptions {
  /** Reports already built of the same files (the panel has its own audit's): not built again. */
  beforeReport?: Report;
  afterReport?: Report;
}

/** Higher is better (CES: easier, CSAT: more satisfied); under `tolerance` either way is the same. */
export function measureChange(before: number | null, after: number | null, tolerance: number): MeasureChange {
  if (before === null || after === null) return { before, after, delta: null, change: 'unrated' };
  const delta = round2(after - before);
  const change: Change = Math.abs(delta) < tolerance ? 'same' : delta > 0 ? 'improved' : 'worsened';
  return { before, after, delta, change };
}

const point = (r: TouchpointRow): ReauditPoint => ({
  touchpointId: r.touchpointId,
  name: r.name,
  channel: r.channel,
  stage: r.stage,
});

/**
 * Each touchpoint walked after paired with the one walked before it is (lib/import/merge.ts, the
 * import's natural key), one to one: a touchpoint taken is out of the pool, in the later
 * audit's journey order, so the pairing is deterministic.
 */
function pairTouchpoints(before: AuditExport, b: Report, after: AuditExport, a: Report) {
  const defs = (f: AuditExport) => new Map(f.touchpoints.map((t) => [t.id, t]));
  const beforeDefs = defs(before);
  const afterDefs = defs(after);
  const pool: Touchpoint[] = b.touchpoints.flatMap((r) => beforeDefs.get(r.touchpointId) ?? []);
  /** before id → after id. */
  const pairs = new Map<string, string>();
  for (const r of a.touchpoints) {
    const t = afterDefs.get(r.touchpointId);
    const same = t && sameTouchpoint(t, pool);
    if (!same) continue;
    pairs.set(same.id, r.touchpointId);
    pool.splice(pool.indexOf(same), 1);
  }
  return pairs;
}

/**
 * Two audits of the same site compared (lib/model/reaudit.ts): the effort and satisfaction of each
 * touchpoint walked in both, the touchpoints walked in one only, the frictions fixed, new and still
 * there, the divergences resolved, new and still there. Pure and deterministic; each friction is
 * compared only with those of its own touchpoint (or page), so the work grows with the audits.
 */
export function compareAudits(before: AuditExport, after: AuditExport, opts: ReauditOptions = {}): Reaudit {
  const b = opts.beforeReport ?? buildReport(before);
  const a = opts.afterReport ?? buildReport(after);
  const pairs = pairTouchpoints(before, b, after, a);
  const beforeRows = new Map(b.touchpoints.map((r) => [r.touchpointId, r]));
  const afterRows = new Map(a.touchpoints.map((r) => [r.touchpointId, r]));
  const paired = new Set(pairs.values());
  const touchpoints: TouchpointChange[] = [];
  for (const [beforeId, afterId] of pairs) {
    const was = beforeRows.get(beforeId) as TouchpointRow;
    const now = afterRows.get(afterId) as TouchpointRow;
    touchpoints.push({
      ...point(now),
      beforeId,
      ces: measureChange(was.ces.mean, now.ces.mean, CES_SAME),
      csat: measureChange(was.csat.mean, now.csat.mean, CSAT_SAME),
    });
  }
  const order = new Map(a.touchpoints.map((r, i) => [r.touchpointId, i]));
  touchpoints.sort((x, y) => (order.get(x.touchpointId) ?? 0) - (order.get(y.touchpointId) ?? 0));
  const audit = (f: AuditExport) => ({
    id: f.audit.id,
    name: f.audit.name,
    createdAt: f.audit.createdAt,
    walks: f.walks.length,
  });
  return {
    before: audit(before),
    after: audit(after),
    touchpoints,
    gone: b.touchpoints.filter((r) => !pairs.has(r.touchpointId)).map(point),
    added: a.touchpoints.filter((r) => !paired.has(r.touchpointId)).map(point),
    frictions: compareFrictions({ file: before, report: b }, { file: after, report: a }, pairs),
    divergences: compareDivergences({ file: before, report: b }, { file: after, report: a }),
  };
}
