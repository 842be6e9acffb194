import type { DBSchema } from 'idb';
import type { Audit, Chunk, Persona, RecorderMark, Step, Walk } from '../model';

export const DB_NAME = 'touchpoint';

export interface TouchpointDB extends DBSchema {
  audits: { key: string; value: Audit };
  personas: { key: string; value: Persona; indexes: { byAudit: string } };
  walks: { key: string; value: Walk; indexes: { byAudit: string; byStatus: string } };
  chunks: { key: string; value: Chunk; indexes: { byWalk: string } };
  recorders: { key: string; value: RecorderMark; indexes: { byWalk: string } };
  steps: { key: string; value: Step; indexes: { byWalk: string } };
}
