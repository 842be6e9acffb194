import { z } from 'zod';
import { Id, Timestamp } from '@/lib/model/common';

/**
 * Something the page did to the persona that the recording alone does not flag: a script error,
 * a request that failed, a response that made it wait. Counted in the touchpoint KPIs.
 */
export const SignalKind = z.enum(['js-error', 'request-failed', 'slow-response']);
export type SignalKind = z.infer<typeof SignalKind>;

/** A signal as the page reports it, riding a flush like steps do (`seq`: the event it follows). */
export const PageSignalInput = z.object({
  seq: z.number().int().nonnegative(),
  at: Timestamp,
  kind: SignalKind,
  url: z.string().max(4096),
  /** The error message, or the request's path and status. Page-made text: shown escaped. */
  detail: z.string().max(500),
  /** How long the response took, for slow responses. */
  durationMs: z.number().nonnegative().nullable(),
  /**
   * How many signals of its kind this one stands for, when the page sent more than the recorder
   * keeps (lib/record/page-signals.ts ERROR_LIMITS): the rest were counted, not kept one by one.
   */
  count: z.number().int().positive().max(1_000_000_000).optional(),
});
export type PageSignalInput = z.infer<typeof PageSignalInput>;

export const PageSignal = PageSignalInput.omit({ seq: true }).extend({
  id: Id,
  walkId: Id,
  tabId: z.number().int(),
  /** The page load that recorded it; null for failed requests, which the worker sees itself. */
  recorderId: Id.nullable(),
});
export type PageSignal = z.infer<typeof PageSignal>;
