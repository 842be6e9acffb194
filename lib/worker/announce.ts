import type { Change, DataChanged } from '@/lib/model';

/** Tells every open view what one command or flush committed (`data/changed`), after the commit. */
export type Announce = (auditId: string, changes: readonly Change[]) => void;

/** Chrome's and Firefox's words when no extension page is open to hear a broadcast. */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/**
 * An `Announce` over a post function (runtime.sendMessage in the worker). Nothing is sent for
 * no change; no view open is the usual case and is no error; any other failure is logged and
 * never reaches the command, whose commit stands.
 */
export function createAnnounce(post: (message: DataChanged) => Promise<unknown>): Announce {
  return (auditId, changes) => {
    if (changes.length === 0) return;
    let sent: Promise<unknown>;
    try {
      sent = post({ auditId, changes: [...changes] });
    } catch (e) {
      sent = Promise.reject(e);
    }
    sent.catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (!NO_RECEIVER.test(message)) console.warn('Touchpoint could not announce a change:', message);
    });
  };
}
