/**
 * The URL of an image the brand kinds compare (logo, favicon): absolute, without query or
 * fragment, so `logo.svg?v=3` on one page and `logo.svg?v=4` on another are one logo (a cache
 * buster is not a different image), while another path is another image.
 */

const MAX_URL = 500;

/** FNV-1a, 32 bits: a short, stable name for a long inline image (not a security hash). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The comparable URL of `raw` as written in the page (an `src` or `href`), resolved against the
 * page's base. A `data:` image longer than a value may be is named by its type and a hash of its
 * content. Null for nothing usable (empty, `javascript:`, `about:blank`).
 */
export function assetUrl(raw: string, base: string | null | undefined, keepFragment = false): string | null {
  const s = raw.trim();
  if (s === '' || s.length > 100_000) return null;
  if (/^data:/i.test(s)) {
    if (s.length <= MAX_URL) return s;
    const mime = /^data:([\w.+-]+\/[\w.+-]+)/i.exec(s)?.[1]?.toLowerCase() ?? 'unknown';
    return `data:${mime};fnv1a=${fnv1a(s)}`;
  }
  let url: URL | null = null;
  try {
    url = new URL(s, base && /^(?:https?|file):/i.test(base) ? base : undefined);
  } catch {
    url = null;
  }
  if (!url) {
    // No base to resolve against (a parsed fragment): the path as written is the best name left.
    const path = s.split('#')[0]?.split('?')[0] ?? '';
    return path === '' || /^[a-z][\w+.-]*:/i.test(path) ? null : path.slice(0, MAX_URL);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) return null;
  const fragment = keepFragment ? url.hash : '';
  const out = `${url.origin === 'null' ? `${url.protocol}//` : url.origin}${url.pathname}${fragment}`;
  return out.length <= MAX_URL ? out : null;
}
