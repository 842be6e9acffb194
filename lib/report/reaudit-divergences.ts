import { compareFile } from '@/lib/report/consistency';
import type { Divergence } from '@/lib/model/divergence';
import type { FactKind } from '@/lib/model/fact';
import type { DivergenceRef, Reaudit } from '@/lib/model/reaudit';
import { cmp } from '@/lib/report/measures';
import type { Side } from '@/lib/report/reaudit-frictions';

/** What a divergence is about, whatever values it has now: its kind, subject and language. */
const identity = (d: Pick<Divergence, 'kind' | 'subject' | 'lang'>) => `${d.kind}\n${d.subject}\n${d.lang ?? ''}`;

interface Found {
  /** Every divergence found, by identity, with the auditor's decision on it. */
  found: Map<string, DivergenceRef>;
  /** The kinds the audit read anywhere: a divergence of another kind was not checked. */
  read: Set<FactKind>;
}

const refOf = (d: Divergence, status: DivergenceRef['status']): DivergenceRef => ({
  key: d.key,
  kind: d.kind,
  group: d.group,
  subject: d.subject,
  lang: d.lang ?? '',
  severity: d.severity,
  baseline: d.baseline,
  values: d.values.map((v) => v.value),
  status,
});

/**
 * The divergences of one audit, open and decided: recomputed from its facts as the report does
 * (lib/report/consistency.ts: the country of the latest walk's persona), since the report keeps
 * the confirmed ones only and a divergence still open before counts as resolved once gone.
 */
function divergencesOf({ file, report }: Side): Found {
  const walks = [...file.walks].sort((a, b) => a.startedAt - b.startedAt || cmp(a.id, b.id));
  const { comparison, decisions } = compareFile(file, walks);
  const found = new Map<string, DivergenceRef>();
  const add = (r: DivergenceRef) => {
    const id = identity(r);
    const held = found.get(id);
    if (!held || r.severity > held.severity) found.set(id, r);
  };
  for (const d of comparison.divergences) {
    const status = decisions.get(d.key)?.status;
    add(refOf(d, status === 'confirmed' ? 'confirmed' : status === 'dismissed' ? 'dismissed' : 'open'));
  }
  // A confirmation the recomputation no longer finds stands, as in the report.
  for (const d of report.consistency.divergences) if (d.evidence === 'file') add(refOf(d, 'confirmed'));
  const read = new Set(
    (Object.keys(comparison.byKind) as FactKind[]).filter((k) => (comparison.byKind[k]?.total ?? 0) > 0),
  );
  return { found, read };
}

const order = (a: DivergenceRef, b: DivergenceRef) =>
  b.severity - a.severity || cmp(a.kind, b.kind) || cmp(a.subject, b.subject) || cmp(a.lang, b.lang);

/**
 * Divergences resolved (confirmed or open before, found no more where the later audit read that
 * kind), new (found after, not dismissed, unknown before) and still there; dismissed ones before
 * are the auditor's call that they are no problem, so they resolve nothing.
 */
export function compareDivergences(before: Side, after: Side): Reaudit['divergences'] {
  const b = divergencesOf(before);
  const a = divergencesOf(after);
  const out: Reaudit['divergences'] = { resolved: [], new: [], still: [], notChecked: [] };
  for (const [id, d] of [...b.found].sort((x, y) => order(x[1], y[1]))) {
    if (d.status === 'dismissed') continue;
    const now = a.found.get(id);
    if (now) out.still.push({ before: d, after: now });
    else if (a.read.has(d.kind)) out.resolved.push(d);
    else out.notChecked.push(d);
  }
  for (const [id, d] of [...a.found].sort((x, y) => order(x[1], y[1]))) {
    if (d.status !== 'dismissed' && !b.found.has(id)) out.new.push(d);
  }
  return out;
}
