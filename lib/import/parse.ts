import { EXPORT_SCHEMA_VERSION, OLDEST_SCHEMA_VERSION } from '@/lib/model/export';
import { MAX_IMPORT_BYTES } from '@/lib/model/import';
import type { AuditExport } from '@/lib/model/export';
import type { ImportRefusal } from '@/lib/model/import';
import { type Checked, checkExport, type Outcome } from '@/lib/import/check';
import { invalidField } from '@/lib/import/issue';
import { migrate } from '@/lib/import/migrate';

/** A file read: the export as the current format has it, and the format it was written in when older. */
export type Parsed =
  | { ok: true; file: AuditExport; migratedFrom: number | null }
  | { ok: false; refusal: ImportRefusal };

type Start =
  | { ok: false; refusal: ImportRefusal }
  | { ok: true; root: Record<string, unknown>; migratedFrom: number | null };

/**
 * The checks before the schema: the size bound, JSON, the look of an export, the format version
 * (newer: refused; older: migrated, lib/import/migrate.ts).
 */
function start(text: string): Start {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, refusal: { kind: 'too-large', size: text.length, limit: MAX_IMPORT_BYTES } };
  }
  let json: unknown;
  try {
    // A byte order mark some editors write is no part of the JSON.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // A syntax error, or nesting deeper than the engine parses (RangeError): not JSON we can read.
    return { ok: false, refusal: { kind: 'not-json' } };
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    !('schemaVersion' in json) ||
    !('audit' in json)
  ) {
    return { ok: false, refusal: { kind: 'not-export' } };
  }
  const root = json as Record<string, unknown>;
  const version = root.schemaVersion;
  if (typeof version !== 'number') return { ok: false, refusal: invalidField(root, ['schemaVersion'], 'invalid_type') };
  if (Number.isInteger(version) && version > EXPORT_SCHEMA_VERSION) {
    return {
      ok: false,
      refusal: {
        kind: 'newer-version',
        version: Math.min(version, Number.MAX_SAFE_INTEGER),
        supported: EXPORT_SCHEMA_VERSION,
      },
    };
  }
  if (!Number.isInteger(version) || version < OLDEST_SCHEMA_VERSION) {
    return { ok: false, refusal: invalidField(root, ['schemaVersion'], 'invalid_value') };
  }
  const migratedFrom = version < EXPORT_SCHEMA_VERSION ? version : null;
  return { ok: true, root: migrate(root, version), migratedFrom };
}

const finish = (outcome: Outcome, migratedFrom: number | null): Parsed =>
  outcome.ok ? { ok: true, file: outcome.file, migratedFrom } : outcome;

/**
 * Reads an export file's text: the export, or why it is refused (a kind and its data; for a bad
 * field, the path of the first one, `walks[0].tags[3].severity`). Pure and synchronous: for a
 * large file in the worker, `readImport` does the same in parts.
 */
export function parseImport(text: string): Parsed {
  const s = start(text);
  if (!s.ok) return s;
  const steps = checkExport(s.root);
  for (;;) {
    const r = steps.next();
    if (r.done) return finish(r.value, s.migratedFrom);
  }
}

export interface ReadOptions {
  /** Gives the event loop a turn (the worker: a zero timeout); between parts of the check. */
  pause?: () => Promise<void>;
  progress?: (p: Checked & { phase: 'reading' | 'checking' }) => void;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `parseImport`, yielding between parts of the check and saying how far it is. */
export async function readImport(text: string, opts: ReadOptions = {}): Promise<Parsed> {
  const pause = opts.pause ?? nextTurn;
  opts.progress?.({ phase: 'reading', done: 0, total: 0 });
  await pause();
  const s = start(text);
  if (!s.ok) return s;
  const steps = checkExport(s.root);
  for (;;) {
    const r = steps.next();
    if (r.done) return finish(r.value, s.migratedFrom);
    opts.progress?.({ phase: 'checking', ...r.value });
    await pause();
  }
}
