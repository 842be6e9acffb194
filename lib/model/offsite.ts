import { z } from 'zod';
import { Id, Timestamp } from '@/lib/model/common';
import { Ces, Csat } from '@/lib/model/tag';
import { Channel } from '@/lib/model/touchpoint';

export const Formality = z.enum(['formal', 'informal']);
export const Warmth = z.enum(['warm', 'neutral', 'cold']);

/** Kinds of facts a channel states; the consistency report compares them across channels. */
export const FactKind = z.enum(['phone', 'email', 'price', 'hours', 'delivery-time', 'address', 'policy', 'other']);
export type FactKind = z.infer<typeof FactKind>;

export const Fact = z.object({
  kind: FactKind,
  /** What it is about: "Lisbon weekend", "support line". */
  subject: z.string().trim().max(200),
  value: z.string().trim().min(1).max(500),
});
export type Fact = z.infer<typeof Fact>;

/** What the auditor fills in for an event in another channel (a call, an email, a chat, a visit). */
export const OffsiteFields = z.object({
  channel: Channel.exclude(['web', 'mobile-web']),
  /** The touchpoint's name: "Support line", "Quote email". An existing name joins that touchpoint. */
  touchpointName: z.string().trim().min(1).max(200),
  /** What happened: "called the support line". */
  summary: z.string().trim().min(1).max(1000),
  requestedAt: Timestamp,
  /** Null while no answer came. */
  answeredAt: Timestamp.nullable(),
  reschedules: z.number().int().nonnegative().max(1000),
  transfers: z.number().int().nonnegative().max(1000),
  /** Information the customer had to give again ("booking number", "address"). */
  repeatedInfo: z.array(z.string().trim().min(1).max(200)).max(50),
  outcome: z.enum(['resolved', 'partly', 'unresolved', 'pending']),
  ces: Ces.nullable(),
  csat: Csat.nullable(),
  tone: z.object({ formality: Formality.nullable(), warmth: Warmth.nullable() }),
  facts: z.array(Fact).max(50),
  note: z.string().trim().max(4000),
});
export type OffsiteFields = z.infer<typeof OffsiteFields>;

export const OffsiteEvent = OffsiteFields.extend({
  id: Id,
  auditId: Id,
  walkId: Id,
  touchpointId: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).refine((e) => e.answeredAt === null || e.answeredAt >= e.requestedAt, {
  message: 'The answer cannot come before the request.',
  path: ['answeredAt'],
});
export type OffsiteEvent = z.infer<typeof OffsiteEvent>;
