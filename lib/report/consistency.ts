import { compare } from '@/lib/consistency/compare';
import type { AgreementScore, Comparison, Divergence } from '@/lib/model/divergence';
import type { AuditExport, ExportedWalk } from '@/lib/model/export';
import { FACT_GROUP, type Decision, FactGroup, FactKind } from '@/lib/model/fact';
import type { Consistency, ReportDivergence } from '@/lib/model/report';
import { Channel } from '@/lib/model/touchpoint';
import { countryOf } from '@/lib/facts/country';
import type { ReportContext } from '@/lib/report/context';
import { cmp, round2 } from '@/lib/report/measures';

const agreeing = (s: AgreementScore | undefined) => {
  const { agreeing = 0, total = 0 } = s ?? {};
  return { agreeing, total, share: total ? round2(agreeing / total) : null };
};

const KIND_ORDER = FactKind.options;
const bySeverity = (a: Divergence, b: Divergence) =>
  b.severity - a.severity ||
  KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
  cmp(a.subject, b.subject) ||
  cmp(a.key, b.key);

/**
 * An audit file's comparison, from its walks' facts and off-site events (in walk order), as the
 * panel and the export make it: the country of the latest walk's persona. With the auditor's
 * decisions by key: the latest one, should a merged file hold two. The report and the re-audit
 * comparison both read it.
 */
export function compareFile(
  file: AuditExport,
  walks: readonly ExportedWalk[],
): { comparison: Comparison; decisions: Map<string, Decision> } {
  const persona = file.personas.find((p) => p.id === walks.at(-1)?.personaId);
  const comparison = compare({
    pages: walks.flatMap((w) => w.facts),
    offsite: walks.flatMap((w) => w.offsite),
    touchpoints: file.touchpoints,
    country: countryOf(persona?.context.locale, file.audit.startUrl),
  });
  const decisions = new Map<string, Decision>();
  for (const d of [...file.decisions].sort((a, b) => a.decidedAt - b.decidedAt || cmp(a.id, b.id)))
    decisions.set(d.key, d);
  return { comparison, decisions };
}

/**
 * The comparison recomputed from the file's facts and off-site events, as the panel and the export
 * make it (lib/export/build-export.ts: the country of the latest walk's persona), rather than
 * trusting the file's `divergences`: the file is input, and the agreement scores are not in it.
 * The file's own divergence stands in only for a confirmed one the recomputation no longer finds
 * (facts read by older extractors), so a confirmation is never lost.
 */
export function buildConsistency(ctx: ReportContext): Consistency {
  const { file } = ctx;
  const { comparison, decisions } = compareFile(file, ctx.walks);

  const counts = { confirmed: 0, dismissed: 0, open: 0, stale: 0 };
  const divergences: ReportDivergence[] = [];
  const found = new Set<string>();
  const confirm = (d: Divergence, decision: Decision, evidence: ReportDivergence['evidence']) => {
    counts.confirmed++;
    divergences.push({ ...d, decidedAt: decision.decidedAt, tagId: decision.tagId, evidence });
  };
  for (const d of comparison.divergences) {
    found.add(d.key);
    const decision = decisions.get(d.key);
    if (!decision) counts.open++;
    else if (decision.status === 'dismissed') counts.dismissed++;
    else confirm(d, decision, 'recomputed');
  }
  const fromFile = new Map(file.divergences.map((d) => [d.key, d]));
  for (const [key, decision] of decisions) {
    if (found.has(key)) continue;
    const d = decision.status === 'confirmed' ? fromFile.get(key) : undefined;
    if (d) confirm(d, decision, 'file');
    else counts.stale++;
  }
  divergences.sort(bySeverity);

  return {
    divergences,
    decisions: counts,
    byGroup: FactGroup.options.map((group) => ({ group, ...agreeing(comparison.byGroup[group]) })),
    byChannel: Channel.options
      .filter((c) => comparison.byChannel[c])
      .map((channel) => ({ channel, ...agreeing(comparison.byChannel[channel]) })),
    byKind: KIND_ORDER.filter((k) => comparison.byKind[k]).map((kind) => ({
      kind,
      group: FACT_GROUP[kind],
      ...agreeing(comparison.byKind[kind]),
    })),
    unreadable: comparison.unreadable.map((u) => ({ ...u })),
  };
}
