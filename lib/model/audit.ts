import { z } from 'zod';
import { Id, Timestamp, WebUrl } from '@/lib/model/common';
import { Category, DEFAULT_CATEGORIES } from '@/lib/model/tag';

/** An audit groups the walks of one company's site. */
export const Audit = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  company: z.string().trim().max(200).default(''),
  startUrl: WebUrl,
  /** The origins the audit's walks may record on; the first is the start URL's. */
  origins: z.array(z.string().max(4096)).min(1).max(100),
  privacy: z
    .object({
      /** Replace every text node of the page by asterisks in the recording. */
      maskAllText: z.boolean().default(false),
      /** Extra CSS selectors whose elements are recorded as empty boxes. */
      blockSelectors: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
      /**
       * Query and fragment parameters whose values URLs keep (`page`, `sort`, `lang`); every other
       * value is redacted (lib/privacy/url-policy.ts), and so is a kept one that was typed.
       */
      keepParams: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
    })
    .default({ maskAllText: false, blockSelectors: [], keepParams: [] }),
  /** The friction taxonomy tags pick from; audits stored before it existed get the default. */
  categories: z
    .array(Category)
    .min(1)
    .max(60)
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'Category ids must be unique.')
    .default(() => [...DEFAULT_CATEGORIES]),
  createdAt: Timestamp,
});
export type Audit = z.infer<typeof Audit>;

export const AuditInput = Audit.pick({ name: true, company: true, startUrl: true, privacy: true });
export type AuditInput = z.input<typeof AuditInput>;

/** A fictional customer with a job to be done; every walk is done as one. */
export const Persona = z.object({
  id: Id,
  auditId: Id,
  name: z.string().trim().min(1).max(120),
  segment: z.string().trim().max(200).default(''),
  context: z
    .object({
      device: z.enum(['desktop', 'mobile', 'tablet']).default('desktop'),
      locale: z.string().trim().max(35).default(''),
      notes: z.string().trim().max(2000).default(''),
    })
    .default({ device: 'desktop', locale: '', notes: '' }),
  jobToBeDone: z.string().trim().max(1000).default(''),
  goal: z.string().trim().max(1000).default(''),
  expectations: z.string().trim().max(2000).default(''),
  createdAt: Timestamp,
});
export type Persona = z.infer<typeof Persona>;

export const PersonaInput = Persona.omit({ id: true, createdAt: true });
export type PersonaInput = z.input<typeof PersonaInput>;
