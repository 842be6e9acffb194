import type { Db } from '@/lib/db/open-db';
import { Screenshot, Tag } from '@/lib/model';

export async function getTag(db: Db, id: string): Promise<Tag | undefined> {
  const row = await db.get('tags', id);
  return row ? Tag.parse(row) : undefined;
}

/** A walk's tags in the order they were pinned. */
export async function listTags(db: Db, walkId: string): Promise<Tag[]> {
  const rows = await db.getAllFromIndex('tags', 'byWalk', walkId);
  return rows.map((r) => Tag.parse(r)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
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
