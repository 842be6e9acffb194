import { z } from 'zod';
import { Anchor } from '@/lib/model/anchor';
import { Id, Timestamp } from '@/lib/model/common';
import { Target } from '@/lib/model/target';

/** A friction category of an audit's taxonomy; `id` is what tags keep, `label` what people read. */
export const Category = z.object({
  id: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9-]+$/),
  label: z.string().trim().min(1).max(120),
});
export type Category = z.infer<typeof Category>;

/**
 * The default taxonomy. Labels here are English fallbacks: the UI shows the i18n message
 * `category_<id with - as _>` for a default id, and the audit's own label for any other.
 */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'findability', label: 'Findability and navigation' },
  { id: 'information', label: 'Missing or unclear information' },
  { id: 'inconsistency', label: 'Inconsistency' },
  { id: 'form-effort', label: 'Form and input effort' },
  { id: 'waiting', label: 'Waiting and performance' },
  { id: 'error', label: 'Error or broken' },
  { id: 'trust', label: 'Trust and credibility' },
  { id: 'tone', label: 'Tone and communication' },
  { id: 'accessibility', label: 'Accessibility' },
  { id: 'expectation', label: 'Expectation conflict' },
];

/** Nielsen: 0 not a problem, 1 cosmetic, 2 minor, 3 major, 4 catastrophe. */
export const Severity = z.number().int().min(0).max(4);
/** CES wording: 1 strongly disagree … 7 strongly agree that it was easy. Higher is easier. */
export const Ces = z.number().int().min(1).max(7);
export const Csat = z.number().int().min(1).max(5);
export const Nps = z.number().int().min(0).max(10);
/** -2 very negative … +2 very positive. */
export const Emotion = z.number().int().min(-2).max(2);

/** Was this a moment of truth, and one that could be prepared for? */
export const MomentOfTruth = z.enum(['predictable', 'unexpected', 'no']);
export type MomentOfTruth = z.infer<typeof MomentOfTruth>;

/** What the persona perceived (an opinion of the brand) or what it did (an interaction). */
export const Aspect = z.enum(['perception', 'interaction']);
export type Aspect = z.infer<typeof Aspect>;

export const Resolution = z.object({
  status: z.enum(['resolved', 'workaround', 'unresolved']),
  /** How long resolving it took, in minutes; null when unknown or unresolved. */
  minutes: z.number().nonnegative().max(1_000_000).nullable(),
});
export type Resolution = z.infer<typeof Resolution>;

/** What the auditor fills in the tag form. */
export const TagFields = z.object({
  categoryId: Category.shape.id,
  severity: Severity,
  effort: Ces,
  emotion: Emotion,
  momentOfTruth: MomentOfTruth,
  aspect: Aspect,
  resolution: Resolution,
  note: z.string().trim().max(4000),
});
export type TagFields = z.infer<typeof TagFields>;

/** A friction pinned to one element of one page during a walk. */
export const Tag = TagFields.extend({
  id: Id,
  auditId: Id,
  walkId: Id,
  touchpointId: Id.nullable(),
  tabId: z.number().int(),
  /** The page load whose recording holds the tag's custom event. */
  recorderId: Id.nullable(),
  url: z.string().max(4096),
  pageTitle: z.string().max(500),
  /** When it was pinned: the replay time, on the recording's clock (epoch ms). */
  at: Timestamp,
  anchor: Anchor,
  /** The tagged element, as steps have it. */
  target: Target,
  screenshotId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Tag = z.infer<typeof Tag>;

/** A cropped capture of a tagged element and its surroundings. */
export const Screenshot = z.object({
  id: Id,
  walkId: Id,
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Where the element sits inside the image, to outline it when shown. */
  focus: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  blob: z.instanceof(Blob),
  createdAt: Timestamp,
});
export type Screenshot = z.infer<typeof Screenshot>;
