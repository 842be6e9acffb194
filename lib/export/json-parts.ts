import type { AuditExport } from '@/lib/model/export';

/**
 * The export's JSON in pieces, byte for byte what `JSON.stringify(file)` gives: the file is tens of
 * megabytes with recordings, and one `JSON.stringify` (and one Blob of it) holds the panel's main
 * thread for 80 ms and more on a one-hour audit. The caller takes the pieces a few at a time and
 * yields between them (components/panel/model/json-blob.ts). Pieces follow the file's own key
 * order; walks come one by one and their recorded chunks (and stylesheets) `CHUNKS_PER_PIECE` at a time.
 */
const CHUNKS_PER_PIECE = 16;

type Special = (key: string, value: unknown) => Iterable<string> | null;

function* objectParts(obj: object, special: Special): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(obj)) {
    // What JSON.stringify leaves out of an object.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* special(key, value) ?? [JSON.stringify(value)];
  }
  yield '}';
}

function* arrayParts<T>(items: readonly T[], each: (batch: readonly T[]) => Iterable<string>, size = 1) {
  yield '[';
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) yield ',';
    yield* each(items.slice(i, i + size));
  }
  yield ']';
}

/** Items of a batch joined as JSON.stringify joins an array's items. */
const joined = (batch: readonly unknown[]) => [batch.map((x) => JSON.stringify(x)).join(',')];

export function* exportJsonParts(file: AuditExport): Generator<string> {
  yield* objectParts(file, (key, value) =>
    key === 'walks' && Array.isArray(value)
      ? arrayParts(value as object[], ([walk]) =>
          walk
            ? objectParts(walk, (k, v) =>
                // A walk's stylesheets (format 4) come like its chunks: a piece per few, never all at once.
                (k === 'chunks' || k === 'assets') && Array.isArray(v) ? arrayParts(v, joined, CHUNKS_PER_PIECE) : null,
              )
            : [],
        )
      : null,
  );
}
