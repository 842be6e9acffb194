import { type Change, OffsiteEvent, type OffsiteFields, Touchpoint } from '@/lib/model';
import { OFFSITE_STAGE } from '@/lib/touchpoints/stage';
import type { Db } from '@/lib/db/open-db';

/**
 * Adds (no `id`) or edits an event of another channel, in one transaction with its touchpoint:
 * the audit's off-site touchpoint of that name and channel, created when there is none.
 */
export async function saveOffsite(
  db: Db,
  walk: { id: string; auditId: string },
  fields: OffsiteFields,
  id?: string,
  now = Date.now(),
): Promise<{ event: OffsiteEvent; changes: Change[] }> {
  const tx = db.transaction(['touchpoints', 'offsite'], 'readwrite');
  const existing = id ? await tx.objectStore('offsite').get(id) : undefined;
  if (id && !existing) throw new Error('That event no longer exists.');
  if (existing && existing.walkId !== walk.id) throw new Error('That event belongs to another walk.');
  const changes: Change[] = [];
  const touchpoints = tx.objectStore('touchpoints');
  const all = (await touchpoints.index('byAudit').getAll(walk.auditId)).map((r) => Touchpoint.parse(r));
  const key = fields.touchpointName.trim().toLocaleLowerCase();
  let touchpoint = all.find(
    (t) => t.channel === fields.channel && t.patterns.length === 0 && t.name.toLocaleLowerCase() === key,
  );
  if (!touchpoint) {
    touchpoint = Touchpoint.parse({
      id: crypto.randomUUID(),
      auditId: walk.auditId,
      name: fields.touchpointName.trim(),
      channel: fields.channel,
      stage: OFFSITE_STAGE[fields.channel],
      stageGuessed: true,
      patterns: [],
      createdAt: now,
    });
    await touchpoints.put(touchpoint);
    changes.push({ store: 'touchpoints', op: 'put', value: touchpoint });
  }
  const event = OffsiteEvent.parse({
    ...fields,
    id: id ?? crypto.randomUUID(),
    auditId: walk.auditId,
    walkId: walk.id,
    touchpointId: touchpoint.id,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  await tx.objectStore('offsite').put(event);
  await tx.done;
  changes.push({ store: 'offsite', op: 'put', value: event });
  return { event, changes };
}

/** Deletes an event; answers it as it was (undefined when it was already gone). */
export async function deleteOffsite(db: Db, id: string): Promise<OffsiteEvent | undefined> {
  const tx = db.transaction('offsite', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.delete(id);
  await tx.done;
  return row ? OffsiteEvent.parse(row) : undefined;
}
