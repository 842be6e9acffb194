import { z } from 'zod';
import { Ces, Csat } from '@/lib/model/tag';
import { Id, Timestamp } from '@/lib/model/common';

/** How hard one touchpoint was for the persona, scored by the auditor during a walk. */
export const ScoreFields = z.object({
  ces: Ces,
  csat: Csat.nullable(),
  note: z.string().trim().max(4000),
});
export type ScoreFields = z.infer<typeof ScoreFields>;

/** One score per touchpoint per walk: scoring again replaces it. */
export const Score = ScoreFields.extend({
  id: Id,
  auditId: Id,
  walkId: Id,
  touchpointId: Id,
  /** The page it was scored from (off-site scores live on their event instead). */
  url: z.string().max(4096),
  at: Timestamp,
});
export type Score = z.infer<typeof Score>;

/** A walk has one score per touchpoint: its id says which. */
export function scoreId(walkId: string, touchpointId: string): string {
  return `${walkId}:${touchpointId}`;
}
