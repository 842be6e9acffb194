import type { Db } from '@/lib/db/open-db';
import { buildAuditExport } from '@/lib/export/build-export';
import { putPageFacts } from '@/lib/db/facts';
import { sendImport } from '@/lib/import/send-import';
import type { ImportResult } from '@/lib/model/import';
import { loadAudit } from '@/lib/read/audit-data';
import { freshDb } from '../support/seed';
import { SAMPLE_ANCHOR } from '../support/journey-samples';
import { dump, EXPORTED_AT, exportText, importWorker, seedAudit, walkBy } from './support';

async function importInto(db: Db, text: string): Promise<ImportResult> {
  return sendImport(importWorker(db).send, text, crypto.randomUUID());
}

/** The first auditor's machine: an audit with one walk holding a record of every kind. */
async function firstAuditor() {
  const db = await freshDb();
  const seeded = await seedAudit(db);
  const walk = await walkBy(db, seeded, 'Sam', ['https://ventura.example/', 'https://ventura.example/quote.html']);
  const load = (await db.getAllFromIndex('chunks', 'byWalk', walk.id))[0];
  if (!load) throw new Error('no chunk');
  await putPageFacts(db, {
    id: `${walk.id}:${load.recorderId}`,
    auditId: seeded.audit.id,
    walkId: walk.id,
    recorderId: load.recorderId,
    tabId: 7,
    touchpointId: null,
    url: 'https://ventura.example/',
    title: 'Home',
    at: 11_000,
    version: 1,
    facts: [
      {
        kind: 'phone',
        value: '+34910000001',
        raw: '910 000 001',
        source: 'text',
        context: '',
        label: '',
        anchor: SAMPLE_ANCHOR,
      },
    ],
    failed: [],
    unreadable: [],
    extractedAt: 20_000,
  });
  await db.put('decisions', {
    id: `${seeded.audit.id}:phone|x`,
    auditId: seeded.audit.id,
    key: 'phone|x',
    kind: 'phone',
    status: 'dismissed',
    tagId: null,
    decidedAt: 30_000,
  });
  return { db, ...seeded, walk };
}

describe('import', () => {
  it('export, import into an empty database, export again: the same bytes', async () => {
    const { db, audit } = await firstAuditor();
    const text = await exportText(db, audit.id);
    const file = JSON.parse(text);
    expect(file.walks[0].tags[0].screenshot).not.toBeNull();
    expect(file.walks[0].facts).toHaveLength(1);
    expect(file.decisions).toHaveLength(1);
    expect(file.touchpoints.length).toBeGreaterThanOrEqual(3);

    const empty = await freshDb();
    const result = await importInto(empty, text);
    expect(result).toMatchObject({ ok: true, summary: { newAudit: true, unchanged: false, auditors: ['Sam'] } });
    expect(await exportText(empty, audit.id)).toBe(text);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const { db, audit } = await firstAuditor();
    const text = await exportText(db, audit.id);
    const other = await freshDb();
    await importInto(other, text);
    const before = await dump(other);
    const again = await importInto(other, text);
    expect(again).toMatchObject({ ok: true, summary: { unchanged: true, newAudit: false } });
    expect(again.ok && Object.values(again.summary.added).every((n) => n === 0)).toBe(true);
    expect(await dump(other)).toBe(before);
    // And the file into the database it came from adds nothing either.
    const home = await dump(db);
    expect(await importInto(db, text)).toMatchObject({ ok: true, summary: { unchanged: true } });
    expect(await dump(db)).toBe(home);
  });

  it('merges a second auditor’s file of the same audit: both walks, touchpoints matched', async () => {
    // Sam creates the audit and shares it before walking; Ana imports it and walks on her machine.
    const sam = await freshDb();
    const seeded = await seedAudit(sam);
    const shared = await exportText(sam, seeded.audit.id);
    const ana = await freshDb();
    expect(await importInto(ana, shared)).toMatchObject({ ok: true });
    await walkBy(sam, seeded, 'Sam', ['https://ventura.example/', 'https://ventura.example/quote.html']);
    const anaWalk = await walkBy(ana, seeded, 'Ana', ['https://ventura.example/', 'https://ventura.example/contact'], {
      startedAt: 8_000,
      phoneName: 'support LINE',
      severity: 4,
    });
    const samTps = await sam.getAllFromIndex('touchpoints', 'byAudit', seeded.audit.id);
    const anaTps = await ana.getAllFromIndex('touchpoints', 'byAudit', seeded.audit.id);
    // Made on two machines: the same pages have touchpoints of different ids.
    expect(anaTps.some((t) => samTps.some((s) => s.id === t.id))).toBe(false);

    const anaFile = await exportText(ana, seeded.audit.id);
    const { notices, send } = importWorker(sam);
    const result = await sendImport(send, anaFile, 'session-1');
    expect(result).toMatchObject({
      ok: true,
      summary: { newAudit: false, matchedTouchpoints: 2, auditors: ['Ana'], added: { walks: 1, touchpoints: 1 } },
    });

    const data = await loadAudit(sam, seeded.audit.id);
    if (!data) throw new Error('audit gone');
    expect(data.walks.map((w) => w.walk.auditorName)).toEqual(['Sam', 'Ana']);
    // Home and the phone line are one touchpoint each; quote (Sam's) and contact (Ana's) are theirs.
    expect(data.touchpoints.map((t) => t.patterns[0] ?? t.name).sort()).toEqual([
      'Support line',
      'ventura.example/',
      'ventura.example/contact',
      'ventura.example/quote.html',
    ]);
    const ids = new Set(data.touchpoints.map((t) => t.id));
    const anaData = data.walks.find((w) => w.walk.id === anaWalk.id);
    if (!anaData) throw new Error('Ana’s walk is missing');
    const home = data.touchpoints.find((t) => t.patterns[0] === 'ventura.example/');
    expect(anaData.tags[0]?.touchpointId).toBe(home?.id);
    expect(anaData.scores[0]).toMatchObject({ touchpointId: home?.id, id: `${anaWalk.id}:${home?.id}` });
    expect(anaData.offsite[0]?.touchpointId).toBe(data.touchpoints.find((t) => t.name === 'Support line')?.id);
    for (const w of data.walks)
      for (const x of [...w.tags, ...w.scores, ...w.offsite]) expect(ids.has(x.touchpointId ?? '')).toBe(true);
    expect(anaData.chunkIds).toHaveLength(2);
    // Provenance: each tag's and score's auditor is its walk's.
    const auditorOf = (walkId: string) => data.walks.find((w) => w.walk.id === walkId)?.walk.auditorName;
    expect(anaData.tags.map((t) => auditorOf(t.walkId))).toEqual(['Ana']);
    // The panel hears it: Ana's walk is announced before its records.
    const changes = notices.flatMap((n) => n.changes);
    const walkAt = changes.findIndex((c) => c.store === 'walks' && c.op === 'put' && c.value.id === anaWalk.id);
    const tagAt = changes.findIndex((c) => c.store === 'tags');
    expect(walkAt).toBeGreaterThanOrEqual(0);
    expect(tagAt).toBeGreaterThan(walkAt);
    expect(changes.some((c) => c.store === 'chunks' && c.walkId === anaWalk.id && c.ids.length === 2)).toBe(true);

    // Ana's file again changes nothing; the merged audit exports both auditors.
    const before = await dump(sam);
    expect(await importInto(sam, anaFile)).toMatchObject({ ok: true, summary: { unchanged: true } });
    expect(await dump(sam)).toBe(before);
    const merged = await buildAuditExport(sam, seeded.audit.id, EXPORTED_AT);
    expect(merged.walks.map((w) => w.auditorName)).toEqual(['Sam', 'Ana']);
  });

  it('stores a walk that was still recording when its file was written as ended, with no open tab', async () => {
    const { db, audit, walk } = await firstAuditor();
    const file = JSON.parse(await exportText(db, audit.id));
    file.walks[0] = { ...file.walks[0], status: 'recording', endedAt: null, endReason: null, openTabIds: [7] };
    const empty = await freshDb();
    expect(await importInto(empty, JSON.stringify(file))).toMatchObject({ ok: true });
    const stored = await empty.get('walks', walk.id);
    const last = Math.max(
      ...file.walks[0].chunks.map((c: { lastTs: number }) => c.lastTs),
      ...file.walks[0].steps.map((s: { at: number }) => s.at),
    );
    expect(stored).toMatchObject({ status: 'ended', openTabIds: [], endedAt: last, auditorName: 'Sam' });
  });

  it('keeps a local decision when the file decided the same divergence otherwise', async () => {
    const { db, audit } = await firstAuditor();
    const file = JSON.parse(await exportText(db, audit.id));
    const local = file.decisions[0];
    file.decisions[0] = { ...local, status: 'confirmed', decidedAt: 99_000 };
    file.decisions.push({ ...local, id: `${audit.id}:email|y`, key: 'email|y', kind: 'email' });
    const result = await importInto(db, JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, summary: { added: { decisions: 1 } } });
    expect(await db.get('decisions', local.id)).toMatchObject({ status: 'dismissed', decidedAt: 30_000 });
  });
});
