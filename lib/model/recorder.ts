import { z } from 'zod';
import { Id, Timestamp } from '@/lib/model/common';
import { Step } from '@/lib/model/walk';
import { RecordedEvent } from '@/lib/model/event';
import { PageSignalInput } from '@/lib/model/page-signal';
import { Category } from '@/lib/model/tag';

/** What a walk tab's recorder needs to know, answered by the background on injection. */
export const RecorderContext = z.object({
  walkId: Id,
  auditId: Id,
  /** The audit's friction taxonomy, for the tag form. */
  categories: z.array(Category),
  tabId: z.number().int(),
  personaName: z.string(),
  startedAt: Timestamp,
  paused: z.boolean(),
  maskAllText: z.boolean(),
  blockSelectors: z.array(z.string()),
  /** Whether tag markers are shown on the walk's pages (the auditor's toggle). */
  showTags: z.boolean(),
  /** How many of the walk's tags are on this page: markers load only where there are some. */
  tagsHere: z.number().int().nonnegative(),
});
export type RecorderContext = z.infer<typeof RecorderContext>;

/** A step as the page derives it; the background adds the walk, tab and id. */
export const PageStep = Step.pick({ at: true, kind: true, url: true, title: true, target: true }).extend({
  seq: z.number().int().nonnegative(),
});
export type PageStep = z.infer<typeof PageStep>;

/**
 * One flush: events `seqFrom … seqFrom + n - 1` of one recorder, as one JSON array text. The page
 * serialises each event once (it must, to send it); the worker parses and checks them.
 */
export const FlushBatch = z.object({
  walkId: Id,
  recorderId: Id,
  url: z.string().max(4096),
  seqFrom: z.number().int().nonnegative(),
  events: z.string().max(64 * 1024 * 1024),
  steps: z.array(PageStep).max(10_000),
  signals: z.array(PageSignalInput).max(10_000).default([]),
});

export const RecordedEvents = z.array(RecordedEvent).max(1_000_000);
export type FlushBatch = z.infer<typeof FlushBatch>;

export const FlushResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), storedThrough: z.number().int() }),
  z.object({ ok: z.literal(false), reason: z.enum(['storage-full', 'walk-ended', 'not-a-walk-tab']) }),
]);
export type FlushResult = z.infer<typeof FlushResult>;
