import type { ExportedWalk } from '@/lib/model/export';
import type { MomentOfTruth } from '@/lib/model/tag';
import type { Friction, FrictionTag } from '@/lib/model/report';
import { playerOffset } from '@/lib/replay/timeline';
import type { ReportContext, TagEntry } from '@/lib/report/context';
import { groupByElement } from '@/lib/report/friction-match';
import { cmp, isFriction, mean } from '@/lib/report/measures';

type Span = { firstTs: number; lastTs: number };

/** Each page load's recorded span in one walk: the replay player counts from its first event. */
function spans(walk: ExportedWalk): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const c of walk.chunks) {
    const s = out.get(c.recorderId);
    out.set(
      c.recorderId,
      s
        ? { firstTs: Math.min(s.firstTs, c.firstTs), lastTs: Math.max(s.lastTs, c.lastTs) }
        : { firstTs: c.firstTs, lastTs: c.lastTs },
    );
  }
  return out;
}

const MOMENT_RANK: Record<MomentOfTruth, number> = { unexpected: 2, predictable: 1, no: 0 };

function frictionTag(e: TagEntry, span: Span | undefined): FrictionTag {
  const { tag, walk } = e;
  return {
    tagId: tag.id,
    walkId: walk.id,
    personaId: walk.personaId,
    auditorName: walk.auditorName,
    categoryId: tag.categoryId,
    severity: tag.severity,
    effort: tag.effort,
    emotion: tag.emotion,
    momentOfTruth: tag.momentOfTruth,
    aspect: tag.aspect,
    resolution: tag.resolution,
    note: tag.note,
    url: tag.url,
    pageTitle: tag.pageTitle,
    target: tag.target,
    at: tag.at,
    recorderId: tag.recorderId,
    offsetMs: span ? playerOffset(tag.at, span.firstTs, span.lastTs) : null,
    walkOffsetMs: Math.max(0, tag.at - walk.startedAt),
    hasScreenshot: tag.screenshot !== null,
  };
}

/**
 * Friction tags (severity 1 or more) of every walk, grouped by touchpoint and element
 * (friction-match.ts), ranked: severity, then how many walks met it, then effort (lowest CES first),
 * then the earliest, then id.
 */
export function buildFrictions(ctx: ReportContext): Friction[] {
  const entries = ctx.tags
    .filter(isFriction)
    .sort((a, b) => a.tag.at - b.tag.at || cmp(a.walk.id, b.walk.id) || cmp(a.tag.id, b.tag.id));
  const spansOf = new Map<string, Map<string, Span>>();
  const spanOf = (e: TagEntry): Span | undefined => {
    let s = spansOf.get(e.walk.id);
    if (!s) {
      s = spans(e.walk);
      spansOf.set(e.walk.id, s);
    }
    return e.tag.recorderId ? s.get(e.tag.recorderId) : undefined;
  };

  const frictions = groupByElement(entries).map((group): Omit<Friction, 'rank'> => {
    const first = group[0] as TagEntry;
    const severity = Math.max(...group.map((e) => e.tag.severity));
    // What the reader sees of it: its element's screenshot, from the most severe tag that has one.
    const bySeverity = [...group].sort((a, b) => b.tag.severity - a.tag.severity);
    const shown = bySeverity.find((e) => e.tag.screenshot !== null) ?? (bySeverity[0] as TagEntry);
    const tp = first.touchpointId ? ctx.touchpoints.get(first.touchpointId) : undefined;
    return {
      id: first.tag.id,
      touchpointId: tp?.id ?? null,
      channel: tp?.channel ?? null,
      stage: tp?.stage ?? null,
      categoryId: shown.tag.categoryId,
      severity,
      effort: mean(group.map((e) => e.tag.effort)),
      emotion: mean(group.map((e) => e.tag.emotion)),
      walks: new Set(group.map((e) => e.walk.id)).size,
      auditors: [...new Set(group.map((e) => e.walk.auditorName))].sort(cmp),
      personaIds: [...new Set(group.map((e) => e.walk.personaId))].sort(cmp),
      momentOfTruth: group
        .map((e) => e.tag.momentOfTruth)
        .reduce((a, b) => (MOMENT_RANK[b] > MOMENT_RANK[a] ? b : a), 'no' as MomentOfTruth),
      tagId: shown.tag.id,
      target: shown.tag.target,
      url: shown.tag.url,
      pageTitle: shown.tag.pageTitle,
      tags: group.map((e) => frictionTag(e, spanOf(e))),
    };
  });
  const firstAt = (f: Omit<Friction, 'rank'>) => f.tags[0]?.at ?? 0;
  return frictions
    .sort(
      (a, b) =>
        b.severity - a.severity ||
        b.walks - a.walks ||
        (a.effort ?? Number.POSITIVE_INFINITY) - (b.effort ?? Number.POSITIVE_INFINITY) ||
        firstAt(a) - firstAt(b) ||
        cmp(a.id, b.id),
    )
    .map((f, i) => ({ ...f, rank: i + 1 }));
}
