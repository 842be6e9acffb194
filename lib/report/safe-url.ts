/**
 * The URL to use as a link's `href`, or null when it must not be a link: only absolute http(s)
 * URLs qualify. `javascript:`, `data:`, `vbscript:`, `file:`, relative paths and anything the URL
 * parser rejects stay text. The result is the parser's serialisation (whitespace and control
 * characters a browser would strip are gone), still to be escaped as an attribute (HTML) or encoded (Markdown): one rule for every
 * format the report is written in.
 */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Credentials in a link are a phishing shape, never something a report needs to follow.
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
