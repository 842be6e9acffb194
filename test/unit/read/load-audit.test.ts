import { openTouchpointDb } from '@/lib/db/open-db';
import { putTag } from '@/lib/db/tags';
import { addStep } from '@/lib/db/walks';
import type { DataChanged } from '@/lib/model';
import { createAuditFeed } from '@/lib/read/audit-feed';
import { type AuditData, findWalk, loadAudit } from '@/lib/read/audit-data';
import { DbNotReadyError, openReadDb } from '@/lib/read/open-read-db';
import { gzip } from '@/lib/codec/gzip';
import { batchOf, freshDb, numberedEvents, pageStep, seedWalk, storeFlush, TAB } from '../support/seed';
import { step, tag } from './samples';

describe('loadAudit', () => {
  it('reads an audit as a whole: personas, touchpoints, walks with steps, tags and chunk ids', async () => {
    const db = await freshDb();
    const { audit, persona, walk } = await seedWalk(db);
    await storeFlush(db, batchOf(walk.id, 0, numberedEvents(0, 5), [pageStep(0, 'visit')]), TAB, gzip, 60_000);
    const data = await loadAudit(db, audit.id);
    expect(data?.audit).toEqual(audit);
    expect(data?.personas).toEqual([persona]);
    const w = findWalk(data, walk.id);
    expect(w?.steps.map((s) => s.kind)).toEqual(['visit']);
    expect(w?.chunkIds).toHaveLength(1);
    expect(await loadAudit(db, 'no-such-audit')).toBeNull();
  });
});

describe('openReadDb', () => {
  it('asks the worker first, then opens the database it made without upgrading it', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const order: string[] = [];
    const db = await openReadDb(async () => {
      order.push('ready');
      (await openTouchpointDb(name)).close();
    }, name);
    order.push('open');
    expect(order).toEqual(['ready', 'open']);
    expect([...db.objectStoreNames]).toContain('tags');
    db.close();
  });

  it('refuses to create or upgrade the database, with a clear error, and leaves nothing behind', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await expect(openReadDb(async () => null, name)).rejects.toThrow(DbNotReadyError);
    await expect(openReadDb(async () => null, name)).rejects.toThrow(/version 0, this page needs \d+/);
    // The worker still finds no half-made stores and upgrades from scratch.
    const db = await openTouchpointDb(name);
    expect([...db.objectStoreNames]).toContain('audits');
    db.close();
  });
});

describe('createAuditFeed', () => {
  it('applies notices heard while the audit was being read, once it is read', async () => {
    const db = await freshDb();
    const { audit, walk } = await seedWalk(db);
    const seen: (AuditData | null)[] = [];
    const feed = createAuditFeed(db, (d) => seen.push(d));
    const late = step('late', walk.id, 9_000);
    const loading = feed.show(audit.id);
    // The worker commits and announces while the page is still reading.
    await addStep(db, late);
    const notice: DataChanged = { auditId: audit.id, changes: [{ store: 'steps', op: 'put', value: late }] };
    feed.apply(notice);
    await loading;
    expect(findWalk(feed.data, walk.id)?.steps.map((s) => s.id)).toEqual(['late']);
    expect(seen).toHaveLength(1);

    const pinned = await putTag(db, tag('t1', walk.id, 9_500, { auditId: audit.id }));
    feed.apply({ auditId: audit.id, changes: [{ store: 'tags', op: 'put', value: pinned }] });
    expect(findWalk(feed.data, walk.id)?.tags.map((t) => t.id)).toEqual(['t1']);
    feed.apply({ auditId: 'another', changes: [{ store: 'tags', op: 'delete', id: 't1' }] });
    expect(seen).toHaveLength(2);
  });
});
