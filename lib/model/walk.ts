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
  tabIds: z.array(z.number().int()),
  /** Tabs of the walk still open. */
  openTabIds: z.array(z.number().int()),
  eventCount: z.number().int().nonnegative(),
  storedBytes: z.number().int().nonnegative(),
  rawBytes: z.number().int().nonnegative(),
  /** The auditor's verdict when the walk ends; walks stored before it existed have none. */
  outcome: WalkOutcome.nullable().default(null),
});
export type Walk = z.infer<typeof Walk>;

export const StepKind = z.enum(['visit', 'click', 'input', 'submit', 'scroll', 'tab-opened', 'tab-closed']);
export type StepKind = z.infer<typeof StepKind>;

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
});
export type Step = z.infer<typeof Step>;
