import type { Db } from '@/lib/db/open-db';
import { listTags } from '@/lib/read/tags';
import { listTouchpoints } from '@/lib/read/touchpoints';
import type { Audit, FlushBatch } from '@/lib/model';
import { createBatchPrivacy } from '@/lib/walk/private-batch';
import { createPageService } from '@/lib/worker/page-service';
import { batchOf, freshDb, pageStep, seedWalk, TAB } from '../support/seed';
import { SAMPLE_ANCHOR } from '../support/journey-samples';
import { heardChanges } from './support';

const fields = {
  categoryId: 'form-effort',
  severity: 3,
  effort: 2,
  emotion: -1,
  momentOfTruth: 'unexpected',
  aspect: 'interaction',
  resolution: { status: 'workaround', minutes: 4 },
  note: 'Asked twice',
} as const;

async function setup(maskAllText: boolean) {
  const db: Db = await freshDb();
  const seeded = await seedWalk(db);
  const audit: Audit = { ...seeded.audit, privacy: { ...seeded.audit.privacy, maskAllText } };
  await db.put('audits', audit);
  let n = 0;
  const pages = createPageService({
    db,
    now: () => 50_000 + n,
    ids: () => `id-${++n}`,
    capture: async () => {
      throw new Error('not here');
    },
    announce: heardChanges().announce,
  });
  return { db, walk: seeded.walk, pages };
}

const SECRET_TITLE = 'Your booking QX-7781 — Ventura';

describe('the worker applies "Mask all page text" where records arrive', () => {
  it('stores a tag without page title, target name or anchor text, on a touchpoint named from its URL', async () => {
    const { db, walk, pages } = await setup(true);
    const anchor = { ...SAMPLE_ANCHOR, name: 'QX-7781', text: { text: 'QX-7781', hash: '0badf00d' } };
    const tag = await pages.saveTag(TAB, {
      recorderId: 'rec-1',
      url: 'https://ventura.example/my-booking',
      pageTitle: SECRET_TITLE,
      at: 9_000,
      anchor,
      target: { kind: 'button', name: 'Cancel QX-7781' },
      screenshotId: null,
      fields,
    });
    expect(tag).toMatchObject({ pageTitle: '', target: { kind: 'button', name: '' } });
    expect(tag.anchor).toMatchObject({ name: '', text: { text: '' }, selector: SAMPLE_ANCHOR.selector });
    await pages.saveScore(TAB, 'https://ventura.example/checkout', SECRET_TITLE, { ces: 3, csat: null, note: '' });
    const stored = JSON.stringify([await listTags(db, walk.id), await listTouchpoints(db, walk.auditId)]);
    expect(stored).not.toContain('QX-7781');
    expect((await listTouchpoints(db, walk.auditId)).map((t) => t.name).sort()).toEqual(['Checkout', 'My booking']);
  });

  it('keeps titles and names when the audit does not ask for it', async () => {
    const { db, walk, pages } = await setup(false);
    await pages.resolve(TAB, 'https://ventura.example/my-booking', SECRET_TITLE);
    expect((await listTouchpoints(db, walk.auditId)).map((t) => t.name)).toEqual(['Your booking QX-7781']);
  });

  it('strips a flush’s step titles and target names, keeping their kinds', async () => {
    const masked = await setup(true);
    const step = { ...pageStep(0), title: SECRET_TITLE, target: { kind: 'link' as const, name: 'QX-7781' } };
    const batch: FlushBatch = batchOf(masked.walk.id, 0, [{ type: 3, timestamp: 1, data: {} }], [step]);
    const out = await createBatchPrivacy(masked.db)(batch);
    expect(out.steps).toEqual([{ ...step, title: '', target: { kind: 'link', name: '' } }]);
    const open = await setup(false);
    const kept = batchOf(open.walk.id, 0, [], [step]);
    expect(await createBatchPrivacy(open.db)(kept)).toBe(kept);
  });
});
