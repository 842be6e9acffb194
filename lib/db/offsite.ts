import { OffsiteEvent, type OffsiteFields } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';
import { offsiteTouchpoint } from '@/lib/db/touchpoints';

/** Adds (no `id`) or edits an event of another channel; its touchpoint is found or made by name. */
export async function saveOffsite(
  db: Db,
  walk: { id: string; auditId: string },
  fields: OffsiteFields,
  id?: string,
  now = Date.now(),
): Promise<OffsiteEvent> {
  const touchpoint = await offsiteTouchpoint(db, walk.auditId, fields.touchpointName, fields.channel, now);
  const existing = id ? await db.get('offsite', id) : undefined;
  if (id && !existing) throw new Error('That event no longer exists.');
  const event = OffsiteEvent.parse({
    ...fields,
    id: id ?? crypto.randomUUID(),
    auditId: walk.auditId,
    walkId: walk.id,
    touchpointId: touchpoint.id,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  await db.put('offsite', event);
  return event;
}

export async function deleteOffsite(db: Db, id: string): Promise<void> {
  await db.delete('offsite', id);
}
