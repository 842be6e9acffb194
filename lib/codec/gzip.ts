/**
 * Bytes through a platform (de)compression stream. The bytes are written straight into it: a
 * `new Blob([…]).stream()` would first copy them into the browser process's blob store and read
 * them back over IPC, work that competed with the walked page on every flush (npm run bench).
 */
async function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Response> {
  const writer = transform.writable.getWriter();
  // Not awaited: the writes only settle as the readable side is consumed below.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return new Response(transform.readable);
}

/** gzip with the platform's CompressionStream: native code, off the page (runs in the worker). */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await (await through(bytes, new CompressionStream('gzip'))).arrayBuffer());
}

export function gzip(text: string): Promise<Uint8Array> {
  return gzipBytes(new TextEncoder().encode(text));
}

export async function gunzip(bytes: Uint8Array): Promise<string> {
  return (await through(bytes, new DecompressionStream('gzip'))).text();
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
