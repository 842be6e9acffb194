import { isWebTab } from '@/lib/messaging/sender';
import { protocol } from '@/lib/messaging/protocol';
import type { MessageName, Sender, WorkerHandlers, WorkerMessage } from '@/lib/messaging/types';
import type { WalkController } from '@/lib/walk/controller';
import { createAuditCommands } from '@/lib/worker/audit-commands';
import { createConsistencyCommands } from '@/lib/worker/consistency-commands';
import { collectOrphanScreenshots, createDeleteCommands } from '@/lib/worker/delete-commands';
import type { CommandDeps } from '@/lib/worker/commands';
import { createImportCommands, type PostProgress } from '@/lib/worker/import-commands';
import { createJourneyCommands } from '@/lib/worker/journey-commands';
import type { PageService } from '@/lib/worker/page-service';

/** Every message the worker answers, read from the protocol (all but the worker's own broadcasts). */
export const WORKER_MESSAGES: readonly WorkerMessage[] = (Object.keys(protocol) as MessageName[]).filter(
  (name): name is WorkerMessage => !(protocol[name].from as readonly string[]).includes('worker'),
);

/** The walk tab a message comes from; undefined for an extension page (the panel). */
const walkTab = (s: Sender): number | undefined => (isWebTab(s) ? s.tab?.id : undefined);

/**
 * The worker's answer to every message sent to it: the walk tabs' recording, tagging and scoring
 * (walk controller and page service) and the pages' commands. Each write is announced to the
 * open views (`data/changed`) by the part that committed it.
 */
export function createWorkerHandlers(
  parts: CommandDeps & { walks: WalkController; pages: PageService; progress?: PostProgress },
): WorkerHandlers {
  const { walks, pages } = parts;
  return {
    ...createAuditCommands(parts),
    ...createJourneyCommands(parts),
    ...createDeleteCommands(parts),
    ...createConsistencyCommands(parts),
    ...createImportCommands(parts),
    // Answered once the database is open (and upgraded): a page opens it only then.
    'db/ready': async () => null,
    'walk/start': (req) => walks.start(req),
    // A walk ended: the screenshots of tag forms cancelled on it are no one's now.
    'walk/end': async ({ walkId }, s) => {
      const walk = await walks.end(walkId, walkTab(s));
      if (walk?.status === 'ended') await collectOrphanScreenshots(parts.db);
      return walk;
    },
    'walk/pause': ({ walkId, paused }, s) => walks.pause(walkId, paused, walkTab(s)),
    // Firefox names no sender tab for the last flush of a closing tab: the recorder's own says which.
    'recorder/flush': (batch, s) => walks.flush(batch, s.tab?.id ?? batch.tabId, s.documentId),
    'recorder/stopped': (req, s) => walks.recordingStopped(req, s.tab?.id),
    'tagger/inject': (_req, s) => walks.injectTagger(s.tab?.id),
    'overlay/show-tags': async ({ on }) => {
      await walks.setShowTags(on);
      return null;
    },
    'touchpoint/resolve': ({ url, title }, s) => pages.resolve(s.tab?.id, url, title),
    'tag/capture': ({ rect, viewport, masks, pixelRatio }, s) =>
      pages.capture(s.tab?.id, rect, viewport, masks, pixelRatio),
    'tag/save': (draft, s) => pages.saveTag(s.tab?.id, draft),
    'tag/update': ({ id, fields }, s) => pages.updateTag(s.tab?.id, id, fields),
    'tag/delete': ({ id }, s) => pages.deleteTag(s.tab?.id, id),
    'tag/discard-capture': ({ screenshotId }, s) => pages.discardCapture(s.tab?.id, screenshotId),
    'tag/list-page': ({ url }, s) => pages.pageTags(s.tab?.id, url),
    'score/save': ({ url, title, fields }, s) => pages.saveScore(s.tab?.id, url, title, fields),
    'score/get': ({ url }, s) => pages.getScore(s.tab?.id, url),
  };
}

/**
 * The worker's handlers before its database has opened: a woken worker must add its listener in
 * its first run, so every message is taken at once and answered when the handlers are ready.
 */
export function whenReady(ready: Promise<WorkerHandlers>): WorkerHandlers {
  const waiting = WORKER_MESSAGES.map((name) => [
    name,
    async (payload: unknown, sender: Sender) => {
      const handler = (await ready)[name] as (p: unknown, s: Sender) => Promise<unknown>;
      return handler(payload, sender);
    },
  ]);
  return Object.fromEntries(waiting) as WorkerHandlers;
}
