import { originPattern } from '@/lib/model';

/**
 * Where a walk tab's page is, as the walk sees it: on the audited site (one of the audit's
 * origins, port included), elsewhere (`https://other.example`: a left-site step stores that
 * origin, never a path or a query), or nowhere yet (the empty URL of a page Touchpoint may not
 * read, `about:blank`).
 */
export function siteOf(url: string): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === 'about:') return null;
  // file:, data: and the like have an opaque origin ("null"): their scheme is all that is kept.
  return u.origin === 'null' ? u.protocol : u.origin;
}

export function onAuditedSite(origins: readonly string[], url: string): boolean {
  const site = siteOf(url);
  return site !== null && origins.includes(site);
}

/**
 * The host access to give back when a walk of an audit with `origins` ends: its match patterns,
 * less those an active walk still needs, less the install-time host permissions (the loopback
 * test server of automated builds), which cannot be removed. Ports are not part of a pattern, so
 * two origins on one host share one.
 */
export function hostAccessToRelease(
  origins: readonly string[],
  stillNeeded: readonly string[],
  installTime: readonly string[],
): string[] {
  const keep = new Set([...stillNeeded.map(originPattern), ...installTime]);
  return [...new Set(origins.map(originPattern))].filter((p) => !keep.has(p));
}
