import type { Db } from '@/lib/db/open-db';
import { gzip } from '@/lib/codec/gzip';
import { saveOffsite } from '@/lib/db/offsite';
import { storeFlushed } from '@/lib/db/recording';
import { saveScore } from '@/lib/db/scores';
import { putSignal } from '@/lib/db/signals';
import { putScreenshot, putTag } from '@/lib/db/tags';
import { endWalk, putWalk } from '@/lib/db/walks';
import type { Walk } from '@/lib/model';
import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from './journey-samples';
import { batchOf, numberedEvents, pageStep, TAB } from './seed';

/** The stores that hold a walk's records, each indexed by walk. */
export const WALK_STORES = [
  'chunks',
  'recorders',
  'steps',
  'signals',
  'tags',
  'scores',
  'offsite',
  'screenshots',
] as const;

export const shotOf = (walkId: string, id = crypto.randomUUID()) => ({
  id,
  walkId,
  mime: 'image/png' as const,
  width: 10,
  height: 10,
  focus: { x: 0, y: 0, width: 10, height: 10 },
  blob: new Blob([new Uint8Array(1000)], { type: 'image/png' }),
  createdAt: 5_000,
});

/**
 * A walk of `seeded`'s audit with a record in every store: a flush (chunk, recorder mark, a visit
 * step and the touchpoint it reaches), a failed request, a tag with its screenshot, a screenshot no
 * tag holds (a cancelled form), a score and a phone call. Ended unless `recording`.
 */
export async function fullWalk(
  db: Db,
  seeded: { auditId: string; personaId: string },
  opts: { recording?: boolean; startedAt?: number } = {},
): Promise<{ walk: Walk; tagShotId: string; orphanShotId: string }> {
  const walk = await putWalk(db, {
    id: crypto.randomUUID(),
    auditId: seeded.auditId,
    personaId: seeded.personaId,
    auditorName: '',
    startUrl: 'https://ventura.example/',
    startedAt: opts.startedAt ?? 3_000,
    endedAt: null,
    status: 'recording',
    endReason: null,
    tabIds: [TAB],
    openTabIds: [TAB],
    eventCount: 0,
    storedBytes: 0,
    rawBytes: 0,
    outcome: null,
  });
  const recorderId = `rec-${walk.id}`;
  const flushed = await storeFlushed(
    db,
    batchOf(walk.id, 0, numberedEvents(0, 5), [pageStep(0, 'visit')], recorderId),
    TAB,
    gzip,
    4_000,
  );
  if (!flushed.result.ok) throw new Error('the flush was refused');
  await putSignal(db, {
    id: `req:${walk.id}:1`,
    walkId: walk.id,
    tabId: TAB,
    recorderId: null,
    at: 4_100,
    kind: 'request-failed',
    url: '/api',
    detail: '500 /api',
    durationMs: null,
  });
  const tagShot = await putScreenshot(db, shotOf(walk.id));
  const orphan = await putScreenshot(db, shotOf(walk.id));
  await putTag(db, {
    ...SAMPLE_FIELDS,
    id: crypto.randomUUID(),
    auditId: walk.auditId,
    walkId: walk.id,
    touchpointId: null,
    tabId: TAB,
    recorderId,
    url: 'https://ventura.example/quote.html',
    pageTitle: 'Quote',
    at: 4_200,
    anchor: SAMPLE_ANCHOR,
    target: null,
    screenshotId: tagShot.id,
    createdAt: 4_200,
    updatedAt: 4_200,
  });
  const touchpointId = String((await db.getAllKeysFromIndex('touchpoints', 'byAudit', walk.auditId))[0]);
  await saveScore(
    db,
    {
      auditId: walk.auditId,
      walkId: walk.id,
      touchpointId,
      url: 'https://ventura.example/quote.html',
      fields: { ces: 5, csat: 4, note: '' },
    },
    4_300,
  );
  await saveOffsite(db, walk, {
    channel: 'phone',
    touchpointName: 'Support line',
    summary: 'Called',
    requestedAt: 4_400,
    answeredAt: 4_500,
    reschedules: 0,
    transfers: 0,
    repeatedInfo: [],
    outcome: 'resolved',
    ces: 3,
    csat: 4,
    tone: { formality: 'formal', warmth: 'warm' },
    facts: [],
    note: '',
  });
  const stored = opts.recording ? walk : ((await endWalk(db, walk.id, 'auditor', 5_000)) as Walk);
  return { walk: stored, tagShotId: tagShot.id, orphanShotId: orphan.id };
}

/** How many records of walk `walkId` each store holds, and whether the walk itself is there. */
export async function walkRows(db: Db, walkId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = { walks: (await db.get('walks', walkId)) ? 1 : 0 };
  for (const name of WALK_STORES) out[name] = (await db.getAllKeysFromIndex(name, 'byWalk', walkId)).length;
  return out;
}
