import type { DataChanged } from '@/lib/model';
import type { ImportProgress } from '@/lib/model/import';
import { send } from '@/lib/messaging/client';
import { sentBy, validateRequest } from '@/lib/messaging/protocol';
import { registerHandlers } from '@/lib/messaging/register';
import type { Db } from '@/lib/db/open-db';
import { openReadDb } from '@/lib/read/open-read-db';

export interface ChangeListener {
  /** What a command or a flush changed, after its commit (`data/changed`). */
  dataChanged: (notice: DataChanged) => void;
  /** How far an import is (`import/progress`): heard by the pages that import (the panel). */
  importProgress?: (progress: ImportProgress) => void;
}

/**
 * How an extension page (panel, replay) hears the worker: `data/changed`, parsed like any message
 * that crosses contexts and accepted from the worker only. Register before the first read, so a
 * change committed during it is not missed (the read model applies it after).
 */
export function listenForChanges(listener: ChangeListener): void {
  registerHandlers(
    {
      'data/changed': async (notice) => {
        listener.dataChanged(notice);
        return null;
      },
      ...(listener.importProgress && {
        'import/progress': async (progress: ImportProgress) => {
          listener.importProgress?.(progress);
          return null;
        },
      }),
    },
    { validate: validateRequest, senders: sentBy },
  );
}

/** The page's read-only connection, once the worker has opened and upgraded the database. */
export function openPageDb(): Promise<Db> {
  return openReadDb(() => send('db/ready', {}));
}
