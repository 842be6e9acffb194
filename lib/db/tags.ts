import { Screenshot, Tag, type TagFields } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

/** Tags and their screenshots. Every read is parsed: IndexedDB is a trust boundary too. */
export async function putTag(db: Db, tag: Tag): Promise<Tag> {
  const parsed = Tag.parse(tag);
  await db.put('tags', parsed);
  return parsed;
}

export async function getTag(db: Db, id: string): Promise<Tag | undefined> {
  const row = await db.get('tags', id);
  return row ? Tag.parse(row) : undefined;
}

/** A walk's tags in the order they were pinned. */
export async function listTags(db: Db, walkId: string): Promise<Tag[]> {
  const rows = await db.getAllFromIndex('tags', 'byWalk', walkId);
  return rows.map((r) => Tag.parse(r)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
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

export async function getScreenshot(db: Db, id: string): Promise<Screenshot | undefined> {
  const row = await db.get('screenshots', id);
  return row ? Screenshot.parse(row) : undefined;
}

/** The URL a tag's page is known by: fragments name places in one page, not other pages. */
export function pageKey(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}
