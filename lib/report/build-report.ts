import type { AuditExport } from '@/lib/model/export';
import { REPORT_VERSION, type Report } from '@/lib/model/report';
import { buildAgreement } from '@/lib/report/agreement';
import { buildConsistency } from '@/lib/report/consistency';
import { reportContext } from '@/lib/report/context';
import { buildFrictions } from '@/lib/report/frictions';
import { buildJourney } from '@/lib/report/journey';
import { buildPersonaComparison } from '@/lib/report/persona-comparison';
import { buildSummary } from '@/lib/report/summary';
import { buildTouchpointTable } from '@/lib/report/touchpoint-table';

export interface ReportOptions {
  /** The clock walks still open are counted to; the file's exportedAt by default (deterministic). */
  now?: number;
}

/**
 * The report of one audit export (lib/model/report.ts): a pure function of the file, so the panel,
 * an imported or merged file, the demo and the bench all report alike. Deterministic: the same
 * file and `now` give the same report, every list in a stable order.
 */
export function buildReport(file: AuditExport, opts: ReportOptions = {}): Report {
  const now = opts.now ?? file.exportedAt;
  const ctx = reportContext(file, now);
  const frictions = buildFrictions(ctx);
  const consistency = buildConsistency(ctx);
  return {
    version: REPORT_VERSION,
    generatedAt: now,
    exportedAt: file.exportedAt,
    schemaVersion: file.schemaVersion,
    summary: buildSummary(ctx, {
      frictions: frictions.length,
      confirmedDivergences: consistency.divergences.length,
    }),
    journey: buildJourney(ctx),
    touchpoints: buildTouchpointTable(ctx),
    consistency,
    frictions,
    personaComparison: buildPersonaComparison(ctx),
    agreement: buildAgreement(ctx, frictions),
  };
}
