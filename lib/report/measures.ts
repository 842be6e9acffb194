import { mean } from '@/lib/kpi/means';
import type { CesSummary, CsatSummary, Feeling, NpsSummary } from '@/lib/model/report';
import type { RatingEntry, TagEntry } from '@/lib/report/entries';

export { mean };

/** Code-unit order: the same in every locale and runtime, so the report's orders are stable. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const rated = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => typeof x === 'number');

export function cesSummary(values: readonly (number | null)[]): CesSummary {
  return { mean: mean(values), count: rated(values).length };
}

/** DOMAIN.md: CSAT % is the share of 4 and 5. */
export function csatSummary(values: readonly (number | null)[]): CsatSummary {
  const xs = rated(values);
  const satisfied = xs.filter((x) => x >= 4).length;
  return { mean: mean(xs), satisfied, count: xs.length, share: xs.length ? round2(satisfied / xs.length) : null };
}

/** NPS = % promoters (9–10) − % detractors (0–6) of those who answered; one answer per walk. */
export function npsSummary(answers: readonly (number | null)[]): NpsSummary {
  const xs = rated(answers);
  const promoters = xs.filter((x) => x >= 9).length;
  const detractors = xs.filter((x) => x <= 6).length;
  return {
    score: xs.length ? round2(((promoters - detractors) * 100) / xs.length) : null,
    promoters,
    passives: xs.length - promoters - detractors,
    detractors,
    answered: xs.length,
    walks: answers.length,
  };
}

/** CSAT 1–5 read as an emotion −2…+2, so scores without tags still draw the emotion curve. */
export const csatEmotion = (csat: number | null): number | null => (csat === null ? null : csat - 3);

export const isFriction = (t: TagEntry): boolean => t.tag.severity >= 1;

/** Effort and emotion of a set of tags and ratings (see Feeling in lib/model/report.ts). */
export function feelingOf(tags: readonly TagEntry[], ratings: readonly RatingEntry[]): Feeling {
  const ces = ratings.map((r) => r.ces);
  const tagEffort = tags.map((t) => t.tag.effort);
  const tagEmotion = tags.map((t) => t.tag.emotion);
  return {
    ces: mean(ces),
    tagEffort: mean(tagEffort),
    effort: mean([...ces, ...tagEffort]),
    tagEmotion: mean(tagEmotion),
    emotion: mean([...tagEmotion, ...ratings.map((r) => csatEmotion(r.csat))]),
    tags: tags.length,
    frictions: tags.filter(isFriction).length,
    momentsOfTruth: tags.filter((t) => t.tag.momentOfTruth !== 'no').length,
  };
}

export function maxSeverity(tags: readonly TagEntry[]): number | null {
  return tags.length ? Math.max(...tags.map((t) => t.tag.severity)) : null;
}
