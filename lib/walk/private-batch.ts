import type { Db } from '@/lib/db/open-db';
import type { FlushBatch } from '@/lib/model';
import { getAudit } from '@/lib/read/audits';
import { getWalk } from '@/lib/read/walks';
import { textlessTarget } from '@/lib/record/privacy';

/**
 * The audit's "Mask all page text" applied again to a flush's steps where it arrives: the
 * recorder leaves titles and target names out already, and a page must not be able to send them
 * back in. An audit's privacy options are fixed when it is created, so each walk's is read once.
 */
export function createBatchPrivacy(db: Db) {
  const masked = new Map<string, boolean>();
  async function masksText(walkId: string): Promise<boolean> {
    let hide = masked.get(walkId);
    if (hide === undefined) {
      const walk = await getWalk(db, walkId);
      if (!walk) return false; // no walk: storeFlushed refuses the batch
      hide = (await getAudit(db, walk.auditId))?.privacy.maskAllText ?? false;
      masked.set(walkId, hide);
    }
    return hide;
  }
  const apply = async (batch: FlushBatch): Promise<FlushBatch> => {
    if (!(await masksText(batch.walkId))) return batch;
    return { ...batch, steps: batch.steps.map((s) => ({ ...s, title: '', target: textlessTarget(s.target) })) };
  };
  // The walk's option itself, for what the worker reads from the page (lib/walk/structured-data.ts).
  return Object.assign(apply, { masksText });
}
