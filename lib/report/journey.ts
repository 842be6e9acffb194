import type { Journey, JourneyPoint, JourneyStage, MomentMark } from '@/lib/model/report';
import { Channel, Phase, phaseOf, Stage, type Touchpoint } from '@/lib/model/touchpoint';
import type { RatingEntry, ReportContext, TagEntry } from '@/lib/report/context';
import { feelingOf, maxSeverity } from '@/lib/report/measures';

function moments(tags: readonly TagEntry[]): MomentMark[] {
  const out: MomentMark[] = [];
  for (const { tag } of tags) {
    if (tag.momentOfTruth === 'no') continue;
    out.push({
      tagId: tag.id,
      walkId: tag.walkId,
      kind: tag.momentOfTruth,
      severity: tag.severity,
      emotion: tag.emotion,
      at: tag.at,
    });
  }
  return out;
}

function point(ctx: ReportContext, t: Touchpoint): JourneyPoint {
  const tags = ctx.tagsOf.get(t.id) ?? [];
  return {
    touchpointId: t.id,
    name: t.name,
    channel: t.channel,
    stage: t.stage,
    phase: phaseOf(t.stage),
    stageGuessed: t.stageGuessed,
    walks: ctx.metBy.get(t.id)?.length ?? 0,
    firstMetAt: ctx.firstMet.get(t.id) ?? null,
    maxSeverity: maxSeverity(tags),
    moments: moments(tags),
    ...feelingOf(tags, ctx.ratingsOf.get(t.id) ?? []),
  };
}

/**
 * The journey map: every stage in journey order with the touchpoints met in it, and the effort and
 * emotion of each (the curves), of each stage and of each phase, from every tag and rating in them.
 */
export function buildJourney(ctx: ReportContext): Journey {
  const tagsIn = (tps: readonly Touchpoint[]): TagEntry[] => tps.flatMap((t) => ctx.tagsOf.get(t.id) ?? []);
  const ratingsIn = (tps: readonly Touchpoint[]): RatingEntry[] => tps.flatMap((t) => ctx.ratingsOf.get(t.id) ?? []);
  const stages: JourneyStage[] = Stage.options.map((stage) => {
    const tps = ctx.order.filter((t) => t.stage === stage);
    return {
      stage,
      phase: phaseOf(stage),
      touchpoints: tps.map((t) => point(ctx, t)),
      ...feelingOf(tagsIn(tps), ratingsIn(tps)),
    };
  });
  const phases = Phase.options.map((phase) => {
    const tps = ctx.order.filter((t) => phaseOf(t.stage) === phase);
    return { phase, ...feelingOf(tagsIn(tps), ratingsIn(tps)) };
  });
  const met = new Set(ctx.order.map((t) => t.channel));
  return { stages, phases, channels: Channel.options.filter((c) => met.has(c)) };
}
