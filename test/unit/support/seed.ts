import { createAudit, savePersona } from '@/lib/db/audits';
import { type Db, openTouchpointDb } from '@/lib/db/open-db';
import { type Compress, storeFlushed } from '@/lib/db/recording';
import { listChunks } from '@/lib/read/recording';
import { putWalk } from '@/lib/db/walks';
import type { Audit, FlushBatch, FlushResult, PageStep, Persona, Walk } from '@/lib/model';
import { gunzip } from '@/lib/codec/gzip';

/** A database of its own for each test: fake-indexeddb keeps every name for the whole run. */
export function freshDb(): Promise<Db> {
  return openTouchpointDb(`test-${crypto.randomUUID()}`);
}

export interface Seeded {
  audit: Audit;
  persona: Persona;
  walk: Walk;
}

export const TAB = 7;

/** An audit, a persona and a walk recording in tab `TAB`. */
export async function seedWalk(db: Db, walk: Partial<Walk> = {}): Promise<Seeded> {
  const audit = await createAudit(
    db,
    { name: 'Ventura Viajes', company: 'Ventura', startUrl: 'https://ventura.example/' },
    1_000,
  );
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana, first-time traveller' }, undefined, 2_000);
  const stored = await putWalk(db, {
    id: crypto.randomUUID(),
    auditId: audit.id,
    personaId: persona.id,
    auditorName: 'Sam',
    startUrl: audit.startUrl,
    startedAt: 3_000,
    endedAt: null,
    status: 'recording',
    endReason: null,
    tabIds: [TAB],
    openTabIds: [TAB],
    eventCount: 0,
    storedBytes: 0,
    rawBytes: 0,
    outcome: null,
    ...walk,
  });
  return { audit, persona, walk: stored };
}

/** `n` small events numbered from `from`: `data.n` is each event's sequence number. */
export function numberedEvents(from: number, n: number): { type: number; timestamp: number; data: { n: number } }[] {
  return Array.from({ length: n }, (_, i) => ({ type: 3, timestamp: 10_000 + from + i, data: { n: from + i } }));
}

export function batchOf(
  walkId: string,
  seqFrom: number,
  events: readonly unknown[],
  steps: PageStep[] = [],
  recorderId = 'rec-1',
): FlushBatch {
  return {
    walkId,
    recorderId,
    url: 'https://ventura.example/quote.html',
    seqFrom,
    count: events.length,
    events: JSON.stringify(events),
    steps,
    signals: [],
  };
}

export function pageStep(seq: number, kind: PageStep['kind'] = 'click'): PageStep {
  return { seq, at: 10_000 + seq, kind, url: 'https://ventura.example/quote.html', title: 'Quote', target: null };
}

/** Every stored event's `data.n`, chunk by chunk in seq order, checked against its chunk's range. */
export async function storedNumbers(db: Db, walkId: string): Promise<number[]> {
  const chunks = (await listChunks(db, walkId)).sort((a, b) => a.seqFrom - b.seqFrom);
  const out: number[] = [];
  for (const c of chunks) {
    const events = JSON.parse(await gunzip(c.data)) as { data: { n: number } }[];
    if (events.length !== c.seqTo - c.seqFrom + 1) throw new Error(`chunk ${c.id} holds ${events.length} events`);
    events.forEach((e, i) => {
      if (e.data.n !== c.seqFrom + i) throw new Error(`chunk ${c.id}: event ${i} is n=${e.data.n}`);
      out.push(e.data.n);
    });
  }
  return out;
}

/** storeFlushed's answer to the page alone, as the worker sends it back. */
export async function storeFlush(
  db: Db,
  batch: FlushBatch,
  tabId: number,
  compress: Compress,
  now = Date.now(),
): Promise<FlushResult> {
  return (await storeFlushed(db, batch, tabId, compress, now)).result;
}
