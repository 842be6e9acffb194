import { z } from 'zod';
import { Audit, Persona } from './audit';
import { Id, Timestamp } from './common';
import { Step, Walk } from './walk';

export const EXPORT_SCHEMA_VERSION = 1;

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

export const ExportedWalk = Walk.extend({
  steps: z.array(Step),
  chunks: z.array(ExportedChunk),
});
export type ExportedWalk = z.infer<typeof ExportedWalk>;

/** One audit with everything recorded in it: the file teams share and import. */
export const AuditExport = z.object({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  generator: z.string(),
  exportedAt: Timestamp,
  audit: Audit,
  personas: z.array(Persona),
  walks: z.array(ExportedWalk),
});
export type AuditExport = z.infer<typeof AuditExport>;
