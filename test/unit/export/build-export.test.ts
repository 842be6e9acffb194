import { createAudit } from '@/lib/db/audits';
import { storeFlush } from '@/lib/db/recording';
import { addStep, listSteps } from '@/lib/db/walks';
import { buildAuditExport, exportFileName, GENERATOR, parseAuditExport } from '@/lib/export/build-export';
import { AuditExport, EXPORT_SCHEMA_VERSION } from '@/lib/model';
import { fromBase64, gunzip, gzip } from '@/lib/record/compress';
import { walkEvents } from '../../fixtures/events/walk-events';
import { batchOf, freshDb, numberedEvents, pageStep, seedWalk, TAB } from '../support/seed';

const EXPORTED_AT = Date.UTC(2026, 10, 24, 9, 30);

/** An audit with a persona and one walk: two chunks from two page loads, page and tab steps. */
async function seeded() {
  const db = await freshDb();
  const seed = await seedWalk(db);
  const id = seed.walk.id;
  await storeFlush(db, batchOf(id, 0, walkEvents, [pageStep(0, 'visit'), pageStep(12, 'click')]), TAB, gzip, 60_000);
  await storeFlush(db, batchOf(id, 0, numberedEvents(0, 40), [pageStep(3, 'scroll')], 'rec-2'), TAB, gzip, 61_000);
  await addStep(db, {
    id: 'tab:8:tab-opened:62000',
    walkId: id,
    tabId: 8,
    recorderId: null,
    at: 62_000,
    kind: 'tab-opened',
    url: '',
    title: '',
    target: null,
  });
  return { db, ...seed };
}

describe('buildAuditExport', () => {
  it('exports the audit, its personas and walks with steps and chunks, and it parses', async () => {
    const { db, audit, persona, walk } = await seeded();
    const exp = await buildAuditExport(db, audit.id, EXPORTED_AT);
    expect(AuditExport.safeParse(exp).success).toBe(true);
    expect(exp).toMatchObject({ schemaVersion: EXPORT_SCHEMA_VERSION, generator: GENERATOR, exportedAt: EXPORTED_AT });
    expect(exp.audit).toEqual(audit);
    expect(exp.personas).toEqual([persona]);
    expect(exp.walks).toHaveLength(1);
    const [w] = exp.walks;
    expect(w?.id).toBe(walk.id);
    expect(w?.eventCount).toBe(walkEvents.length + 40);
    expect(w?.steps).toEqual(await listSteps(db, walk.id));
    expect(w?.steps.map((s) => s.kind)).toEqual(['visit', 'scroll', 'click', 'tab-opened']);
    expect(w?.chunks.map((c) => [c.recorderId, c.seqFrom, c.seqTo, c.encoding])).toEqual([
      ['rec-2', 0, 39, 'gzip-base64-json'],
      ['rec-1', 0, walkEvents.length - 1, 'gzip-base64-json'],
    ]);
    // Chunks leave their database keys behind.
    expect(Object.keys(w?.chunks[0] ?? {})).not.toContain('walkId');
    expect(Object.keys(w?.chunks[0] ?? {})).not.toContain('id');
  });

  it('round-trips through JSON text', async () => {
    const { db, audit } = await seeded();
    const exp = await buildAuditExport(db, audit.id, EXPORTED_AT);
    expect(parseAuditExport(JSON.stringify(exp))).toEqual(exp);
  });

  it('keeps the recorded events: base64, then gunzip, gives them back', async () => {
    const { db, audit } = await seeded();
    const exp = await buildAuditExport(db, audit.id, EXPORTED_AT);
    const chunk = exp.walks[0]?.chunks.find((c) => c.recorderId === 'rec-1');
    const text = await gunzip(fromBase64(chunk?.data ?? ''));
    expect(JSON.parse(text)).toEqual(walkEvents);
    expect(chunk?.rawBytes).toBe(new TextEncoder().encode(text).length);
  });

  it('exports an audit with no walks, and refuses one that does not exist', async () => {
    const db = await freshDb();
    const audit = await createAudit(db, { name: 'Empty', startUrl: 'https://ventura.example/' }, 5);
    const exp = await buildAuditExport(db, audit.id, EXPORTED_AT);
    expect(exp).toMatchObject({ personas: [], walks: [] });
    await expect(buildAuditExport(db, 'gone', EXPORTED_AT)).rejects.toThrow('That audit no longer exists.');
  });

  it('names the file after the audit and the day', async () => {
    const { db, audit } = await seeded();
    const exp = await buildAuditExport(db, audit.id, EXPORTED_AT);
    expect(exportFileName(exp)).toBe('touchpoint-ventura-viajes-2026-11-24.json');
    expect(exportFileName({ ...exp, audit: { ...exp.audit, name: '¡¡!!' } })).toBe('touchpoint-audit-2026-11-24.json');
  });
});

describe('parseAuditExport', () => {
  async function exportText(): Promise<string> {
    const { db, audit } = await seeded();
    return JSON.stringify(await buildAuditExport(db, audit.id, EXPORTED_AT));
  }

  it('rejects text that is not JSON', () => {
    expect(() => parseAuditExport('<html>nope</html>')).toThrow(
      'This file is not JSON: it is not a Touchpoint export.',
    );
    expect(() => parseAuditExport('')).toThrow(/not JSON/);
  });

  it('rejects an export from a newer Touchpoint, saying so', async () => {
    const json = JSON.parse(await exportText());
    json.schemaVersion = EXPORT_SCHEMA_VERSION + 1;
    expect(() => parseAuditExport(JSON.stringify(json))).toThrow(
      `This export was made by a newer Touchpoint (format ${EXPORT_SCHEMA_VERSION + 1}); update Touchpoint to open it.`,
    );
  });

  it('rejects a corrupted field, naming where it is', async () => {
    const json = JSON.parse(await exportText());
    json.walks[0].chunks[1].data = 'not base64!';
    expect(() => parseAuditExport(JSON.stringify(json))).toThrow(
      /^This is not a valid Touchpoint export: walks\.0\.chunks\.1\.data: /,
    );
    const again = JSON.parse(await exportText());
    again.walks[0].steps[0].kind = 'teleport';
    expect(() => parseAuditExport(JSON.stringify(again))).toThrow(/walks\.0\.steps\.0\.kind/);
  });

  it('rejects JSON that is not an export at all', () => {
    expect(() => parseAuditExport('null')).toThrow(/^This is not a valid Touchpoint export: file: /);
    expect(() => parseAuditExport('[1,2]')).toThrow(/^This is not a valid Touchpoint export/);
    expect(() => parseAuditExport('{"schemaVersion":1}')).toThrow(/^This is not a valid Touchpoint export: generator/);
  });
});
