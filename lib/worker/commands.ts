import type { Db } from '@/lib/db/open-db';
import type { WorkerHandlers, WorkerMessage } from '@/lib/messaging/types';
import type { Announce } from '@/lib/worker/announce';

/** What a page's command needs: the database, the clock, and who to tell what it committed. */
export interface CommandDeps {
  db: Db;
  now: () => number;
  announce: Announce;
}

/** Handlers for some of the worker's messages (the whole set is checked in handlers.ts). */
export type SomeHandlers<K extends WorkerMessage> = Pick<WorkerHandlers, K>;
