import { z } from 'zod';
import { Category, Target } from '@/lib/model';
import { PALETTE } from '@/components/tagger/frame/page';

/**
 * What the tagger's content script and the form frame (entrypoints/tag-form) say to each other
 * over their MessagePort. The frame parses every message with these schemas; the content script
 * imports the types only (zod stays out of its bundle) and checks the frame's few messages by hand.
 */

const text = (max: number) => z.string().max(max);
const numberText = text(40);
const errors = z.record(text(40), z.string().regex(/^[A-Za-z0-9_]{1,80}$/));

export const TagDraft = z.object({
  categoryId: text(60),
  severity: numberText,
  effort: numberText,
  emotion: numberText,
  momentOfTruth: z.enum(['predictable', 'unexpected', 'no']),
  aspect: z.enum(['perception', 'interaction']),
  resolutionStatus: z.enum(['resolved', 'workaround', 'unresolved']),
  resolutionMinutes: numberText,
  note: text(4000),
});

export const ScoreDraft = z.object({ ces: numberText, csat: numberText, note: text(4000) });

/** One signal of the tagger's model, as the content script sets it (see form-link.ts). */
export const ModelValue = z.discriminatedUnion('key', [
  z.object({ key: z.literal('view'), value: z.enum(['none', 'picking', 'tag', 'score']) }),
  z.object({
    key: z.literal('editing'),
    value: z.object({ id: z.string().max(100).nullable(), target: Target, draft: TagDraft }).nullable(),
  }),
  z.object({ key: z.literal('errors'), value: errors }),
  z.object({ key: z.literal('scoreErrors'), value: errors }),
  z.object({ key: z.literal('scoreDraft'), value: ScoreDraft }),
  z.object({ key: z.literal('touchpointName'), value: text(1000) }),
  z.object({ key: z.literal('busy'), value: z.boolean() }),
  z.object({ key: z.literal('problem'), value: text(2000).nullable() }),
]);
export type ModelValue = z.infer<typeof ModelValue>;

/** From the content script to the frame. */
export const ToFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    categories: z.array(Category).max(200),
    palette: z.record(z.enum(PALETTE), text(200)),
  }),
  z.object({ type: z.literal('set'), set: ModelValue }),
  /** The form just opened or its fields appeared: focus goes to its first field. */
  z.object({ type: z.literal('focus') }),
]);
export type ToFrame = z.infer<typeof ToFrame>;

/** The first message, on the frame's window: the nonce from the frame's URL and the port. */
export const Handshake = z.object({ touchpointForm: z.string().regex(/^[0-9a-f]{32}$/) });

/** From the frame to the content script. */
export type FromFrame =
  | { type: 'tag-draft'; draft: z.infer<typeof TagDraft> }
  | { type: 'score-draft'; draft: z.infer<typeof ScoreDraft> }
  | { type: 'save' }
  | { type: 'delete' }
  | { type: 'cancel' }
  | { type: 'size'; height: number };
