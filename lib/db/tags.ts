import { Screenshot, Tag, type TagFields } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

/** Tags and their screenshots. Every read is parsed: IndexedDB is a trust boundary too. */
export async function putTag(db: Db, tag: Tag): Promise<Tag> {
  const parsed = Tag.parse(tag);
  await db.put('tags', parsed);
  return parsed;
}

/** Changes what the auditor said of a tag; where it is pinned never changes. */
export async function updateTagFields(db: Db, id: string, fields: TagFields, now = Date.now()): Promise<Tag> {
  const tx = db.transaction('tags', 'readwrite');
  const row = await tx.store.get(id);
  if (!row) throw new Error('That tag no longer exists.');
  const next = Tag.parse({ ...row, ...fields, updatedAt: now });
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Deletes a tag and its screenshot together. */
export async function deleteTag(db: Db, id: string): Promise<Tag | undefined> {
  const tx = db.transaction(['tags', 'screenshots'], 'readwrite');
  const row = await tx.objectStore('tags').get(id);
  if (row) {
    await tx.objectStore('tags').delete(id);
    if (row.screenshotId) await tx.objectStore('screenshots').delete(row.screenshotId);
  }
  await tx.done;
  return row ? Tag.parse(row) : undefined;
}

export async function putScreenshot(db: Db, shot: Screenshot): Promise<Screenshot> {
  const parsed = Screenshot.parse(shot);
  await db.put('screenshots', parsed);
  return parsed;
}
