import type { RecorderContext } from '@/lib/model';

/**
 * Where the worker leaves a recorder's context in the isolated world (see startPage in
 * lib/walk/page-start.ts): the recorder reads it synchronously instead of asking over a message.
 */
export const RECORDER_CONTEXT_KEY = '__touchpointRecorderContext';

/**
 * Takes the context left for this document's recorder, once: a later injection into the same
 * document finds nothing. `scope` is the content script's global (its isolated world).
 */
export function takeRecorderContext(scope: object): RecorderContext | null {
  const holder = scope as Record<string, unknown>;
  const context = holder[RECORDER_CONTEXT_KEY];
  if (context === undefined) return null;
  delete holder[RECORDER_CONTEXT_KEY];
  // Structured-cloned from Touchpoint's own worker (executeScript's arguments): the page has no
  // way to write here, so a plain shape check is enough (no zod in the page's bundle).
  const c = context as Partial<RecorderContext> | null;
  return c && typeof c.walkId === 'string' && typeof c.tabId === 'number' ? (context as RecorderContext) : null;
}
