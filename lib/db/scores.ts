import { Score, type ScoreFields, scoreId } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

/** Scores a touchpoint in a walk; scoring it again replaces the score. */
export async function saveScore(
  db: Db,
  s: { auditId: string; walkId: string; touchpointId: string; url: string; fields: ScoreFields },
  now = Date.now(),
): Promise<Score> {
  const score = Score.parse({
    ...s.fields,
    id: scoreId(s.walkId, s.touchpointId),
    auditId: s.auditId,
    walkId: s.walkId,
    touchpointId: s.touchpointId,
    url: s.url,
    at: now,
  });
  await db.put('scores', score);
  return score;
}
