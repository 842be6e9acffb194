import { type IDBPDatabase, openDB } from 'idb';
import { runMigrations } from '@/lib/db/migrations';
import { DB_NAME, DB_VERSION, type TouchpointDB } from '@/lib/db/schema';

export type Db = IDBPDatabase<TouchpointDB>;

/** Opens the one database, upgrading it through every migration it has not run yet. */
export function openTouchpointDb(name: string = DB_NAME, version: number = DB_VERSION): Promise<Db> {
  return openDB<TouchpointDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, oldVersion, newVersion ?? version, tx);
    },
    blocking(_current, _next, event) {
      // A newer build wants to upgrade (an extension update with a panel open): step aside.
      (event.target as IDBDatabase).close();
    },
  });
}
