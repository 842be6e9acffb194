import { gunzip, gzip } from '@/lib/codec/gzip';
import type { Chunk } from '@/lib/model';
import { redactEventUrls } from '@/lib/privacy/event-urls';
import { redactReference, type UrlPolicy } from '@/lib/privacy/url-policy';

/**
 * The URL policy applied on the way out, so recordings stored before it existed export redacted
 * too (lib/privacy/url-policy.ts; idempotent, so what was redacted when stored does not change).
 * `redactReference` leaves a URL without `?`, `#`, `;` or `@` as it is: a tab step that names a
 * site only keeps its exact text.
 */
export function redactUrls<T extends { url: string }>(records: readonly T[], policy: UrlPolicy): T[] {
  return records.map((r) => {
    const url = redactReference(r.url, policy);
    return url === r.url ? r : { ...r, url };
  });
}

/**
 * A chunk's events with their URLs redacted (Meta `href`, link attributes). Read back, redacted,
 * and compressed again only when something changed: chunks recorded under the policy keep their bytes.
 */
export async function redactChunk(chunk: Chunk, policy: UrlPolicy): Promise<{ data: Uint8Array; rawBytes: number }> {
  const text = await gunzip(chunk.data);
  let events: unknown;
  try {
    events = JSON.parse(text);
  } catch {
    return { data: chunk.data, rawBytes: chunk.rawBytes };
  }
  if (!Array.isArray(events)) return { data: chunk.data, rawBytes: chunk.rawBytes };
  let changed = false;
  for (const e of events) if (redactEventUrls(e, policy)) changed = true;
  if (!changed) return { data: chunk.data, rawBytes: chunk.rawBytes };
  const json = JSON.stringify(events);
  // `rawBytes` is the size as rrweb recorded it, stylesheets the chunk references included: only
  // the redaction's change to it is counted.
  const bytes = (t: string) => new TextEncoder().encode(t).length;
  return { data: await gzip(json), rawBytes: Math.max(0, chunk.rawBytes + bytes(json) - bytes(text)) };
}
