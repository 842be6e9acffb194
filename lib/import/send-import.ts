import type { RequestOf, ResponseOf } from '@/lib/messaging/types';
import { IMPORT_SLICE_CHARS, type ImportResult, MAX_IMPORT_BYTES } from '@/lib/model/import';

type ImportMessage = 'import/slice' | 'import/commit' | 'import/cancel';
/** lib/messaging/client.ts `send`, taken as a parameter so this stays pure (and testable). */
export type SendImport = <K extends ImportMessage>(name: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

/**
 * The text cut into slices of at most `size` characters, never between the two halves of a
 * surrogate pair: a lone half would not survive the message's JSON and UTF-8 on the way.
 */
export function sliceText(text: string, size = IMPORT_SLICE_CHARS): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    // A high surrogate last: its low half goes with it, into this slice or (the usual case) the next.
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - at > 1 ? -1 : 1;
    out.push(text.slice(at, end));
    at = end;
  }
  // An empty file is one empty slice: the worker then says what is wrong with it.
  return out.length > 0 ? out : [''];
}

/**
 * Hands a file's text to the worker: its slices in order (`import/slice`), then `import/commit`,
 * which answers once the file is written or refused. `onSent(sent, total)` follows the sending;
 * the worker's own progress comes as `import/progress` broadcasts with the same `sessionId`.
 * A file over the bound is refused here, before anything is sent.
 */
export async function sendImport(
  send: SendImport,
  text: string,
  sessionId: string,
  onSent: (sent: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, refusal: { kind: 'too-large', size: text.length, limit: MAX_IMPORT_BYTES } };
  }
  const slices = sliceText(text);
  for (const [index, slice] of slices.entries()) {
    const refused = await send('import/slice', { sessionId, index, text: slice });
    if (refused) return { ok: false, refusal: refused };
    onSent(index + 1, slices.length);
  }
  return send('import/commit', { sessionId, slices: slices.length });
}
