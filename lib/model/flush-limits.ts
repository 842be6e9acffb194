// No zod here: the recorder (a content script, paid on every page) splits its batches by these
// numbers, and FlushBatch (lib/model/recorder.ts) refuses anything past them.

/**
 * The most events one flush may hold. A step and a signal ride with an event, so a batch holds at
 * most as many of each.
 */
export const FLUSH_MAX_EVENTS = 10_000;

/**
 * The longest events text of one flush, in characters. Chrome refuses a message over 64 MiB of
 * JSON, and the events travel as a string inside that JSON, where every quote gains a backslash:
 * 24 Mi characters stay under the limit whatever the text holds. One event longer than this
 * cannot be stored (a page snapshot that large stops the recording of that page).
 */
export const FLUSH_MAX_CHARS = 24 * 1024 * 1024;
