import type { StoreNames } from 'idb';
import { migrations } from '@/lib/db/migrations';
import { type Db, openTouchpointDb } from '@/lib/db/open-db';
import { DB_VERSION, type TouchpointDB } from '@/lib/db/schema';
import { SAMPLE_ANCHOR } from '../support/journey-samples';

type Store = StoreNames<TouchpointDB>;
interface StoreShape {
  keyPath: string;
  indexes: Record<string, string>;
}

/**
 * The stores and indexes each version must have, as committed. Migrations are append-only: if a
 * landed migration is edited, its row here stops matching; a new migration needs a new row.
 */
const V1: Partial<Record<Store, StoreShape>> = {
  audits: { keyPath: 'id', indexes: {} },
  personas: { keyPath: 'id', indexes: { byAudit: 'auditId' } },
  walks: { keyPath: 'id', indexes: { byAudit: 'auditId', byStatus: 'status' } },
};
const V2: Partial<Record<Store, StoreShape>> = {
  ...V1,
  chunks: { keyPath: 'id', indexes: { byWalk: 'walkId' } },
  recorders: { keyPath: 'recorderId', indexes: { byWalk: 'walkId' } },
  steps: { keyPath: 'id', indexes: { byWalk: 'walkId' } },
};
const byWalkAndAudit = { byWalk: 'walkId', byAudit: 'auditId' };
const V3: Partial<Record<Store, StoreShape>> = {
  ...V2,
  touchpoints: { keyPath: 'id', indexes: { byAudit: 'auditId' } },
  tags: { keyPath: 'id', indexes: byWalkAndAudit },
  scores: { keyPath: 'id', indexes: byWalkAndAudit },
  offsite: { keyPath: 'id', indexes: byWalkAndAudit },
  screenshots: { keyPath: 'id', indexes: { byWalk: 'walkId' } },
  signals: { keyPath: 'id', indexes: { byWalk: 'walkId' } },
};
const V4: Partial<Record<Store, StoreShape>> = {
  ...V3,
  facts: { keyPath: 'id', indexes: byWalkAndAudit },
  decisions: { keyPath: 'id', indexes: { byAudit: 'auditId' } },
};
const V5: Partial<Record<Store, StoreShape>> = {
  ...V4,
  assets: { keyPath: 'id', indexes: { byWalk: 'walkId' } },
};
const SCHEMA_AT: Record<number, Partial<Record<Store, StoreShape>>> = { 1: V1, 2: V2, 3: V3, 4: V4, 5: V5 };

const anchor = SAMPLE_ANCHOR;

/** One representative record for every store that has ever existed. */
const SAMPLES: { [S in Store]: TouchpointDB[S]['value'] } = {
  audits: {
    id: 'a1',
    name: 'Ventura Viajes',
    company: 'Ventura',
    startUrl: 'https://ventura.example/',
    origins: ['https://ventura.example'],
    privacy: { maskAllText: false, blockSelectors: ['.card-number'], keepParams: [] },
    categories: [{ id: 'error', label: 'Error or broken' }],
    createdAt: 1,
  },
  personas: {
    id: 'p1',
    auditId: 'a1',
    name: 'Ana',
    segment: 'leisure',
    context: { device: 'mobile', locale: 'es-ES', notes: '' },
    jobToBeDone: 'Book a family trip',
    goal: 'A quote',
    expectations: 'Prices shown early',
    createdAt: 2,
  },
  walks: {
    id: 'w1',
    auditId: 'a1',
    personaId: 'p1',
    auditorName: 'Sam',
    startUrl: 'https://ventura.example/',
    startedAt: 3,
    endedAt: null,
    status: 'recording',
    endReason: null,
    tabIds: [7],
    openTabIds: [7],
    eventCount: 0,
    storedBytes: 0,
    rawBytes: 0,
    outcome: null,
  },
  chunks: {
    id: 'r1:000000000',
    walkId: 'w1',
    tabId: 7,
    recorderId: 'r1',
    seqFrom: 0,
    seqTo: 1,
    firstTs: 4,
    lastTs: 5,
    rawBytes: 10,
    data: new Uint8Array([31, 139, 8, 0]),
  },
  recorders: {
    recorderId: 'r1',
    walkId: 'w1',
    tabId: 7,
    url: 'https://ventura.example/',
    startedAt: 4,
    storedThrough: 1,
  },
  steps: {
    id: 'r1:0',
    walkId: 'w1',
    tabId: 7,
    recorderId: 'r1',
    at: 4,
    kind: 'visit',
    url: 'https://ventura.example/',
    title: 'Home',
    target: null,
  },
  touchpoints: {
    id: 't1',
    auditId: 'a1',
    name: 'Home',
    channel: 'web',
    stage: 'awareness',
    stageGuessed: true,
    patterns: ['ventura.example/'],
    createdAt: 4,
  },
  tags: {
    id: 'g1',
    auditId: 'a1',
    walkId: 'w1',
    touchpointId: 't1',
    tabId: 7,
    recorderId: 'r1',
    url: 'https://ventura.example/',
    pageTitle: 'Home',
    at: 5,
    anchor,
    target: 'button "Send"',
    screenshotId: 's1',
    categoryId: 'error',
    severity: 3,
    effort: 2,
    emotion: -1,
    momentOfTruth: 'unexpected',
    aspect: 'interaction',
    resolution: { status: 'unresolved', minutes: null },
    note: 'Nothing happens',
    createdAt: 5,
    updatedAt: 5,
  },
  screenshots: {
    id: 's1',
    walkId: 'w1',
    mime: 'image/png',
    width: 10,
    height: 10,
    focus: { x: 1, y: 1, width: 5, height: 5 },
    blob: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
    createdAt: 5,
  },
  scores: {
    id: 'c1',
    auditId: 'a1',
    walkId: 'w1',
    touchpointId: 't1',
    url: 'https://ventura.example/',
    at: 6,
    ces: 3,
    csat: 2,
    note: '',
  },
  offsite: {
    id: 'o1',
    auditId: 'a1',
    walkId: 'w1',
    touchpointId: 't2',
    channel: 'phone',
    touchpointName: 'Support line',
    summary: 'Called the support line',
    requestedAt: 7,
    answeredAt: 9,
    reschedules: 1,
    transfers: 2,
    repeatedInfo: ['booking number'],
    outcome: 'resolved',
    ces: 2,
    csat: 3,
    tone: { formality: 'formal', warmth: 'cold' },
    facts: [{ kind: 'phone', subject: 'support line', value: '+34 900 000 000' }],
    note: '',
    createdAt: 9,
    updatedAt: 9,
  },
  signals: {
    id: 'r1:sig:1:0',
    walkId: 'w1',
    tabId: 7,
    recorderId: 'r1',
    at: 5,
    kind: 'js-error',
    url: 'https://ventura.example/',
    detail: 'TypeError: x is undefined',
    durationMs: null,
  },
  facts: {
    id: 'w1:r1',
    auditId: 'a1',
    walkId: 'w1',
    recorderId: 'r1',
    tabId: 7,
    touchpointId: 't1',
    url: 'https://ventura.example/',
    title: 'Home',
    at: 5,
    version: 1,
    facts: [
      {
        kind: 'phone',
        value: '+34912345678',
        raw: '912 345 678',
        source: 'link',
        context: 'Llámenos al 912 345 678',
        label: '',
        anchor,
      },
    ],
    failed: [],
    unreadable: [],
    extractedAt: 6,
  },
  decisions: {
    id: 'a1:phone|x',
    auditId: 'a1',
    key: 'phone|x',
    kind: 'phone',
    status: 'dismissed',
    tagId: null,
    decidedAt: 7,
  },
  assets: {
    id: `w1:${'ab'.repeat(32)}`,
    walkId: 'w1',
    hash: 'ab'.repeat(32),
    rawBytes: 2048,
    data: new Uint8Array([31, 139, 8, 0]),
  },
};

const dbName = () => `migrations-${crypto.randomUUID()}`;

function shapeOf(db: Db): Partial<Record<Store, StoreShape>> {
  const stores = [...db.objectStoreNames];
  if (stores.length === 0) return {};
  const tx = db.transaction(stores, 'readonly');
  const shape: Partial<Record<Store, StoreShape>> = {};
  for (const name of stores) {
    const store = tx.objectStore(name);
    const indexes: Record<string, string> = {};
    for (const i of [...store.indexNames]) indexes[i] = String(store.index(i as never).keyPath);
    shape[name] = { keyPath: String(store.keyPath), indexes };
  }
  return shape;
}

describe('database migrations', () => {
  it('has one migration per version, each a function, and one committed schema row per version', () => {
    expect(migrations).toHaveLength(DB_VERSION);
    for (const m of migrations) expect(typeof m).toBe('function');
    expect(Object.keys(SCHEMA_AT).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))(
    'builds exactly the committed stores at version %i',
    async (v) => {
      const db = await openTouchpointDb(dbName(), v);
      expect(db.version).toBe(v);
      expect(shapeOf(db)).toEqual(SCHEMA_AT[v]);
      db.close();
    },
  );

  it('runs every migration on an empty database and the stores work', async () => {
    const db = await openTouchpointDb(dbName());
    expect(db.version).toBe(DB_VERSION);
    expect(shapeOf(db)).toEqual(SCHEMA_AT[DB_VERSION]);
    for (const store of Object.keys(SAMPLES) as Store[]) await db.put(store, SAMPLES[store] as never);
    expect(await db.getAllFromIndex('walks', 'byStatus', 'recording')).toEqual([SAMPLES.walks]);
    expect(await db.getAllFromIndex('chunks', 'byWalk', 'w1')).toEqual([SAMPLES.chunks]);
    expect(await db.getAllFromIndex('assets', 'byWalk', 'w1')).toEqual([SAMPLES.assets]);
    for (const store of ['tags', 'scores', 'offsite', 'facts', 'decisions'] as const) {
      expect(await db.getAllFromIndex(store, 'byAudit', 'a1')).toHaveLength(1);
    }
    db.close();
  });

  it.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1))(
    'upgrades a version %i database to the latest, keeping its data',
    async (k) => {
      const name = dbName();
      const old = await openTouchpointDb(name, k);
      const present = Object.keys(SCHEMA_AT[k] ?? {}) as Store[];
      for (const store of present) await old.put(store, SAMPLES[store] as never);
      old.close();

      const db = await openTouchpointDb(name);
      expect(db.version).toBe(DB_VERSION);
      expect(shapeOf(db)).toEqual(SCHEMA_AT[DB_VERSION]);
      for (const store of present) expect(await db.getAll(store)).toEqual([SAMPLES[store]]);
      if (present.includes('walks')) expect(await db.getAllFromIndex('walks', 'byAudit', 'a1')).toHaveLength(1);
      if (present.includes('personas')) expect(await db.getAllFromIndex('personas', 'byAudit', 'a1')).toHaveLength(1);
      db.close();
    },
  );

  it('reopening at the same version runs nothing and keeps data', async () => {
    const name = dbName();
    const first = await openTouchpointDb(name);
    await first.put('audits', SAMPLES.audits);
    first.close();
    const again = await openTouchpointDb(name);
    expect(await again.get('audits', 'a1')).toEqual(SAMPLES.audits);
    again.close();
  });

  it('an open older connection steps aside so a newer version can upgrade', async () => {
    const name = dbName();
    const old = await openTouchpointDb(name, 1);
    const db = await openTouchpointDb(name);
    expect(db.version).toBe(DB_VERSION);
    db.close();
    old.close();
  });
});
