import { exportJsonParts } from '@/lib/export/json-parts';
import type { AuditExport } from '@/lib/model/export';

/** A macrotask, so input and rendering get their turn (a resolved promise would not yield). */
export const macrotask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long the panel may work before it lets input and drawing in, and how big a Blob piece gets. */
const SLICE_MS = 8;
const PIECE_CHARS = 256 * 1024;

/**
 * The export file as a Blob, built in slices of a few milliseconds with a yield between them: the
 * text goes into small Blobs (each encodes a piece to UTF-8) that one last Blob joins without
 * copying, so neither the stringify nor the encoding of a one-hour audit is one long task.
 */
export async function exportJsonBlob(
  file: AuditExport,
  opts: { yieldNow: () => Promise<void>; now?: () => number; cancelled?: () => boolean },
): Promise<Blob> {
  const now = opts.now ?? (() => performance.now());
  const blobs: Blob[] = [];
  let batch: string[] = [];
  let chars = 0;
  let since = now();
  for (const part of exportJsonParts(file)) {
    batch.push(part);
    chars += part.length;
    if (chars >= PIECE_CHARS) {
      blobs.push(new Blob(batch));
      batch = [];
      chars = 0;
    }
    if (now() - since >= SLICE_MS) {
      await opts.yieldNow();
      if (opts.cancelled?.()) throw new Error('cancelled');
      since = now();
    }
  }
  if (batch.length > 0) blobs.push(new Blob(batch));
  return new Blob(blobs, { type: 'application/json' });
}
