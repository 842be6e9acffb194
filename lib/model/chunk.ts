import { z } from 'zod';
import { Id, Timestamp } from '@/lib/model/common';

/**
 * A run of rrweb events from one recorder (one page load in one tab), gzip-compressed JSON.
 * Events carry no sequence number of their own: event i of a chunk is number `seqFrom + i`.
 */
export const Chunk = z.object({
  id: Id,
  walkId: Id,
  tabId: z.number().int(),
  recorderId: Id,
  seqFrom: z.number().int().nonnegative(),
  seqTo: z.number().int().nonnegative(),
  firstTs: Timestamp,
  lastTs: Timestamp,
  rawBytes: z.number().int().nonnegative(),
  data: z.instanceof(Uint8Array),
});
export type Chunk = z.infer<typeof Chunk>;

/**
 * The bounds of a page load's structured data (lib/walk/structured-data.ts): at most this many
 * JSON-LD blocks, each at most this long, and this much in all. Longer ones are dropped and counted.
 */
export const STRUCTURED_DATA_MAX_BLOCKS = 20;
export const STRUCTURED_DATA_MAX_CHARS = 64 * 1024;
export const STRUCTURED_DATA_MAX_TOTAL = 256 * 1024;

/**
 * How far each recorder's events are stored: the de-duplication mark for retried flushes. Also
 * the page load's JSON-LD texts, which a recording never holds (rrweb drops script text): the
 * worker reads them once per page load; marks stored before, or of a page that refused, have none.
 */
export const RecorderMark = z.object({
  recorderId: Id,
  walkId: Id,
  tabId: z.number().int(),
  url: z.string().max(4096),
  startedAt: Timestamp,
  storedThrough: z.number().int().min(-1),
  structuredData: z
    .object({
      blocks: z.array(z.string().max(STRUCTURED_DATA_MAX_CHARS)).max(STRUCTURED_DATA_MAX_BLOCKS),
      /** Blocks left out for a bound (too many, too long, over the total). */
      dropped: z.number().int().nonnegative(),
    })
    .refine((d) => d.blocks.reduce((n, b) => n + b.length, 0) <= STRUCTURED_DATA_MAX_TOTAL, 'structured data too long')
    .optional(),
});
export type RecorderMark = z.infer<typeof RecorderMark>;
