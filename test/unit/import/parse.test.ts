import { migrate } from '@/lib/import/migrate';
import { parseImport, readImport } from '@/lib/import/parse';
import { sliceText } from '@/lib/import/send-import';
import { formatPath } from '@/lib/import/issue';
import { EXPORT_SCHEMA_VERSION, OLDEST_SCHEMA_VERSION } from '@/lib/model/export';
import { MAX_IMPORT_BYTES } from '@/lib/model/import';
import { freshDb } from '../support/seed';
import { exportText, seedAudit, walkBy } from './support';

async function sample(walks = 1) {
  const db = await freshDb();
  const seeded = await seedAudit(db);
  for (let i = 0; i < walks; i++)
    await walkBy(db, seeded, 'Sam', ['https://ventura.example/'], { startedAt: 3_000 + i * 10_000 });
  return exportText(db, seeded.audit.id);
}

/** The file as format 2 wrote it: no facts, decisions or divergences. */
function asV2(text: string) {
  const { decisions: _d, divergences: _v, ...v2 } = { ...JSON.parse(text), schemaVersion: 2 };
  v2.walks = v2.walks.map(({ facts: _f, ...w }: Record<string, unknown>) => w);
  return v2;
}
/** …and as format 1: no journey either (touchpoints, tags, scores, off-site, signals, KPIs, outcome, categories). */
function asV1(text: string) {
  const { touchpoints: _t, ...v1 } = { ...asV2(text), schemaVersion: 1 };
  v1.audit = { ...v1.audit };
  delete v1.audit.categories;
  v1.walks = v1.walks.map(
    ({ tags: _a, scores: _b, offsite: _c, signals: _d, kpis: _e, outcome: _f, ...w }: Record<string, unknown>) => w,
  );
  return v1;
}

describe('parseImport', () => {
  it('reads a current file as it is, and says it was not migrated', async () => {
    const text = await sample();
    expect(parseImport(text)).toEqual({ ok: true, file: JSON.parse(text), migratedFrom: null });
  });

  it('reads formats 1 and 2 through their migration, with the newer parts empty', async () => {
    const text = await sample();
    const v2 = parseImport(JSON.stringify(asV2(text)));
    expect(v2).toMatchObject({
      ok: true,
      migratedFrom: 2,
      file: { schemaVersion: EXPORT_SCHEMA_VERSION, decisions: [], divergences: [] },
    });
    expect(v2.ok && v2.file.walks[0]?.facts).toEqual([]);
    expect(v2.ok && v2.file.walks[0]?.tags).toHaveLength(1);
    const v1 = parseImport(JSON.stringify(asV1(text)));
    expect(v1).toMatchObject({ ok: true, migratedFrom: 1, file: { touchpoints: [] } });
    if (!v1.ok) throw new Error('format 1 refused');
    expect(v1.file.walks[0]).toMatchObject({
      tags: [],
      scores: [],
      offsite: [],
      signals: [],
      kpis: [],
      facts: [],
      outcome: null,
    });
    expect(v1.file.audit.categories).toHaveLength(10);
    expect(v1.file.walks[0]?.steps).toEqual(JSON.parse(text).walks[0].steps);
  });

  it('has a migration step for every format after the oldest, each adding only what is absent', () => {
    const file = migrate({ audit: {}, walks: [{}] }, OLDEST_SCHEMA_VERSION);
    expect(file).toMatchObject({
      schemaVersion: EXPORT_SCHEMA_VERSION,
      touchpoints: [],
      decisions: [],
      divergences: [],
    });
    expect(Object.keys((file.walks as object[])[0] ?? {}).sort()).toEqual(
      ['assets', 'facts', 'kpis', 'offsite', 'outcome', 'scores', 'signals', 'tags'].sort(),
    );
    // A key present, even wrong, is the schema's to judge: the refusal then names it.
    expect(migrate({ touchpoints: 'nope' }, 1).touchpoints).toBe('nope');
  });

  it('refuses a newer format, saying which this build reads', async () => {
    const json = JSON.parse(await sample());
    json.schemaVersion = EXPORT_SCHEMA_VERSION + 1;
    expect(parseImport(JSON.stringify(json))).toEqual({
      ok: false,
      refusal: { kind: 'newer-version', version: EXPORT_SCHEMA_VERSION + 1, supported: EXPORT_SCHEMA_VERSION },
    });
  });

  it('refuses a file over the size bound without reading it', () => {
    const text = ' '.repeat(MAX_IMPORT_BYTES + 1);
    expect(parseImport(text)).toEqual({
      ok: false,
      refusal: { kind: 'too-large', size: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES },
    });
  });

  it('names the first bad field by its path, in file order', async () => {
    const json = JSON.parse(await sample(2));
    json.walks[1].steps[0].kind = 'teleport';
    json.walks[0].tags[0].severity = 'high';
    json.decisions = 'none';
    expect(parseImport(JSON.stringify(json))).toEqual({
      ok: false,
      refusal: { kind: 'invalid', path: 'walks[0].tags[0].severity', issue: 'type' },
    });
  });

  it('reads a file with a byte order mark', async () => {
    expect(parseImport(`\ufeff${await sample()}`)).toMatchObject({ ok: true });
  });

  it('writes paths as people read them', () => {
    expect(formatPath(['walks', 0, 'tags', 3, 'severity'])).toBe('walks[0].tags[3].severity');
    expect(formatPath([])).toBe('');
  });
});

describe('readImport', () => {
  it('gives the event loop a turn between walks, saying how far it is, and reads as parseImport', async () => {
    const text = await sample(3);
    let pauses = 0;
    const seen: string[] = [];
    const read = await readImport(text, {
      pause: async () => {
        pauses++;
      },
      progress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`),
    });
    expect(read).toEqual(parseImport(text));
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(seen).toEqual(['reading 0/0', 'checking 1/3', 'checking 2/3', 'checking 3/3']);
  });
});

describe('sliceText', () => {
  it('cuts text in slices that join back to it, never inside a surrogate pair', () => {
    const text = 'ab😀cd😀😀e';
    for (let size = 1; size <= text.length; size++) {
      const slices = sliceText(text, size);
      expect(slices.join('')).toBe(text);
      for (const s of slices) {
        expect(s.length).toBeLessThanOrEqual(Math.max(size, 2));
        expect(s.isWellFormed()).toBe(true);
      }
    }
    expect(sliceText('')).toEqual(['']);
  });
});
