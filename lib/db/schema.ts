import type { DBSchema } from 'idb';
import type { Decision, PageFacts } from '@/lib/model/fact';
import type {
  Asset,
  Audit,
  Chunk,
  OffsiteEvent,
  Persona,
  RecorderMark,
  Score,
  Screenshot,
  PageSignal,
  Step,
  Tag,
  Touchpoint,
  Walk,
} from '@/lib/model';

export const DB_NAME = 'touchpoint';
/**
 * The database's version: one per step of lib/db/migrations.ts (its test checks they agree). Here
 * rather than there so that pages, which open the database read-only at this version and never
 * upgrade it, need nothing of the worker's writers.
 */
export const DB_VERSION = 5;

export interface TouchpointDB extends DBSchema {
  audits: { key: string; value: Audit };
  personas: { key: string; value: Persona; indexes: { byAudit: string } };
  walks: { key: string; value: Walk; indexes: { byAudit: string; byStatus: string } };
  chunks: { key: string; value: Chunk; indexes: { byWalk: string } };
  recorders: { key: string; value: RecorderMark; indexes: { byWalk: string } };
  steps: { key: string; value: Step; indexes: { byWalk: string } };
  touchpoints: { key: string; value: Touchpoint; indexes: { byAudit: string } };
  tags: { key: string; value: Tag; indexes: { byWalk: string; byAudit: string } };
  screenshots: { key: string; value: Screenshot; indexes: { byWalk: string } };
  scores: { key: string; value: Score; indexes: { byWalk: string; byAudit: string } };
  offsite: { key: string; value: OffsiteEvent; indexes: { byWalk: string; byAudit: string } };
  signals: { key: string; value: PageSignal; indexes: { byWalk: string } };
  facts: { key: string; value: PageFacts; indexes: { byWalk: string; byAudit: string } };
  decisions: { key: string; value: Decision; indexes: { byAudit: string } };
  assets: { key: string; value: Asset; indexes: { byWalk: string } };
}
