import { z } from 'zod';
import { Id, Timestamp } from '@/lib/model/common';

/** The medium of a touchpoint; consistency is judged across them. */
export const Channel = z.enum([
  'web',
  'mobile-web',
  'app',
  'email',
  'phone',
  'chat',
  'social',
  'store',
  'ads',
  'other',
]);
export type Channel = z.infer<typeof Channel>;

/** The finer journey stages, in journey order; the report groups effort and emotion by them. */
export const Stage = z.enum([
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'use',
  'support',
  'loyalty',
  'advocacy',
]);
export type Stage = z.infer<typeof Stage>;

/** The three phases every journey has: the need and the research, the process, and what follows. */
export const Phase = z.enum(['before', 'during', 'after']);
export type Phase = z.infer<typeof Phase>;

const PHASES: Record<Stage, Phase> = {
  awareness: 'before',
  consideration: 'before',
  purchase: 'during',
  onboarding: 'during',
  use: 'during',
  support: 'after',
  loyalty: 'after',
  advocacy: 'after',
};

export function phaseOf(stage: Stage): Phase {
  return PHASES[stage];
}

/**
 * Any point where the persona meets the company: the unit that is scored. A web touchpoint is a
 * group of pages, held as URL patterns (see lib/touchpoints/url-pattern.ts); an off-site one
 * (a call, an email, a store visit) is entered by hand and has none.
 */
export const Touchpoint = z.object({
  id: Id,
  auditId: Id,
  name: z.string().trim().min(1).max(200),
  channel: Channel,
  stage: Stage,
  /** True while the stage is the keyword guess; the auditor's choice clears it. */
  stageGuessed: z.boolean(),
  /** A pattern can be longer than its URL (`/1` becomes `/:id`), hence twice a step URL's cap. */
  patterns: z.array(z.string().min(1).max(8192)).max(1000),
  /**
   * Made past the audit's cap on touchpoints (lib/touchpoints/group.ts): its wildcard pattern
   * groups every further new page of a parent path (or of the host), and the journey says so.
   */
  grouped: z.literal(true).optional(),
  createdAt: Timestamp,
});
export type Touchpoint = z.infer<typeof Touchpoint>;
