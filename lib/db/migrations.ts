import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { TouchpointDB } from '@/lib/db/schema';

type UpgradeTx = IDBPTransaction<TouchpointDB, StoreNames<TouchpointDB>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<TouchpointDB>, tx: UpgradeTx) => void;

/**
 * Append-only: step N upgrades version N-1 to N. A landed step is never edited; a change to the
 * stores is a new step at the end. `test/unit/db/migrations.test.ts` runs them all.
 */
export const migrations: readonly Migration[] = [
  // 1: what an auditor sets up: audits, their personas, and walks.
  (db) => {
    db.createObjectStore('audits', { keyPath: 'id' });
    db.createObjectStore('personas', { keyPath: 'id' }).createIndex('byAudit', 'auditId');
    const walks = db.createObjectStore('walks', { keyPath: 'id' });
    walks.createIndex('byAudit', 'auditId');
    walks.createIndex('byStatus', 'status');
  },
  // 2: what a walk records: compressed event chunks, per-recorder marks, and steps.
  (db) => {
    db.createObjectStore('chunks', { keyPath: 'id' }).createIndex('byWalk', 'walkId');
    db.createObjectStore('recorders', { keyPath: 'recorderId' }).createIndex('byWalk', 'walkId');
    db.createObjectStore('steps', { keyPath: 'id' }).createIndex('byWalk', 'walkId');
  },
  // 3: what the auditor adds: touchpoints, friction tags and their screenshots, scores, off-site
  // events; and what the pages signalled (errors, failed and slow requests) for the KPIs.
  (db) => {
    db.createObjectStore('touchpoints', { keyPath: 'id' }).createIndex('byAudit', 'auditId');
    for (const name of ['tags', 'scores', 'offsite'] as const) {
      const store = db.createObjectStore(name, { keyPath: 'id' });
      store.createIndex('byWalk', 'walkId');
      store.createIndex('byAudit', 'auditId');
    }
    db.createObjectStore('screenshots', { keyPath: 'id' }).createIndex('byWalk', 'walkId');
    db.createObjectStore('signals', { keyPath: 'id' }).createIndex('byWalk', 'walkId');
  },
  // 4: consistency (issue 12): the facts read from each recorded page load, and the auditor's
  // decisions on divergences (kept by the divergence's key, so they survive a recomputation).
  (db) => {
    const facts = db.createObjectStore('facts', { keyPath: 'id' });
    facts.createIndex('byWalk', 'walkId');
    facts.createIndex('byAudit', 'auditId');
    db.createObjectStore('decisions', { keyPath: 'id' }).createIndex('byAudit', 'auditId');
  },
  // 5: store a page once (issue 15): the large stylesheet texts a walk's chunks reference, one
  // record per walk and text (lib/assets/refs.ts).
  (db) => {
    db.createObjectStore('assets', { keyPath: 'id' }).createIndex('byWalk', 'walkId');
  },
];

export function runMigrations(
  db: IDBPDatabase<TouchpointDB>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
): void {
  for (let v = oldVersion; v < newVersion; v++) migrations[v]?.(db, tx);
}
