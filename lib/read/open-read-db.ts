import { openDB } from 'idb';
import type { Db } from '@/lib/db/open-db';
import { DB_NAME, DB_VERSION, type TouchpointDB } from '@/lib/db/schema';

/** Thrown when a page finds the database older than its build: only the worker may upgrade it. */
export class DbNotReadyError extends Error {
  constructor(found: number, wanted: number) {
    super(
      `Touchpoint's database is at version ${found}, this page needs ${wanted}: the service worker has not upgraded it. Reload the page.`,
    );
    this.name = 'DbNotReadyError';
  }
}

/**
 * Opens IndexedDB for reading from an extension page (panel, replay). The worker is the only
 * writer, migrations included: `ready` asks it (`db/ready`) to open and upgrade the database
 * first, and the page then opens it at the same version without ever running an upgrade. Should
 * one be asked for anyway (the worker failed, or a build mismatch), it is aborted, so a page can
 * never create or half-migrate the stores, and the error says why.
 */
export async function openReadDb(
  ready: () => Promise<unknown>,
  name: string = DB_NAME,
  version: number = DB_VERSION,
): Promise<Db> {
  await ready();
  let refused: DbNotReadyError | null = null;
  try {
    return await openDB<TouchpointDB>(name, version, {
      upgrade(_db, oldVersion, _newVersion, tx) {
        refused = new DbNotReadyError(oldVersion, version);
        tx.done.catch(() => undefined); // the open's own rejection carries the error
        tx.abort();
      },
      blocking(_current, _next, event) {
        // A newer build's worker wants to upgrade (an extension update with a page open): step aside.
        (event.target as IDBDatabase).close();
      },
    });
  } catch (e) {
    throw refused ?? e;
  }
}
