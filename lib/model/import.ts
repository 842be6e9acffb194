import { z } from 'zod';
import { Id } from '@/lib/model/common';

/**
 * The largest export file Touchpoint imports: 200 MiB of text. Several walks with their
 * recordings weigh tens of MB; past this bound a file is refused before it is read, as holding it
 * (the text, then the parsed records, then the bytes) costs the worker several times its size.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * The panel hands the file's text to the worker in slices of at most this many characters
 * (`import/slice`): Chrome JSON-serialises runtime messages, and one message of tens of MB
 * stalls both ends, while slices of 1 Mi characters stay under the panel's 50 ms task bound (2 Mi
 * went just over on the bench's 8 MB audit) and let the panel show how far the sending is.
 */
export const IMPORT_SLICE_CHARS = 1024 * 1024;
export const MAX_IMPORT_SLICES = Math.ceil(MAX_IMPORT_BYTES / IMPORT_SLICE_CHARS);

/** What was wrong with a field: the panel words it (lib/present/import-labels.ts). */
export const FieldIssue = z.enum(['missing', 'type', 'too-big', 'too-small', 'format', 'value', 'mismatch', 'other']);
export type FieldIssue = z.infer<typeof FieldIssue>;

/** A dotted path with indexes in brackets, as people read it: `walks[0].tags[3].severity`. */
const FieldPath = z.string().max(1000);

/**
 * Why a file was not imported: a kind and its data, never a sentence (worded at display time).
 * - `not-json`: the text does not parse as JSON.
 * - `not-export`: JSON, but not a Touchpoint export (no `schemaVersion` and `audit`).
 * - `newer-version`: written by a newer Touchpoint (format `version`; this build reads up to `supported`).
 * - `too-large`: over `limit` bytes (MAX_IMPORT_BYTES).
 * - `invalid`: the first bad field, by path, and what is wrong with it.
 * - `conflict`: a record of the file has the id of a record of another audit here.
 * - `storage-full`: the disk is full; nothing was written.
 * - `write-failed`: the database refused the transaction; nothing was written.
 * - `session-lost`: the worker lost the slices sent so far (it restarted): send the file again.
 */
export const ImportRefusal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-json') }),
  z.object({ kind: z.literal('not-export') }),
  z.object({
    kind: z.literal('newer-version'),
    version: z.number().int().max(Number.MAX_SAFE_INTEGER),
    supported: z.number().int(),
  }),
  z.object({ kind: z.literal('too-large'), size: z.number().int().nonnegative(), limit: z.number().int() }),
  z.object({ kind: z.literal('invalid'), path: FieldPath, issue: FieldIssue }),
  z.object({ kind: z.literal('conflict'), path: FieldPath }),
  z.object({ kind: z.literal('storage-full') }),
  z.object({ kind: z.literal('write-failed') }),
  z.object({ kind: z.literal('session-lost') }),
]);
export type ImportRefusal = z.infer<typeof ImportRefusal>;

/** The stores an import writes, in the order it announces them (a walk before its records). */
export const IMPORT_STORES = [
  'audits',
  'personas',
  'touchpoints',
  'walks',
  'steps',
  'chunks',
  'assets',
  'tags',
  'screenshots',
  'scores',
  'offsite',
  'signals',
  'facts',
  'decisions',
] as const;
export type ImportStore = (typeof IMPORT_STORES)[number];

const Count = z.number().int().nonnegative();

/** What an import added: records per store (0 everywhere when the file was imported already). */
export const ImportSummary = z.object({
  auditId: Id,
  auditName: z.string().max(200),
  /** The audit was new here (false: the file was merged into the audit of the same id). */
  newAudit: z.boolean(),
  /** The file's format when it was older than this build's: read through its migration. */
  migratedFrom: z.number().int().nullable(),
  added: z.object(Object.fromEntries(IMPORT_STORES.map((s) => [s, Count])) as Record<ImportStore, typeof Count>),
  /** Touchpoints of the file that were the same as local ones (channel and pattern, or channel and name). */
  matchedTouchpoints: Count,
  /** The auditors whose walks the file brought (names as the walks have them). */
  auditors: z.array(z.string().max(120)).max(1000),
  /** Nothing was added: the file was imported already. */
  unchanged: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), summary: ImportSummary }),
  z.object({ ok: z.literal(false), refusal: ImportRefusal }),
]);
export type ImportResult = z.infer<typeof ImportResult>;

/** How far the worker is with one import: reading the text, checking it, writing it. */
export const ImportPhase = z.enum(['reading', 'checking', 'writing']);
export type ImportPhase = z.infer<typeof ImportPhase>;

export const ImportProgress = z.object({
  sessionId: Id,
  phase: ImportPhase,
  /** Units done and in all (walks while checking, records while writing); `total` 0 when unknown. */
  done: Count,
  total: Count,
});
export type ImportProgress = z.infer<typeof ImportProgress>;
