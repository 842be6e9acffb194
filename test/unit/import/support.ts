import { gzip, toBase64 } from '@/lib/codec/gzip';
import { createAudit, savePersona } from '@/lib/db/audits';
import type { Db } from '@/lib/db/open-db';
import { saveOffsite } from '@/lib/db/offsite';
import { storeFlushed } from '@/lib/db/recording';
import { saveScore } from '@/lib/db/scores';
import { putSignal } from '@/lib/db/signals';
import { putScreenshot, putTag } from '@/lib/db/tags';
import { endWalk, putWalk } from '@/lib/db/walks';
import { buildAuditExport } from '@/lib/export/build-export';
import { protocol, validateRequest } from '@/lib/messaging/protocol';
import type { Audit, PageStep, Persona, Walk } from '@/lib/model';
import type { SendImport } from '@/lib/import/send-import';
import { createImportCommands, type PostProgress } from '@/lib/worker/import-commands';
import type { Change } from '@/lib/model';
import { patternOf } from '@/lib/touchpoints/url-pattern';
import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from '../support/journey-samples';
import { batchOf, numberedEvents } from '../support/seed';

export const EXPORTED_AT = Date.UTC(2026, 10, 24, 9, 30);
export const STORES = [
  'audits',
  'personas',
  'walks',
  'chunks',
  'assets',
  'recorders',
  'steps',
  'touchpoints',
  'tags',
  'screenshots',
  'scores',
  'offsite',
  'signals',
  'facts',
  'decisions',
] as const;

/** Every store of the database, records in key order, bytes and blobs as base64: equal dumps, equal databases. */
export async function dump(db: Db): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const store of STORES) {
    const rows = await db.getAll(store);
    out[store] = await Promise.all(
      rows.map(async (r) => {
        const copy: Record<string, unknown> = { ...r };
        for (const [k, v] of Object.entries(copy)) {
          if (v instanceof Uint8Array) copy[k] = { bytes: toBase64(v) };
          else if (v instanceof Blob)
            copy[k] = { blob: v.type, bytes: toBase64(new Uint8Array(await v.arrayBuffer())) };
        }
        return copy;
      }),
    );
  }
  return JSON.stringify(out);
}

/** An audit and its persona, as created on the first auditor's machine. */
export async function seedAudit(db: Db): Promise<{ audit: Audit; persona: Persona }> {
  const audit = await createAudit(
    db,
    { name: 'Ventura Viajes', company: 'Ventura', startUrl: 'https://ventura.example/' },
    1_000,
  );
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana, first-time traveller' }, undefined, 2_000);
  return { audit, persona };
}

const visit = (seq: number, url: string, title: string): PageStep => ({
  seq,
  at: 10_000 + seq,
  kind: 'visit',
  url,
  title,
  target: null,
});

/**
 * One ended walk by `auditor` over `pages` (a page load each: chunk, visit step, touchpoint), with
 * a tag and its screenshot and a score on the first page, a failed request, and a phone call to
 * `phoneName`. Ids are fresh, as on a machine of its own.
 */
export async function walkBy(
  db: Db,
  seeded: { audit: Audit; persona: Persona },
  auditor: string,
  pages: readonly string[],
  opts: { startedAt?: number; phoneName?: string; severity?: number } = {},
): Promise<Walk> {
  const start = opts.startedAt ?? 3_000;
  const walk = await putWalk(db, {
    id: crypto.randomUUID(),
    auditId: seeded.audit.id,
    personaId: seeded.persona.id,
    auditorName: auditor,
    startUrl: seeded.audit.startUrl,
    startedAt: start,
    endedAt: null,
    status: 'recording',
    endReason: null,
    tabIds: [7],
    openTabIds: [7],
    eventCount: 0,
    storedBytes: 0,
    rawBytes: 0,
    outcome: null,
  });
  const recorders: string[] = [];
  for (const [i, url] of pages.entries()) {
    const recorderId = crypto.randomUUID();
    recorders.push(recorderId);
    const batch = { ...batchOf(walk.id, 0, numberedEvents(i * 10, 6), [visit(0, url, `Page ${i}`)], recorderId), url };
    const stored = await storeFlushed(db, batch, 7, gzip, start + 1_000 + i);
    if (!stored.result.ok) throw new Error('flush refused');
  }
  const first = pages[0] ?? '';
  const tps = await db.getAllFromIndex('touchpoints', 'byAudit', seeded.audit.id);
  const tp = tps.find((t) => t.patterns.includes(patternOf(first)));
  await putSignal(db, {
    id: `req:${walk.id}:1`,
    walkId: walk.id,
    tabId: 7,
    recorderId: null,
    at: start + 1_100,
    kind: 'request-failed',
    url: '/api',
    detail: '500 /api',
    durationMs: null,
  });
  const shot = await putScreenshot(db, {
    id: crypto.randomUUID(),
    walkId: walk.id,
    mime: 'image/png',
    width: 4,
    height: 2,
    focus: { x: 1, y: 0, width: 2, height: 2 },
    blob: new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3, auditor.length])], { type: 'image/png' }),
    createdAt: start + 1_200,
  });
  await putTag(db, {
    ...SAMPLE_FIELDS,
    severity: opts.severity ?? 3,
    id: crypto.randomUUID(),
    auditId: walk.auditId,
    walkId: walk.id,
    touchpointId: tp?.id ?? null,
    tabId: 7,
    recorderId: recorders[0] ?? null,
    url: first,
    pageTitle: 'Page 0',
    at: start + 1_200,
    anchor: SAMPLE_ANCHOR,
    target: null,
    screenshotId: shot.id,
    createdAt: start + 1_200,
    updatedAt: start + 1_200,
  });
  if (tp) {
    await saveScore(
      db,
      {
        auditId: walk.auditId,
        walkId: walk.id,
        touchpointId: tp.id,
        url: first,
        fields: { ces: 5, csat: 4, note: '' },
      },
      start + 1_300,
    );
  }
  await saveOffsite(
    db,
    walk,
    {
      channel: 'phone',
      touchpointName: opts.phoneName ?? 'Support line',
      summary: 'Called',
      requestedAt: start + 1_400,
      answeredAt: start + 1_500,
      reschedules: 0,
      transfers: 1,
      repeatedInfo: [],
      outcome: 'resolved',
      ces: 3,
      csat: 4,
      tone: { formality: 'formal', warmth: 'warm' },
      facts: [],
      note: '',
    },
    undefined,
    start + 1_400,
  );
  return (await endWalk(db, walk.id, 'auditor', start + 5_000)) as Walk;
}

export async function exportText(db: Db, auditId: string): Promise<string> {
  return JSON.stringify(await buildAuditExport(db, auditId, EXPORTED_AT));
}

/**
 * The worker's import commands on `db`, reached as the panel reaches them: each request through
 * the protocol's validation first. `notices` collects what they announced, `progress` what they reported.
 */
export function importWorker(db: Db) {
  const notices: { auditId: string; changes: readonly Change[] }[] = [];
  const progress: Parameters<PostProgress>[0][] = [];
  const handlers = createImportCommands({
    db,
    now: () => 50_000,
    announce: (auditId, changes) => notices.push({ auditId, changes }),
    progress: (p) => progress.push(p),
  });
  const send = (async (name: keyof typeof handlers, payload: unknown) => {
    const parsed = validateRequest(name, payload);
    if (!parsed.ok) throw new Error(parsed.error);
    const answer = await (handlers[name] as (p: unknown, s: unknown) => Promise<unknown>)(parsed.value, {});
    return protocol[name].response.parse(answer);
  }) as SendImport;
  return { handlers, send, notices, progress };
}
