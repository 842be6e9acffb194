import { z } from 'zod';
import { Nps } from '@/lib/model/tag';

/** Asked when a walk ends: did the persona get what it came for, and would it recommend? */
export const WalkOutcome = z.object({
  goal: z.enum(['yes', 'partly', 'no']),
  /** How long the job took, as the auditor judges it (the walk's own length is the default). */
  minutes: z.number().nonnegative().max(1_000_000),
  nps: Nps.nullable(),
  note: z.string().trim().max(4000),
});
export type WalkOutcome = z.infer<typeof WalkOutcome>;
