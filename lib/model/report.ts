/**
 * The report (issue 13, point 1): what an audit export says, summed up for a team to read. Built by
 * lib/report/build-report.ts from an AuditExport alone (so an imported or merged file reports the
 * same), pure and deterministic. Over 200 lines because it is the one schema of the whole report,
 * read by every renderer (HTML, Markdown, CSV, the panel's Report view): one place to look.
 *
 * It holds kinds, names, numbers, ids and timestamps, never sentences: every word is chosen at
 * display time by lib/present (labels: STAGE, PHASE, CHANNEL, GOAL, SEVERITY, MOMENT…). Names and
 * texts typed by the auditor (audit, persona, touchpoint names, jobs to be done, notes) and read
 * from pages (URLs, titles, element names) are carried as they are: untrusted, escaped by renderers.
 *
 * Scales: CES 1–7 (higher is easier: low CES is high effort), CSAT 1–5, NPS 0–10 per answer and
 * −100…+100 as a score, emotion −2…+2, severity 0–4 (Nielsen). A mean is on its measure's scale,
 * rounded to 2 places (lib/kpi/means.ts), null when nothing was rated. A share is 0..1, null when
 * there is nothing to share out. A "friction" is a tag of severity 1 or more (0 is "not a problem").
 *
 * Sections:
 * - summary: the audit, its site, personas (jobs to be done, goal achieved per persona, their own
 *   CES/CSAT/NPS), walks (persona, auditor, start, end, duration, goal), the period covered, the
 *   auditors, and overall CES, CSAT and NPS.
 * - journey: the eight stages in journey order (with their phase), each with the touchpoints met
 *   in it (by first meeting), and per touchpoint its effort, emotion, friction count and moments of
 *   truth: what the effort and emotion curves are drawn from. Also per phase, and the channels met.
 * - touchpoints: the per-touchpoint table, in the journey's order: channel, stage, the operational
 *   KPIs summed over walks (and per walk), CES, CSAT, tags by severity.
 * - consistency: every confirmed divergence with its evidence (values and places), the decisions'
 *   counts, and the agreement score per group (information, brand, voice, structure), per channel
 *   and per kind. Recomputed from the walks' facts and off-site events (lib/consistency/compare.ts).
 * - frictions: friction tags of all walks grouped by touchpoint and element (anchor similarity),
 *   ranked by severity, then walks that met it, then effort (lowest CES first); each with the tag
 *   whose screenshot to show and every tag's moment in its walk's recording.
 * - personaComparison: each touchpoint as lived by each persona (one cell per persona, always).
 * - agreement: per touchpoint, the spread of CES across auditors and the frictions found by one
 *   auditor or by several (trivial with one auditor).
 */
import { z } from 'zod';
import { Id, Timestamp } from '@/lib/model/common';
import { Divergence } from '@/lib/model/divergence';
import { FactGroup, FactKind } from '@/lib/model/fact';
import { TouchpointKpis } from '@/lib/model/kpi';
import { WalkOutcome } from '@/lib/model/outcome';
import { Aspect, MomentOfTruth, Resolution } from '@/lib/model/tag';
import { Target } from '@/lib/model/target';
import { Channel, Phase, Stage } from '@/lib/model/touchpoint';
import { EndReason, WalkStatus } from '@/lib/model/walk';

/** Bumped when a field changes meaning; fields are only ever added. */
export const REPORT_VERSION = 1;

const Count = z.number().int().nonnegative();
/** A mean on its measure's scale, 2 decimals; null when nothing was rated. */
const Mean = z.number().nullable();
/** 0..1; null when there is nothing to share out. */
const Share = z.number().min(0).max(1).nullable();
const SeverityValue = z.number().int().min(0).max(4);

/** Counts of tags per severity, index = severity 0..4. */
export const SeverityCounts = z.tuple([Count, Count, Count, Count, Count]);
export type SeverityCounts = z.infer<typeof SeverityCounts>;

export const Goal = WalkOutcome.shape.goal;
export type Goal = z.infer<typeof Goal>;

/** CES ratings (scores and off-site events): mean on 1–7 and how many. */
export const CesSummary = z.object({ mean: Mean, count: Count });
export type CesSummary = z.infer<typeof CesSummary>;

/** CSAT ratings: mean on 1–5, how many were 4 or 5 (satisfied), of how many; share = satisfied / count. */
export const CsatSummary = z.object({ mean: Mean, satisfied: Count, count: Count, share: Share });
export type CsatSummary = z.infer<typeof CsatSummary>;

/**
 * NPS from the walks' outcomes: promoters answered 9–10, passives 7–8, detractors 0–6; score =
 * % promoters − % detractors (−100…+100, 2 decimals), null when nobody answered. `walks` is how
 * many walks were counted (those answered and those not).
 */
export const NpsSummary = z.object({
  score: z.number().min(-100).max(100).nullable(),
  promoters: Count,
  passives: Count,
  detractors: Count,
  answered: Count,
  walks: Count,
});
export type NpsSummary = z.infer<typeof NpsSummary>;

// ---------------------------------------------------------------------------------------- summary

/**
 * Whether the persona got what it came for over its walks: `verdict` is yes when every answered
 * walk said yes, no when every one said no, partly otherwise; null when no walk was answered.
 */
export const GoalAchieved = z.object({
  verdict: Goal.nullable(),
  yes: Count,
  partly: Count,
  no: Count,
  unanswered: Count,
});
export type GoalAchieved = z.infer<typeof GoalAchieved>;

export const ReportPersona = z.object({
  id: Id,
  name: z.string(),
  segment: z.string(),
  device: z.enum(['desktop', 'mobile', 'tablet']),
  locale: z.string(),
  jobToBeDone: z.string(),
  /** The persona's goal as the auditor wrote it (what `goalAchieved` is about). */
  goal: z.string(),
  expectations: z.string(),
  /** Its walks, oldest first. */
  walkIds: z.array(Id),
  goalAchieved: GoalAchieved,
  ces: CesSummary,
  csat: CsatSummary,
  nps: NpsSummary,
});
export type ReportPersona = z.infer<typeof ReportPersona>;

export const ReportWalk = z.object({
  id: Id,
  personaId: Id,
  /** '' when the walk was made before auditors were named. */
  auditorName: z.string(),
  startUrl: z.string(),
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  /** End − start; a walk still open counts to the report's time. */
  durationMs: z.number().nonnegative(),
  status: WalkStatus,
  endReason: EndReason.nullable(),
  /** The outcome's goal: null when the walk has no outcome. */
  goal: Goal.nullable(),
  /** How long the job took as the auditor judged it; null without an outcome. */
  outcomeMinutes: z.number().nonnegative().nullable(),
  nps: z.number().int().min(0).max(10).nullable(),
  steps: Count,
  tags: Count,
  scores: Count,
  offsite: Count,
  /** Touchpoints it met (its KPIs' rows). */
  touchpoints: Count,
});
export type ReportWalk = z.infer<typeof ReportWalk>;

export const ReportAuditor = z.object({
  name: z.string(),
  walkIds: z.array(Id),
  personaIds: z.array(Id),
  tags: Count,
  scores: Count,
});
export type ReportAuditor = z.infer<typeof ReportAuditor>;

export const Summary = z.object({
  audit: z.object({ id: Id, name: z.string(), company: z.string(), startUrl: z.string(), createdAt: Timestamp }),
  /** The audited site: the start URL's origin and every origin the audit records on. */
  site: z.object({ origin: z.string(), origins: z.array(z.string()) }),
  /** In the file's order (oldest first), every persona, walked or not. */
  personas: z.array(ReportPersona),
  /** Oldest first. */
  walks: z.array(ReportWalk),
  /** First walk's start to the last walk's end (or the report's time when one is open); null without walks. */
  period: z.object({ from: Timestamp, to: Timestamp }).nullable(),
  /** Distinct auditor names, sorted. */
  auditors: z.array(ReportAuditor),
  ces: CesSummary,
  csat: CsatSummary,
  nps: NpsSummary,
  counts: z.object({
    walks: Count,
    /** Touchpoints met by at least one walk. */
    touchpoints: Count,
    tags: Count,
    /** Ranked frictions (groups of friction tags on one element). */
    frictions: Count,
    confirmedDivergences: Count,
    momentsOfTruth: Count,
  }),
});
export type Summary = z.infer<typeof Summary>;

// ---------------------------------------------------------------------------------------- journey

/** A tag marked as a moment of truth. */
export const MomentMark = z.object({
  tagId: Id,
  walkId: Id,
  kind: MomentOfTruth.exclude(['no']),
  severity: SeverityValue,
  emotion: z.number().int().min(-2).max(2),
  at: Timestamp,
});
export type MomentMark = z.infer<typeof MomentMark>;

/**
 * Effort and emotion of one touchpoint, stage or phase. `effort` is the mean of every CES rating
 * (scores, off-site events) and every tag's effort together, on 1–7 (higher is easier); `emotion`
 * the mean of every tag's emotion and every CSAT read as emotion (CSAT − 3: 1 → −2 … 5 → +2).
 */
export const Feeling = z.object({
  ces: Mean,
  tagEffort: Mean,
  effort: Mean,
  tagEmotion: Mean,
  emotion: Mean,
  tags: Count,
  frictions: Count,
  momentsOfTruth: Count,
});
export type Feeling = z.infer<typeof Feeling>;

export const JourneyPoint = Feeling.extend({
  touchpointId: Id,
  name: z.string(),
  channel: Channel,
  stage: Stage,
  phase: Phase,
  /** Its stage was the keyword guess, never set by the auditor. */
  stageGuessed: z.boolean(),
  /** How many walks met it. */
  walks: Count,
  /** The earliest moment any walk met it: the order within a stage. */
  firstMetAt: Timestamp.nullable(),
  maxSeverity: SeverityValue.nullable(),
  moments: z.array(MomentMark),
});
export type JourneyPoint = z.infer<typeof JourneyPoint>;

export const JourneyStage = Feeling.extend({ stage: Stage, phase: Phase, touchpoints: z.array(JourneyPoint) });
export type JourneyStage = z.infer<typeof JourneyStage>;

export const Journey = z.object({
  /** All eight stages in journey order, empty ones included (touchpoints: []). */
  stages: z.array(JourneyStage),
  /** before, during, after. */
  phases: z.array(Feeling.extend({ phase: Phase })),
  /** The channels met, in the model's order. */
  channels: z.array(Channel),
});
export type Journey = z.infer<typeof Journey>;

// ------------------------------------------------------------------------------------ touchpoints

export const TouchpointRow = z.object({
  touchpointId: Id,
  name: z.string(),
  channel: Channel,
  stage: Stage,
  phase: Phase,
  walks: Count,
  /**
   * Summed over the walks that met it (times, counts, waits; maxMs the largest), means over every
   * rating of every walk (not a mean of means). Recomputed with lib/kpi from the walks' records.
   */
  kpis: TouchpointKpis,
  /** timeMs / walks. */
  meanTimeMs: z.number().nonnegative(),
  ces: CesSummary,
  csat: CsatSummary,
  tagsBySeverity: SeverityCounts,
  frictions: Count,
  /** Each walk's own KPIs for it, in walk order. */
  byWalk: z.array(z.object({ walkId: Id, kpis: TouchpointKpis })),
});
export type TouchpointRow = z.infer<typeof TouchpointRow>;

// ------------------------------------------------------------------------------------ consistency

/** A confirmed divergence with its evidence, and the decision that confirmed it. */
export const ReportDivergence = Divergence.extend({
  decidedAt: Timestamp,
  /** The friction tag the confirmation created; null when none. */
  tagId: Id.nullable(),
  /**
   * `recomputed` from the file's facts now; `file` when the file's own comparison had it and the
   * recomputation no longer finds it (facts read by older extractors).
   */
  evidence: z.enum(['recomputed', 'file']),
});
export type ReportDivergence = z.infer<typeof ReportDivergence>;

const Agreeing = { agreeing: Count, total: Count, share: Share };

export const Consistency = z.object({
  /** In the comparison's order: severity first. */
  divergences: z.array(ReportDivergence),
  /** Divergences found: confirmed, dismissed, still open; `stale`: decisions matching none. */
  decisions: z.object({ confirmed: Count, dismissed: Count, open: Count, stale: Count }),
  /** Share of places agreeing with each subject's baseline; all four groups, in the model's order. */
  byGroup: z.array(z.object({ group: FactGroup, ...Agreeing })),
  /** Channels with any place, in the model's order. */
  byChannel: z.array(z.object({ channel: Channel, ...Agreeing })),
  /** Kinds with any place, in the model's order. */
  byKind: z.array(z.object({ kind: FactKind, group: FactGroup, ...Agreeing })),
  /** Kinds some pages could not read (masked text), with how many pages. */
  unreadable: z.array(z.object({ kind: FactKind, pages: Count })),
});
export type Consistency = z.infer<typeof Consistency>;

// -------------------------------------------------------------------------------------- frictions

/** One tag of a friction, and its moment in the walk. */
export const FrictionTag = z.object({
  tagId: Id,
  walkId: Id,
  personaId: Id,
  auditorName: z.string(),
  categoryId: z.string(),
  severity: SeverityValue,
  effort: z.number().int().min(1).max(7),
  emotion: z.number().int().min(-2).max(2),
  momentOfTruth: MomentOfTruth,
  aspect: Aspect,
  resolution: Resolution,
  note: z.string(),
  url: z.string(),
  pageTitle: z.string(),
  target: Target,
  /** Recording time (epoch ms): the replay opens at it (lib/replay/hash.ts). */
  at: Timestamp,
  recorderId: Id.nullable(),
  /** Into its page load's recording (the replay player's time); null when the file holds none of it. */
  offsetMs: z.number().nonnegative().nullable(),
  /** Since the walk started. */
  walkOffsetMs: z.number().nonnegative(),
  /** The file inlines a screenshot of its element (walks[].tags[].screenshot). */
  hasScreenshot: z.boolean(),
});
export type FrictionTag = z.infer<typeof FrictionTag>;

export const Friction = z.object({
  /** Its first tag's id: stable for the same file. */
  id: Id,
  /** 1 is the worst. */
  rank: z.number().int().positive(),
  touchpointId: Id.nullable(),
  channel: Channel.nullable(),
  stage: Stage.nullable(),
  /** Of the representative tag. */
  categoryId: z.string(),
  /** The highest of its tags. */
  severity: SeverityValue,
  /** Mean effort of its tags, CES 1–7 (lower is harder). */
  effort: Mean,
  emotion: Mean,
  /** Distinct walks that met it. */
  walks: Count,
  /** Distinct auditor names, sorted. */
  auditors: z.array(z.string()),
  personaIds: z.array(Id),
  /** The strongest among its tags: unexpected, then predictable, then no. */
  momentOfTruth: MomentOfTruth,
  /** The tag to show: the most severe of those with a screenshot, else the most severe (earliest on a tie). */
  tagId: Id,
  target: Target,
  url: z.string(),
  pageTitle: z.string(),
  /** Every tag, in time order. */
  tags: z.array(FrictionTag),
});
export type Friction = z.infer<typeof Friction>;

// ------------------------------------------------------------------------ personas and agreement

export const PersonaCell = z.object({
  personaId: Id,
  /** 0 when this persona never met the touchpoint (then every figure is null or 0). */
  walks: Count,
  ces: Mean,
  csat: Mean,
  tagEffort: Mean,
  emotion: Mean,
  frictions: Count,
  maxSeverity: SeverityValue.nullable(),
});
export type PersonaCell = z.infer<typeof PersonaCell>;

export const PersonaComparison = z.object({
  /** Summary order. */
  personaIds: z.array(Id),
  /** Journey order; one cell per persona in `personaIds` order. */
  touchpoints: z.array(
    z.object({
      touchpointId: Id,
      name: z.string(),
      channel: Channel,
      stage: Stage,
      /** Met by two personas or more: a comparison proper. */
      shared: z.boolean(),
      /** Highest persona CES − lowest; null with fewer than two rated. */
      cesSpread: Mean,
      personas: z.array(PersonaCell),
    }),
  ),
});
export type PersonaComparison = z.infer<typeof PersonaComparison>;

export const AgreementRow = z.object({
  touchpointId: Id,
  name: z.string(),
  channel: Channel,
  stage: Stage,
  /** Auditors whose walks met it. */
  auditors: Count,
  ces: z.object({
    /** Of the auditors' own means; spread = max − min (0 with one auditor), null when none rated. */
    min: Mean,
    max: Mean,
    spread: Mean,
    /** Auditors who met it, sorted by name. */
    byAuditor: z.array(z.object({ auditorName: z.string(), mean: Mean, count: Count })),
  }),
  /** Its frictions found by one auditor, and by two or more. */
  frictions: z.object({ byOne: Count, bySeveral: Count }),
});
export type AgreementRow = z.infer<typeof AgreementRow>;

export const Agreement = z.object({
  /** Distinct auditor names, sorted. */
  auditors: z.array(z.string()),
  touchpoints: z.array(AgreementRow),
  /** Over all frictions (those without a touchpoint included). */
  frictions: z.object({ byOne: Count, bySeveral: Count }),
});
export type Agreement = z.infer<typeof Agreement>;

// ----------------------------------------------------------------------------------------- report

export const Report = z.object({
  version: z.literal(REPORT_VERSION),
  /** The time figures of open walks are counted to: `opts.now`, else the file's exportedAt. */
  generatedAt: Timestamp,
  exportedAt: Timestamp,
  schemaVersion: z.number().int(),
  summary: Summary,
  journey: Journey,
  touchpoints: z.array(TouchpointRow),
  consistency: Consistency,
  /** Ranked, worst first. */
  frictions: z.array(Friction),
  personaComparison: PersonaComparison,
  agreement: Agreement,
});
export type Report = z.infer<typeof Report>;
