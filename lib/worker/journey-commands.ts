import { deleteOffsite, saveOffsite } from '@/lib/db/offsite';
import { deleteTag, updateTagFields } from '@/lib/db/tags';
import { editTouchpoint, mergeTouchpointsInDb, splitTouchpointInDb } from '@/lib/db/touchpoints';
import { setWalkOutcome } from '@/lib/db/walks';
import { getWalk } from '@/lib/read/walks';
import type { CommandDeps, SomeHandlers } from '@/lib/worker/commands';

type JourneyMessage =
  | 'touchpoint/edit'
  | 'touchpoint/merge'
  | 'touchpoint/split'
  | 'tag/edit'
  | 'tag/remove'
  | 'offsite/save'
  | 'offsite/delete'
  | 'walk/outcome';

/**
 * The panel's commands on a walk's journey: touchpoints, tags of any walk, off-site events and
 * the walk's outcome. Each answers its result, then announces what it committed. Deleting what
 * is already gone is no error: another panel may have deleted it a moment before.
 */
export function createJourneyCommands({ db, now, announce }: CommandDeps): SomeHandlers<JourneyMessage> {
  return {
    async 'touchpoint/edit'({ id, edit }) {
      const touchpoint = await editTouchpoint(db, id, edit);
      announce(touchpoint.auditId, [{ store: 'touchpoints', op: 'put', value: touchpoint }]);
      return touchpoint;
    },

    async 'touchpoint/merge'({ keepId, goneId }) {
      const { touchpoint, changes } = await mergeTouchpointsInDb(db, keepId, goneId);
      announce(touchpoint.auditId, changes);
      return touchpoint;
    },

    async 'touchpoint/split'({ id, pattern }) {
      const { split, changes } = await splitTouchpointInDb(db, id, pattern, now());
      if (split) announce(split.kept.auditId, changes);
      return split;
    },

    async 'tag/edit'({ id, fields }) {
      const tag = await updateTagFields(db, id, fields, now());
      announce(tag.auditId, [{ store: 'tags', op: 'put', value: tag }]);
      return tag;
    },

    /** Deletes a tag and its screenshot, in one commit. */
    async 'tag/remove'({ id }) {
      const gone = await deleteTag(db, id);
      if (gone) announce(gone.auditId, [{ store: 'tags', op: 'delete', id }]);
      return null;
    },

    async 'offsite/save'({ walkId, id, fields }) {
      const walk = await getWalk(db, walkId);
      if (!walk) throw new Error('That walk no longer exists.');
      const { event, changes } = await saveOffsite(db, walk, fields, id, now());
      announce(walk.auditId, changes);
      return event;
    },

    async 'offsite/delete'({ id }) {
      const gone = await deleteOffsite(db, id);
      if (gone) announce(gone.auditId, [{ store: 'offsite', op: 'delete', id }]);
      return null;
    },

    async 'walk/outcome'({ walkId, outcome }) {
      const walk = await setWalkOutcome(db, walkId, outcome);
      announce(walk.auditId, [{ store: 'walks', op: 'put', value: walk }]);
      return walk;
    },
  };
}
