import { parseImport } from '@/lib/import/parse';
import { createAudit } from '@/lib/db/audits';
import { addStep } from '@/lib/db/walks';
import { listSteps } from '@/lib/read/walks';
import { buildAuditExport, exportAuditData, exportFileName, GENERATOR } from '@/lib/export/build-export';
import { AuditExport, EXPORT_SCHEMA_VERSION } from '@/lib/model';
import type { Decision, PageFacts } from '@/lib/model/fact';
import { loadAudit } from '@/lib/read/audit-data';
import { fromBase64, gunzip, gzip } from '@/lib/codec/gzip';
import { walkEvents } from '../../fixtures/events/walk-events';
import { batchOf, freshDb, numberedEvents, pageStep, seedWalk, storeFlush, TAB } from '../support/seed';
import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from '../support/journey-samples';

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

/** The export file read back as an import reads it (lib/import/parse.ts), or why it was refused. */
function read(text: string) {
  const r = parseImport(text);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  return r;
}
const refusal = (text: string) => {
  const r = parseImport(text);
  return r.ok ? null : r.refusal;
};

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
    expect(read(JSON.stringify(exp)).file).toEqual(exp);
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

describe('reading an export back (lib/import)', () => {
  async function exportText(): Promise<string> {
    const { db, audit } = await seeded();
    return JSON.stringify(await buildAuditExport(db, audit.id, EXPORTED_AT));
  }

  it('rejects text that is not JSON', () => {
    expect(refusal('<html>nope</html>')).toEqual({ kind: 'not-json' });
    expect(refusal('')).toEqual({ kind: 'not-json' });
  });

  it('rejects an export from a newer Touchpoint, saying so', async () => {
    const json = JSON.parse(await exportText());
    json.schemaVersion = EXPORT_SCHEMA_VERSION + 1;
    expect(refusal(JSON.stringify(json))).toEqual({
      kind: 'newer-version',
      version: EXPORT_SCHEMA_VERSION + 1,
      supported: EXPORT_SCHEMA_VERSION,
    });
  });

  it('rejects a corrupted field, naming where it is', async () => {
    const json = JSON.parse(await exportText());
    json.walks[0].chunks[1].data = 'not base64!';
    expect(refusal(JSON.stringify(json))).toMatchObject({ kind: 'invalid', path: 'walks[0].chunks[1].data' });
    const again = JSON.parse(await exportText());
    again.walks[0].steps[0].kind = 'teleport';
    expect(refusal(JSON.stringify(again))).toMatchObject({ kind: 'invalid', path: 'walks[0].steps[0].kind' });
  });

  it('rejects JSON that is not an export at all', () => {
    expect(refusal('null')).toEqual({ kind: 'not-export' });
    expect(refusal('[1,2]')).toEqual({ kind: 'not-export' });
    expect(refusal('{"schemaVersion":1}')).toEqual({ kind: 'not-export' });
  });
});

describe('the journey in the export (format 2)', () => {
  it('holds touchpoints, tags with anchors and screenshots, scores, off-site events, signals and KPIs', async () => {
    const { db, audit, walk } = await seeded();
    const { createPageService } = await import('@/lib/worker/page-service');
    const { saveOffsite } = await import('@/lib/db/offsite');
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const journey = createPageService({
      db,
      now: () => 70_000,
      ids: () => crypto.randomUUID(),
      capture: async () => ({
        blob: new Blob([png], { type: 'image/png' }),
        mime: 'image/png',
        width: 8,
        height: 1,
        focus: { x: 1, y: 0, width: 2, height: 1 },
      }),
      announce: () => undefined,
    });
    const shot = await journey.capture(TAB, { x: 0, y: 0, width: 1, height: 1 }, { width: 10, height: 10 });
    const anchor = SAMPLE_ANCHOR;
    const tag = await journey.saveTag(TAB, {
      recorderId: 'rec-1',
      url: 'https://ventura.example/quote.html',
      pageTitle: 'Quote',
      at: 65_000,
      anchor,
      target: 'button "Send"',
      screenshotId: shot.screenshotId,
      fields: { ...SAMPLE_FIELDS, severity: 4, effort: 1, emotion: -2, note: 'Send does nothing' },
    });
    await journey.saveScore(TAB, 'https://ventura.example/quote.html', 'Quote', { ces: 2, csat: 1, note: '' });
    const { event: call } = await saveOffsite(db, walk, {
      channel: 'phone',
      touchpointName: 'Support line',
      summary: 'Called to confirm the quote',
      requestedAt: 66_000,
      answeredAt: 126_000,
      reschedules: 1,
      transfers: 2,
      repeatedInfo: ['booking number'],
      outcome: 'resolved',
      ces: 3,
      csat: 4,
      tone: { formality: 'formal', warmth: 'cold' },
      facts: [{ kind: 'price', subject: 'Lisbon', value: '519 €' }],
      note: '',
    });

    const exp = await buildAuditExport(db, audit.id, EXPORTED_AT);
    expect(exp.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(exp.touchpoints.map((t) => t.name).sort()).toEqual(['Quote', 'Support line']);
    const [w] = exp.walks;
    expect(w?.tags).toHaveLength(1);
    expect(w?.tags[0]).toMatchObject({ id: tag.id, anchor, note: 'Send does nothing' });
    expect(w?.tags[0]?.screenshot).toMatchObject({ mime: 'image/png', width: 8, height: 1, encoding: 'base64' });
    expect(fromBase64(w?.tags[0]?.screenshot?.data ?? '')).toEqual(png);
    expect(w?.scores.map((s) => [s.ces, s.csat])).toEqual([[2, 1]]);
    expect(w?.offsite).toEqual([call]);
    const phone = w?.kpis.find((k) => k.touchpointId === call.touchpointId);
    expect(phone).toMatchObject({ timeMs: 60_000, reschedules: 1, transfers: 2, meanCes: 3 });
    expect(w?.kpis.find((k) => k.touchpointId === tag.touchpointId)).toMatchObject({
      tags: 1,
      tagsBySeverity: [0, 0, 0, 0, 1],
    });
    // And it reads back whole.
    expect(read(JSON.stringify(exp)).file).toEqual(exp);
  });

  it('still reads a format 1 file, with the journey empty', async () => {
    const { db, audit } = await seeded();
    const v2 = JSON.parse(JSON.stringify(await buildAuditExport(db, audit.id, EXPORTED_AT)));
    const { touchpoints: _t, ...v1 } = { ...v2, schemaVersion: 1 };
    v1.audit = { ...v1.audit };
    delete v1.audit.categories;
    v1.walks = v2.walks.map(
      ({
        tags: _a,
        scores: _b,
        offsite: _c,
        signals: _d,
        kpis: _e,
        outcome: _f,
        facts: _g,
        ...w
      }: Record<string, unknown>) => w,
    );
    delete v1.decisions;
    delete v1.divergences;
    const { file, migratedFrom } = read(JSON.stringify(v1));
    expect(migratedFrom).toBe(1);
    expect(file.touchpoints).toEqual([]);
    expect(file.walks[0]).toMatchObject({ tags: [], scores: [], offsite: [], signals: [], kpis: [], outcome: null });
    expect(file.audit.categories.length).toBe(10);
  });
});

describe('consistency in the export (format 3)', () => {
  const facts = (walkId: string, auditId: string, recorderId: string, url: string, phone: string): PageFacts => ({
    id: `${walkId}:${recorderId}`,
    auditId,
    walkId,
    recorderId,
    tabId: TAB,
    touchpointId: null,
    url,
    title: 'Contacto',
    at: 61_000,
    version: 1,
    facts: [{ kind: 'phone', value: phone, raw: phone, source: 'text', context: '', label: '', anchor: SAMPLE_ANCHOR }],
    failed: [],
    unreadable: [],
    extractedAt: 80_000,
  });

  async function withFacts() {
    const { db, audit, walk } = await seeded();
    const data = await loadAudit(db, audit.id);
    if (!data?.walks[0]) throw new Error('seeded audit has no walk');
    data.walks[0].facts = [
      facts(walk.id, audit.id, 'rec-1', 'https://ventura.example/', '+34910000001'),
      facts(walk.id, audit.id, 'rec-2', 'https://ventura.example/contacto?email=ana@mail.example', '+34910000002'),
      facts(walk.id, audit.id, 'rec-3', 'https://ventura.example/viajes', '+34910000001'),
    ];
    const decision: Decision = {
      id: `${audit.id}:k`,
      auditId: audit.id,
      key: 'k',
      kind: 'phone',
      status: 'dismissed',
      tagId: null,
      decidedAt: 90_000,
    };
    data.decisions = [decision];
    return { db, data, decision };
  }

  it('holds each walk’s facts, the decisions and the divergences, URLs through the walk’s policy', async () => {
    const { db, data, decision } = await withFacts();
    const exp = await exportAuditData(db, data, EXPORTED_AT);
    expect(exp.schemaVersion).toBe(4);
    expect(exp.walks[0]?.facts.map((f) => f.url)).toEqual([
      'https://ventura.example/',
      'https://ventura.example/contacto?email=*',
      'https://ventura.example/viajes',
    ]);
    expect(exp.decisions).toEqual([decision]);
    expect(exp.divergences).toHaveLength(1);
    const [d] = exp.divergences;
    expect(d).toMatchObject({ kind: 'phone', baseline: '+34910000001', reason: 'across-places' });
    const places = d?.values.flatMap((v) => v.places.map((p) => p.type === 'page' && p.url));
    expect(places).toEqual([
      'https://ventura.example/',
      'https://ventura.example/viajes',
      'https://ventura.example/contacto?email=*',
    ]);
    expect(JSON.stringify(exp)).not.toContain('ana@mail.example');
    expect(read(JSON.stringify(exp)).file).toEqual(exp);
  });

  it('still reads a format 2 file, with facts, decisions and divergences empty', async () => {
    const { db, data } = await withFacts();
    const v3 = JSON.parse(JSON.stringify(await exportAuditData(db, data, EXPORTED_AT)));
    const { decisions: _d, divergences: _v, ...v2 } = { ...v3, schemaVersion: 2 };
    v2.walks = v3.walks.map(({ facts: _f, ...w }: Record<string, unknown>) => w);
    const { file, migratedFrom } = read(JSON.stringify(v2));
    expect(migratedFrom).toBe(2);
    expect(file.decisions).toEqual([]);
    expect(file.divergences).toEqual([]);
    expect(file.walks[0]?.facts).toEqual([]);
    expect(file.walks[0]?.steps).toEqual(v3.walks[0].steps);
  });

  it('refuses a divergence that is not one (a single value)', async () => {
    const { db, data } = await withFacts();
    const json = JSON.parse(JSON.stringify(await exportAuditData(db, data, EXPORTED_AT)));
    json.divergences[0].values = json.divergences[0].values.slice(0, 1);
    expect(refusal(JSON.stringify(json))).toMatchObject({
      kind: 'invalid',
      path: expect.stringMatching(/^divergences\[0\]\.values/),
    });
  });
});
