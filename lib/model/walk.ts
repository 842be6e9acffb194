import { z } from 'zod';
import { Id, Timestamp, WebUrl } from '@/lib/model/common';
import { WalkOutcome } from '@/lib/model/outcome';
import { Target } from '@/lib/model/target';

export const WalkStatus = z.enum(['recording', 'paused', 'ended']);
export type WalkStatus = z.infer<typeof WalkStatus>;

/** Why a walk ended: the auditor, a full disk, or a browser restart that cut it. */
export const EndReason = z.enum(['auditor', 'storage-full', 'browser-restart']);
export type EndReason = z.infer<typeof EndReason>;

/** One recorded journey of one persona through a site, across pages and tabs. */
export const Walk = z.object({
  id: Id,
  auditId: Id,
  personaId: Id,
  auditorName: z.string().trim().max(120).default(''),
  startUrl: WebUrl,
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  status: WalkStatus,
  endReason: EndReason.nullable(),
  /** Every tab the walk has covered, in the order it reached them. */
  tabIds: z.array(z.number().int()).max(10_000),
  /** Tabs of the walk still open. */
  openTabIds: z.array(z.number().int()).max(10_000),
  eventCount: z.number().int().nonnegative(),
  storedBytes: z.number().int().nonnegative(),
  rawBytes: z.number().int().nonnegative(),
  /** The auditor's verdict when the walk ends; walks stored before it existed have none. */
  outcome: WalkOutcome.nullable().default(null),
  /**
   * Names of URL parameters that carried what the persona typed (a GET form's typed fields): their
   * values are redacted for the rest of the walk, whatever the audit keeps. Names only, never values.
   * Absent on walks stored before it existed, and on walks where nothing typed reached a URL.
   */
  typedParams: z.array(z.string().max(64)).max(100).optional(),
});
export type Walk = z.infer<typeof Walk>;

/**
 * `left-site`: a walk tab's page left the audit's origins (a link, a redirect, a typed address, or
 * a tab opened onto another site). Nothing is recorded there; its step holds the other origin only.
 */
export const StepKind = z.enum([
  'visit',
  'click',
  'input',
  'submit',
  'scroll',
  'tab-opened',
  'tab-closed',
  'left-site',
  'recording-stopped',
]);
export type StepKind = z.infer<typeof StepKind>;

/**
 * Why a page's recording stopped while the walk went on (a `recording-stopped` step): one event
 * too large to store, a batch the worker refused, a worker that stopped answering, or a page that
 * changed faster than its events could be stored. Worded per language in lib/present.
 */
export const StopKind = z.enum(['event-too-large', 'refused', 'unreachable', 'backlog']);
export type StopKind = z.infer<typeof StopKind>;

/** What the persona did, derived from rrweb events and tab events. Never holds typed values. */
export const Step = z.object({
  id: Id,
  walkId: Id,
  tabId: z.number().int(),
  /** The recorder (one page load in one tab) whose events hold this step; null for tab events. */
  recorderId: Id.nullable(),
  at: Timestamp,
  kind: StepKind,
  url: z.string().max(4096),
  title: z.string().max(500),
  /** The element acted on (a click's button, an input's field); null for visits, scrolls, tabs. */
  target: Target,
  /** Why recording stopped, on a `recording-stopped` step only. */
  stopReason: StopKind.optional(),
});
export type Step = z.infer<typeof Step>;
