import { z } from 'zod';
import { Id, Timestamp } from '@/lib/model/common';
import { Step, StepKind, StopKind } from '@/lib/model/walk';
import { RecordedEvent } from '@/lib/model/event';
import { PageSignalInput } from '@/lib/model/page-signal';
import { Category } from '@/lib/model/tag';
import { FLUSH_MAX_CHARS, FLUSH_MAX_EVENTS } from '@/lib/model/flush-limits';

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
  /** The URL policy (lib/privacy/url-policy.ts): the audit's kept parameters and the walk's typed ones. */
  keepParams: z.array(z.string()),
  typedParams: z.array(z.string()),
  /** Whether tag markers are shown on the walk's pages (the auditor's toggle). */
  showTags: z.boolean(),
  /** How many of the walk's tags are on this page: markers load only where there are some. */
  tagsHere: z.number().int().nonnegative(),
});
export type RecorderContext = z.infer<typeof RecorderContext>;

/** A step as the page derives it; the background adds the walk, tab and id. */
export const PageStep = Step.pick({ at: true, kind: true, url: true, title: true, target: true }).extend({
  // Tab events and leaving the site are the worker's to record: a page cannot forge them.
  kind: StepKind.exclude(['tab-opened', 'tab-closed', 'left-site', 'recording-stopped']),
  seq: z.number().int().nonnegative(),
});
export type PageStep = z.infer<typeof PageStep>;

/**
 * One flush: events `seqFrom … seqFrom + count - 1` of one recorder, as one JSON array text. The
 * page serialises each event once (it must, to send it); the worker parses and checks them. The
 * bounds (lib/model/flush-limits.ts) hold before anything is parsed, and `count` lets the worker
 * acknowledge a retry it already stored without parsing or compressing it again.
 */
export const FlushBatch = z.object({
  walkId: Id,
  recorderId: Id,
  url: z.string().max(4096),
  seqFrom: z.number().int().nonnegative(),
  count: z.number().int().min(1).max(FLUSH_MAX_EVENTS),
  events: z.string().max(FLUSH_MAX_CHARS),
  steps: z.array(PageStep).max(FLUSH_MAX_EVENTS),
  signals: z.array(PageSignalInput).max(FLUSH_MAX_EVENTS).default([]),
  /**
   * The tab the worker injected this recorder into (its RecorderContext). Used only when the
   * browser names no sender tab: Firefox drops `sender.tab` for the last flush of a tab that is
   * closing, and without it the page's last seconds were lost. The worker still requires it to be
   * one of the walk's tabs.
   */
  tabId: z.number().int().optional(),
});

// Chunks stored before flushes were split hold more than a flush may now: the replay still reads them.
export const RecordedEvents = z.array(RecordedEvent).max(1_000_000);
export type FlushBatch = z.infer<typeof FlushBatch>;

/** A recorder stopped for one of its own bounds (a walk tab tells the worker, which keeps a step). */
export const RecordingStopped = z.object({
  walkId: Id,
  recorderId: Id,
  url: z.string().max(4096),
  reason: StopKind,
});
export type RecordingStopped = z.infer<typeof RecordingStopped>;

export const FlushResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), storedThrough: z.number().int() }),
  z.object({ ok: z.literal(false), reason: z.enum(['storage-full', 'walk-ended', 'not-a-walk-tab']) }),
]);
export type FlushResult = z.infer<typeof FlushResult>;
