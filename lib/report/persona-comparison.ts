import type { PersonaCell, PersonaComparison } from '@/lib/model/report';
import type { ReportContext } from '@/lib/report/context';
import { csatEmotion, isFriction, maxSeverity, mean, round2 } from '@/lib/report/measures';

/**
 * Each touchpoint met, in the journey's order, as each persona lived it: one cell per persona of
 * the summary (empty when that persona never met it), so a renderer draws a rectangular table.
 */
export function buildPersonaComparison(ctx: ReportContext): PersonaComparison {
  const personaIds = ctx.personas.map((p) => p.id);
  const touchpoints = ctx.order.map((t) => {
    const walks = ctx.metBy.get(t.id) ?? [];
    const tags = ctx.tagsOf.get(t.id) ?? [];
    const ratings = ctx.ratingsOf.get(t.id) ?? [];
    const personas: PersonaCell[] = personaIds.map((personaId) => {
      const own = tags.filter((e) => e.walk.personaId === personaId);
      const rated = ratings.filter((r) => r.walk.personaId === personaId);
      return {
        personaId,
        walks: walks.filter((w) => w.personaId === personaId).length,
        ces: mean(rated.map((r) => r.ces)),
        csat: mean(rated.map((r) => r.csat)),
        tagEffort: mean(own.map((e) => e.tag.effort)),
        emotion: mean([...own.map((e) => e.tag.emotion), ...rated.map((r) => csatEmotion(r.csat))]),
        frictions: own.filter(isFriction).length,
        maxSeverity: maxSeverity(own),
      };
    });
    const ces = personas.flatMap((p) => (p.ces === null ? [] : [p.ces]));
    return {
      touchpointId: t.id,
      name: t.name,
      channel: t.channel,
      stage: t.stage,
      shared: personas.filter((p) => p.walks > 0).length >= 2,
      cesSpread: ces.length >= 2 ? round2(Math.max(...ces) - Math.min(...ces)) : null,
      personas,
    };
  });
  return { personaIds, touchpoints };
}
