import { PageSignal } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

/** Stores a signal the worker saw itself (a failed request); the page's own come with flushes. */
export async function putSignal(db: Db, signal: PageSignal): Promise<PageSignal> {
  const parsed = PageSignal.parse(signal);
  await db.put('signals', parsed);
  return parsed;
}
