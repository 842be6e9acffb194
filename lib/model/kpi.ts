import { z } from 'zod';
import { Id } from '@/lib/model/common';

const Count = z.number().int().nonnegative();
const Mean = z.number().nullable();

/**
 * The operational KPIs of one touchpoint in one walk (lib/kpi computes them): what can be
 * measured before anyone is surveyed.
 */
export const TouchpointKpis = z.object({
  touchpointId: Id,
  /** Time the persona spent on the touchpoint's pages (web), or request to answer (off-site). */
  timeMs: z.number().nonnegative(),
  visits: Count,
  steps: Count,
  clicks: Count,
  /** Script errors and failed requests met while on it. */
  errors: Count,
  jsErrors: Count,
  failedRequests: Count,
  /** Slow responses on the web; request-to-answer times off-site. */
  waits: z.object({ count: Count, totalMs: z.number().nonnegative(), maxMs: z.number().nonnegative() }),
  reschedules: Count,
  transfers: Count,
  /** Tags by severity 0..4. */
  tagsBySeverity: z.tuple([Count, Count, Count, Count, Count]),
  tags: Count,
  /** Mean CES (1-7, higher is easier) of the touchpoint's scores and off-site events. */
  meanCes: Mean,
  /** Mean effort the auditor gave its tags (same 1-7 CES scale). */
  meanTagEffort: Mean,
  meanCsat: Mean,
});
export type TouchpointKpis = z.infer<typeof TouchpointKpis>;
