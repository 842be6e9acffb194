/**
 * A re-audit comparison (issue 13, point 8): two audits of one site, before and after a redesign,
 * compared by lib/report/reaudit.ts. Like the report, it holds kinds, names, numbers and ids, never
 * sentences; names and page texts are untrusted and escaped by whoever renders them.
 *
 * Touchpoints of the two audits are the same one by their natural key (lib/import/merge.ts
 * `sameTouchpoint`: same channel and a shared URL pattern, or same channel and name off-site).
 * A change under the tolerance (CES_SAME, CSAT_SAME) is `same`: two walks rarely rate alike.
 */
import { z } from 'zod';
import { Id } from '@/lib/model/common';
import { FactGroup, FactKind } from '@/lib/model/fact';
import { Category } from '@/lib/model/tag';
import { Target } from '@/lib/model/target';
import { Channel, Stage } from '@/lib/model/touchpoint';

/** CES (1–7): a change of the mean under half a point is noise between walks. */
export const CES_SAME = 0.5;
/** CSAT (1–5): the same share of its scale as CES_SAME (0.5 / 6 × 4 ≈ 0.33). */
export const CSAT_SAME = 0.35;

/** Higher is better for CES and CSAT alike; `unrated` when either audit has no rating of it. */
export const Change = z.enum(['improved', 'worsened', 'same', 'unrated']);
export type Change = z.infer<typeof Change>;

const Mean = z.number().nullable();

export const MeasureChange = z.object({
  before: Mean,
  after: Mean,
  /** after − before, 2 decimals; null when either is. */
  delta: Mean,
  change: Change,
});
export type MeasureChange = z.infer<typeof MeasureChange>;

/** A touchpoint as one of the audits names it. */
export const ReauditPoint = z.object({ touchpointId: Id, name: z.string(), channel: Channel, stage: Stage });
export type ReauditPoint = z.infer<typeof ReauditPoint>;

/** A touchpoint walked in both audits: named as the later audit names it. */
export const TouchpointChange = ReauditPoint.extend({
  beforeId: Id,
  ces: MeasureChange,
  csat: MeasureChange,
});
export type TouchpointChange = z.infer<typeof TouchpointChange>;

/** One friction of one audit (a ranked friction of its report). */
export const FrictionRef = z.object({
  frictionId: Id,
  rank: z.number().int().positive(),
  touchpointId: Id.nullable(),
  /** The touchpoint's name in that audit; '' without one. */
  touchpointName: z.string(),
  category: Category,
  severity: z.number().int().min(0).max(4),
  walks: z.number().int().nonnegative(),
  target: Target,
  url: z.string(),
  pageTitle: z.string(),
});
export type FrictionRef = z.infer<typeof FrictionRef>;

/** A divergence of one audit: confirmed by the auditor, or open (found, not decided). */
export const DivergenceRef = z.object({
  key: z.string(),
  kind: FactKind,
  group: FactGroup,
  subject: z.string(),
  lang: z.string(),
  severity: z.number().int().min(0).max(4),
  baseline: z.string(),
  values: z.array(z.string()),
  status: z.enum(['confirmed', 'open', 'dismissed']),
});
export type DivergenceRef = z.infer<typeof DivergenceRef>;

export const ReauditAudit = z.object({ id: Id, name: z.string(), createdAt: z.number(), walks: z.number().int() });

export const Reaudit = z.object({
  before: ReauditAudit,
  after: ReauditAudit,
  /** The later audit's journey order. */
  touchpoints: z.array(TouchpointChange),
  /** Walked before only: gone, or not walked again. */
  gone: z.array(ReauditPoint),
  /** Walked after only. */
  added: z.array(ReauditPoint),
  frictions: z.object({
    /** Met before, not after, on a touchpoint (or page) walked in both. Before's rank order. */
    fixed: z.array(FrictionRef),
    /** Met after only. After's rank order. */
    new: z.array(FrictionRef),
    /** Met in both; `change` of its severity (lower is improved). */
    still: z.array(z.object({ before: FrictionRef, after: FrictionRef, change: Change })),
    /** Met before on a touchpoint (or page) the later audit did not walk: neither fixed nor not. */
    notChecked: z.array(FrictionRef),
  }),
  /** By kind, subject and language (the values may differ). */
  divergences: z.object({
    /** Confirmed or open before, not found after (where the later audit read that kind). */
    resolved: z.array(DivergenceRef),
    /** Found after (not dismissed), not found before. */
    new: z.array(DivergenceRef),
    still: z.array(z.object({ before: DivergenceRef, after: DivergenceRef })),
    /** Confirmed or open before, of a kind the later audit read nowhere. */
    notChecked: z.array(DivergenceRef),
  }),
});
export type Reaudit = z.infer<typeof Reaudit>;
