import { z } from 'zod';
import { AssetHash } from '@/lib/model/asset';
import { Audit, Persona } from '@/lib/model/audit';
import { Id, Timestamp } from '@/lib/model/common';
import { Divergence } from '@/lib/model/divergence';
import { Decision, PageFacts } from '@/lib/model/fact';
import { TouchpointKpis } from '@/lib/model/kpi';
import { OffsiteEvent } from '@/lib/model/offsite';
import { Score } from '@/lib/model/score';
import { PageSignal } from '@/lib/model/page-signal';
import { Screenshot, Tag } from '@/lib/model/tag';
import { Touchpoint } from '@/lib/model/touchpoint';
import { Step, Walk } from '@/lib/model/walk';

/**
 * 2: touchpoints, tags with screenshots, scores, off-site events, signals, outcomes and KPIs.
 * 3: each walk's facts, the auditor's decisions on divergences, and the divergences themselves.
 * 4: each walk's large stylesheet texts once (`assets`); its chunks reference them by hash.
 */
export const EXPORT_SCHEMA_VERSION = 4;
/** The oldest format this version still reads. */
export const OLDEST_SCHEMA_VERSION = 1;

/** A chunk as exported: the stored gzip bytes, base64-encoded. */
export const ExportedChunk = z.object({
  recorderId: Id,
  tabId: z.number().int(),
  seqFrom: z.number().int().nonnegative(),
  seqTo: z.number().int().nonnegative(),
  firstTs: Timestamp,
  lastTs: Timestamp,
  rawBytes: z.number().int().nonnegative(),
  encoding: z.literal('gzip-base64-json'),
  data: z.base64(),
});
export type ExportedChunk = z.infer<typeof ExportedChunk>;

/**
 * A stylesheet text a walk's chunks reference (lib/assets/refs.ts): carried once per walk, the
 * stored gzip bytes base64-encoded. A reader of chunks puts each back where its reference is.
 */
export const ExportedAsset = z.object({
  /** The SHA-256 of the text's UTF-8 bytes, in lowercase hex. */
  hash: AssetHash,
  rawBytes: z.number().int().nonnegative(),
  encoding: z.literal('gzip-base64'),
  data: z.base64(),
});
export type ExportedAsset = z.infer<typeof ExportedAsset>;

/** A tag's screenshot inline: the stored image bytes, base64-encoded. */
export const ExportedScreenshot = Screenshot.pick({ mime: true, width: true, height: true, focus: true }).extend({
  encoding: z.literal('base64'),
  data: z.base64(),
});
export type ExportedScreenshot = z.infer<typeof ExportedScreenshot>;

export const ExportedTag = Tag.omit({ screenshotId: true }).extend({ screenshot: ExportedScreenshot.nullable() });
export type ExportedTag = z.infer<typeof ExportedTag>;

export const ExportedWalk = Walk.extend({
  steps: z.array(Step),
  chunks: z.array(ExportedChunk),
  // Absent from format 1 files: read as empty.
  tags: z.array(ExportedTag).default([]),
  scores: z.array(Score).default([]),
  offsite: z.array(OffsiteEvent).default([]),
  signals: z.array(PageSignal).default([]),
  /** Computed when the file was written (lib/kpi), for readers that do not compute them. */
  kpis: z.array(TouchpointKpis).default([]),
  // Absent before format 3: read as empty.
  /** What each recorded page load states (lib/model/fact.ts), one record per page load. */
  facts: z.array(PageFacts).default([]),
  // Absent before format 4: read as empty (chunks then hold every stylesheet inline).
  /** The stylesheet texts the walk's chunks reference, each once. */
  assets: z.array(ExportedAsset).default([]),
});
export type ExportedWalk = z.infer<typeof ExportedWalk>;

/** One audit with everything recorded in it: the file teams share and import. */
export const AuditExport = z.object({
  schemaVersion: z.union([
    z.literal(OLDEST_SCHEMA_VERSION),
    z.literal(2),
    z.literal(3),
    z.literal(EXPORT_SCHEMA_VERSION),
  ]),
  generator: z.string(),
  exportedAt: Timestamp,
  audit: Audit,
  personas: z.array(Persona),
  touchpoints: z.array(Touchpoint).default([]),
  walks: z.array(ExportedWalk),
  // Absent before format 3: read as empty.
  /** The auditor's confirmations and dismissals, by divergence key. */
  decisions: z.array(Decision).default([]),
  /**
   * The comparison when the file was written (lib/consistency/compare.ts), for readers that do not
   * compare: recomputed from `facts` and `offsite` by Touchpoint itself.
   */
  divergences: z.array(Divergence).default([]),
});
export type AuditExport = z.infer<typeof AuditExport>;
