import { signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import { type AuditData, findWalk, type WalkData } from '@/lib/read/audit-data';
import { getWalk } from '@/lib/read/walks';
import { growRecording, type Recording, type ReplayWalk, readRecording, replayWalk } from '@/lib/replay/load';
import type { ReplayList } from '@/components/replay/model/replay-list';

/**
 * The walk open in the replay page, derived from the read model (its steps and tags) and from its
 * recording (chunks and page loads, read here because the model names chunks only by id). It
 * follows the model: a tag added or steps recorded show at once; chunks recorded since it was
 * read are read alone, and `onPages` hears the grown page list.
 */
export function createOpenWalk(
  db: () => Promise<Db>,
  list: ReplayList,
  onPages: (w: ReplayWalk) => void,
  onGone: () => void,
) {
  const open = signal<ReplayWalk | null>(null);
  let rec: Recording | null = null;
  /** The open walk's audit: a model of it without the walk means the walk was deleted. */
  let auditId: string | null = null;
  /** What `open` was made from: the same inputs make the same walk, so nothing redraws. */
  let from: { walk: WalkData; data: AuditData; rec: Recording } | null = null;
  let growing = false;
  let again = false;

  function derive(): void {
    const data = list.data.value;
    const walk = rec && findWalk(data, rec.walkId);
    // The walk (or its whole audit) was deleted while open: say so rather than play what is gone.
    if (rec && !walk && (!data || data.audit.id === auditId)) {
      onGone();
      return;
    }
    if (!rec || !data || !walk) return;
    const same = from?.walk === walk && from.rec === rec && from.data.personas === data.personas;
    if (same && from?.data.audit === data.audit) return;
    const grew = from?.rec !== rec;
    from = { walk, data, rec };
    open.value = replayWalk(data, rec);
    if (grew && open.value) onPages(open.value);
    if (walk.chunkIds.length > rec.chunks.length) void grow();
  }

  /** Reads the chunks the model knows of and the recording lacks; one read at a time. */
  async function grow(): Promise<void> {
    if (growing) {
      again = true;
      return;
    }
    growing = true;
    try {
      do {
        again = false;
        const mine = rec;
        const walk = mine && findWalk(list.data.value, mine.walkId);
        if (!mine || !walk) return;
        const next = await growRecording(await db(), mine, walk.chunkIds);
        if (rec !== mine) return; // another walk was opened meanwhile
        rec = next;
        derive();
      } while (again);
    } finally {
      growing = false;
    }
  }

  return {
    open,
    /** Reads walk `id` (its audit's read model, then its recording); null when it does not exist. */
    async load(id: string, current: () => boolean): Promise<ReplayWalk | null> {
      const d = await db();
      const walk = await getWalk(d, id);
      if (!walk) return null;
      await list.show(walk.auditId);
      // Stored but not in the model held: a notice was missed (the page slept), so read it again.
      if (!findWalk(list.data.value, id)) await list.show(walk.auditId, true);
      const recording = await readRecording(d, id);
      if (!current()) return null;
      rec = recording;
      auditId = walk.auditId;
      from = null;
      const data = list.data.value;
      const w = replayWalk(data, recording);
      if (w && data) {
        const held = findWalk(data, id);
        if (held) from = { walk: held, data, rec: recording };
        if (held && held.chunkIds.length > recording.chunks.length) void grow();
      }
      return w;
    },
    close(): void {
      rec = null;
      from = null;
      open.value = null;
    },
    /** The read model changed: show what changed on the open walk. */
    follow: derive,
  };
}
