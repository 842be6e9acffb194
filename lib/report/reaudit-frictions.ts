import { idfOver } from '@/lib/anchors/similarity';
import type { Anchor } from '@/lib/model/anchor';
import type { AuditExport, ExportedTag } from '@/lib/model/export';
import type { Change, FrictionRef, Reaudit } from '@/lib/model/reaudit';
import type { Friction, Report } from '@/lib/model/report';
import { anchorMatch, SAME_ELEMENT, signature } from '@/lib/report/friction-match';

export interface Side {
  file: AuditExport;
  report: Report;
}

/** Past this many frictions of the later audit on one touchpoint, only exact element matches are sought. */
const MAX_COMPARED = 64;

const pagePath = (url: string) => url.split(/[?#]/)[0] ?? url;

/** A friction as the comparison carries it, named in its own audit's words. */
const refOf = (side: Side) => {
  const names = new Map(side.file.touchpoints.map((t) => [t.id, t.name]));
  const categories = new Map(side.file.audit.categories.map((c) => [c.id, c]));
  return (f: Friction): FrictionRef => ({
    frictionId: f.id,
    rank: f.rank,
    touchpointId: f.touchpointId,
    touchpointName: (f.touchpointId && names.get(f.touchpointId)) || '',
    category: categories.get(f.categoryId) ?? { id: f.categoryId, label: f.categoryId },
    severity: f.severity,
    walks: f.walks,
    target: f.target,
    url: f.url,
    pageTitle: f.pageTitle,
  });
};

/** The anchor a friction was grouped on: its first tag's (lib/report/friction-match.ts). */
function anchorsOf(side: Side): Map<string, Anchor> {
  const tags = new Map<string, ExportedTag>();
  for (const w of side.file.walks) for (const t of w.tags) tags.set(t.id, t);
  const out = new Map<string, Anchor>();
  for (const f of side.report.frictions) {
    const first = f.tags[0] && tags.get(f.tags[0].tagId);
    if (first) out.set(f.id, first.anchor);
  }
  return out;
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const severityChange = (before: number, after: number): Change =>
  after < before ? 'improved' : after > before ? 'worsened' : 'same';

/**
 * The frictions of two audits matched: each of the earlier audit's, bucketed by its touchpoint's
 * pair (`pairs`: before id → after id) or, without a touchpoint, by its page, is the later one's
 * on the same element (exact signature, else the best anchor score of SAME_ELEMENT or more, as
 * the report groups tags). A friction whose touchpoint (or page) the later audit did not walk is
 * not checked, never fixed.
 */
export function compareFrictions(before: Side, after: Side, pairs: ReadonlyMap<string, string>): Reaudit['frictions'] {
  const anchors = { before: anchorsOf(before), after: anchorsOf(after) };
  const refBefore = refOf(before);
  const refAfter = refOf(after);
  const afterBuckets = new Map<string, Friction[]>();
  for (const f of after.report.frictions) {
    push(afterBuckets, f.touchpointId ? `tp:${f.touchpointId}` : `url:${pagePath(f.url)}`, f);
  }
  const walkedPages = new Set<string>();
  for (const w of after.file.walks) for (const s of w.steps) walkedPages.add(pagePath(s.url));

  const out: Reaudit['frictions'] = { fixed: [], new: [], still: [], notChecked: [] };
  const taken = new Set<string>();
  for (const f of before.report.frictions) {
    const paired = f.touchpointId ? pairs.get(f.touchpointId) : undefined;
    const checked = f.touchpointId ? paired !== undefined : walkedPages.has(pagePath(f.url));
    if (!checked) {
      out.notChecked.push(refBefore(f));
      continue;
    }
    const candidates = (afterBuckets.get(paired ? `tp:${paired}` : `url:${pagePath(f.url)}`) ?? []).filter(
      (x) => !taken.has(x.id),
    );
    const match = bestMatch(anchors.before.get(f.id), candidates, anchors.after);
    if (!match) {
      out.fixed.push(refBefore(f));
      continue;
    }
    taken.add(match.id);
    out.still.push({
      before: refBefore(f),
      after: refAfter(match),
      change: severityChange(f.severity, match.severity),
    });
  }
  for (const f of after.report.frictions) if (!taken.has(f.id)) out.new.push(refAfter(f));
  return out;
}

function bestMatch(
  anchor: Anchor | undefined,
  candidates: readonly Friction[],
  anchors: ReadonlyMap<string, Anchor>,
): Friction | undefined {
  if (!anchor || candidates.length === 0) return undefined;
  const sig = signature(anchor);
  const exact = candidates.find((c) => {
    const a = anchors.get(c.id);
    return a !== undefined && signature(a) === sig;
  });
  if (exact) return exact;
  const compared = candidates.slice(0, MAX_COMPARED);
  const known = compared.flatMap((c) => {
    const a = anchors.get(c.id);
    return a ? [{ c, a }] : [];
  });
  const stats = {
    text: idfOver([anchor.text.text, ...known.map((x) => x.a.text.text)]),
    context: idfOver([anchor.context.text, ...known.map((x) => x.a.context.text)]),
  };
  let best: Friction | undefined;
  let bestScore = 0;
  for (const { c, a } of known) {
    const s = anchorMatch(anchor, a, stats);
    // The best match; the better-ranked one on a tie.
    if (s >= SAME_ELEMENT && s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}
