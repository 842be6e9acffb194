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

/** How far each recorder's events are stored: the de-duplication mark for retried flushes. */
export const RecorderMark = z.object({
  recorderId: Id,
  walkId: Id,
  tabId: z.number().int(),
  url: z.string().max(4096),
  startedAt: Timestamp,
  storedThrough: z.number().int().min(-1),
});
export type RecorderMark = z.infer<typeof RecorderMark>;
