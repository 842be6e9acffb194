import type { Db } from '@/lib/db/open-db';
import { abort } from '@/lib/db/flush-guards';
import type { DataChanged } from '@/lib/model';
import {
  IMPORT_STORES,
  type ImportProgress,
  type ImportRefusal,
  type ImportStore,
  type ImportSummary,
} from '@/lib/model/import';
import { locate } from '@/lib/import/locate';
import { importChanges, keyOf, mapTouchpoints, newRecords } from '@/lib/import/merge';
import { readImport } from '@/lib/import/parse';
import { type ImportRecords, toRecords } from '@/lib/import/records';

export type Imported =
  | { ok: true; summary: ImportSummary; notices: DataChanged[] }
  | { ok: false; refusal: ImportRefusal };

export interface ImportOptions {
  progress?: (p: Omit<ImportProgress, 'sessionId'>) => void;
  /** Gives the event loop a turn between parts of the work (default: a zero timeout). */
  pause?: () => Promise<void>;
}

/** Stores whose records are small enough to read whole, to check whose they are. */
const OWNED: readonly ImportStore[] = [
  'personas',
  'touchpoints',
  'walks',
  'steps',
  'tags',
  'scores',
  'offsite',
  'signals',
  'facts',
  'decisions',
];
/** How many records are written between two progress reports. */
const REPORT_EVERY = 500;

const isQuota = (e: unknown) => (e as { name?: unknown } | null)?.name === 'QuotaExceededError';
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Owned = { auditId?: string; walkId?: string };

/**
 * Imports an export file's text: read and checked in parts (lib/import/parse.ts), turned into
 * records, then merged into the database in ONE transaction: the reads that decide what is new
 * (the audit's touchpoints, each record's key) and every write. A failure anywhere (a full
 * disk, a record the database refuses) aborts it, and nothing of the file is stored.
 */
export async function importText(db: Db, text: string, opts: ImportOptions = {}): Promise<Imported> {
  const pause = opts.pause ?? nextTurn;
  const progress = opts.progress ?? (() => undefined);
  const parsed = await readImport(text, { pause, progress: (p) => progress(p) });
  if (!parsed.ok) return parsed;
  const { file } = parsed;
  const auditId = file.audit.id;
  const records = await toRecords(file, pause);
  progress({ phase: 'writing', done: 0, total: 0 });

  const tx = db.transaction([...IMPORT_STORES], 'readwrite');
  try {
    const local = await tx.objectStore('touchpoints').index('byAudit').getAll(auditId);
    const mapped = mapTouchpoints(records, local);
    const present = new Map<ImportStore, Set<string>>(IMPORT_STORES.map((s) => [s, new Set()]));
    let conflict: string | null = null;
    await Promise.all(
      IMPORT_STORES.flatMap((store) =>
        (mapped.records[store] as { id: string }[]).map(async (r) => {
          const id = keyOf(r);
          if (!OWNED.includes(store)) {
            if ((await tx.objectStore(store).getKey(id)) !== undefined) present.get(store)?.add(id);
            return;
          }
          const row = (await tx.objectStore(store).get(id)) as Owned | undefined;
          if (!row) return;
          present.get(store)?.add(id);
          const mine = r as Owned;
          const other = (row.auditId !== undefined && row.auditId !== auditId) || row.walkId !== mine.walkId;
          if (other) conflict ??= locate(file, store, id);
        }),
      ),
    );
    if (conflict !== null) {
      abort(tx);
      return { ok: false, refusal: { kind: 'conflict', path: conflict } };
    }
    const added = newRecords(mapped.records, (store, id) => present.get(store)?.has(id) ?? false);
    const total = IMPORT_STORES.reduce((n, s) => n + added[s].length, 0);
    let done = 0;
    const wrote = () => {
      done++;
      if (done % REPORT_EVERY === 0 || done === total) progress({ phase: 'writing', done, total });
    };
    await Promise.all(
      IMPORT_STORES.flatMap((store) => (added[store] as never[]).map((r) => tx.objectStore(store).put(r).then(wrote))),
    );
    await tx.done;
    return {
      ok: true,
      summary: summarise(file, added, mapped.matched, parsed.migratedFrom),
      notices: importChanges(added).map((changes) => ({ auditId, changes })),
    };
  } catch (e) {
    abort(tx);
    if (isQuota(e)) return { ok: false, refusal: { kind: 'storage-full' } };
    console.warn('Touchpoint could not import a file:', e instanceof Error ? e.message : String(e));
    return { ok: false, refusal: { kind: 'write-failed' } };
  }
}

function summarise(
  file: Parameters<typeof locate>[0],
  added: ImportRecords,
  matched: number,
  migratedFrom: number | null,
): ImportSummary {
  const counts = Object.fromEntries(IMPORT_STORES.map((s) => [s, added[s].length])) as ImportSummary['added'];
  return {
    auditId: file.audit.id,
    auditName: file.audit.name,
    newAudit: counts.audits > 0,
    migratedFrom,
    added: counts,
    matchedTouchpoints: matched,
    auditors: [...new Set(file.walks.map((w) => w.auditorName).filter((n) => n !== ''))].slice(0, 1000),
    unchanged: IMPORT_STORES.every((s) => counts[s] === 0),
  };
}
