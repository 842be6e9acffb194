/**
 * A web touchpoint is a page template, not a page: `/product/123` and `/product/456` are the
 * same touchpoint to a customer. A pattern is `host[:port]/path` with id-like segments collapsed:
 * `shop.example/product/:id`.
 *
 * Rules, and why:
 * - No scheme: http and https serve the same page; a walk records only http(s) pages.
 * - Host lowercased, trailing dot and credentials dropped, default port dropped (a non-default
 *   port stays: `localhost:4173` is another server). `www.` and `m.` stay: `m.` is another
 *   channel (mobile web), and sites answer on one of `www.`/bare, so a walk sees only one.
 * - Query string and hash ignored, always. Params that define a page (`?id=7`, `?step=2`) exist,
 *   but an allow-list would be guesswork per site; an auditor who needs them apart splits by hand.
 * - Path: empty segments, `;jsessionid=…` path parameters, a trailing slash and an index file
 *   (`index.html`, `default.aspx`) dropped; segments percent-decoded for reading (unless decoding
 *   would make a `/`). Case kept: paths are case-sensitive.
 * - Id-like segments collapse: dates to `:date`; to `:id` all digits, any segment with 3 or more
 *   digits (`sku-12345`, `ord_8f3a9c21`; also `iphone-15-pro-256gb`, knowingly: a model number
 *   makes it a product page like its siblings), UUIDs, hex runs of 12+, base64-ish tokens of 16+.
 * - Words stay, slugs included (`/product/red-shoes`): a slug is content, and telling a slug from
 *   a section name needs more pages than one walk sees. Product pages with slugs become one
 *   touchpoint each until the auditor merges them, or gives a `*` pattern (see matchesPattern).
 * - Locale segments (`es`, `en-gb`, `es-419`) stay as they are: another language is another page.
 *
 * Total: anything that is not an absolute http(s) URL gives '' (no touchpoint), never a throw.
 */

/** URLs past a step's cap are not grouped: one is a recording fault, not a page. */
const MAX_URL = 4096;

const INDEX_FILE = /^(index|default)\.(html?|php|aspx?|jsp|cfm|shtml)$/i;
const LOCALE = /^[a-z]{2}([-_]([a-z]{2}|\d{3}))?$/i;
const DATE_YMD = /^(\d{4})[-_.](\d{2})[-_.](\d{2})$/;
const DATE_DMY = /^(\d{2})[-_.](\d{2})[-_.](\d{4})$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{12,}$/i;

/** `es`, `en-gb`, `es_ES`, `es-419`: a locale path prefix, kept as it is. */
export function isLocale(segment: string): boolean {
  return LOCALE.test(segment);
}

function isDate(segment: string): boolean {
  const ymd = DATE_YMD.exec(segment);
  const dmy = DATE_DMY.exec(segment);
  const [month, day] = ymd ? [ymd[2], ymd[3]] : dmy ? [dmy[2], dmy[1]] : [];
  if (month === undefined || day === undefined) return false;
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function count(segment: string, re: RegExp): number {
  return segment.match(re)?.length ?? 0;
}

/** Tokens from a generator rather than a writer: long, unbroken, and digits or case noise. */
function isToken(segment: string): boolean {
  return (segment.match(/[A-Za-z0-9]{16,}/g) ?? []).some(
    (run) => /\d/.test(run) || (count(run, /[A-Z]/g) >= 5 && count(run, /[a-z]/g) >= 5),
  );
}

/** The segment as it appears in a pattern: itself, `:id` or `:date`. */
export function segmentPattern(segment: string): string {
  if (isLocale(segment)) return segment;
  if (isDate(segment)) return ':date';
  if (/^\d+$/.test(segment) || count(segment, /\d/g) >= 3) return ':id';
  if (UUID.test(segment) || (HEX.test(segment) && /\d/.test(segment)) || isToken(segment)) return ':id';
  return segment;
}

function decode(segment: string): string {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded.includes('/') ? segment : decoded;
  } catch {
    return segment;
  }
}

function parseWebUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.length > MAX_URL) return null;
  try {
    const u = new URL(trimmed);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' ? u : null;
  } catch {
    return null;
  }
}

/** The lowercase host of a web URL (no trailing dot), or '' when it is not one. */
export function hostOf(url: string): string {
  return parseWebUrl(url)?.hostname.replace(/\.$/, '') ?? '';
}

/** The touchpoint pattern of a URL (see the rules above); '' when it is not an http(s) URL. */
export function patternOf(url: string): string {
  const u = parseWebUrl(url);
  if (!u) return '';
  const host = u.hostname.replace(/\.$/, '') + (u.port ? `:${u.port}` : '');
  const segments = u.pathname
    .split('/')
    .map((s) => s.split(';')[0] ?? '')
    .filter((s) => s !== '')
    .map(decode);
  const last = segments.at(-1);
  if (last !== undefined && INDEX_FILE.test(last)) segments.pop();
  // A literal `*` segment would read as a wildcard; it stays percent-encoded instead.
  const path = segments.map((s) => (s === '*' ? '%2A' : segmentPattern(s)));
  return `${host}/${path.join('/')}`;
}

/** A pattern's host and path segments; the root path has none. */
export function splitPattern(pattern: string): { host: string; segments: string[] } {
  const slash = pattern.indexOf('/');
  if (slash < 0) return { host: pattern, segments: [] };
  const path = pattern.slice(slash + 1);
  return { host: pattern.slice(0, slash), segments: path === '' ? [] : path.split('/') };
}

/**
 * A final `**` segment matches any number of further segments: the one touchpoint per host that
 * takes every new page once an audit has too many (lib/touchpoints/group.ts).
 */
export const TAIL = '**';

/**
 * Whether a URL belongs to a pattern: its own pattern equals it, segment by segment, where a `*`
 * segment of the pattern matches any one segment (`shop.example/product/*` takes every product
 * slug; patternOf never writes `*`, an auditor does) and a final `**` any rest. False for garbage
 * on either side.
 */
export function matchesPattern(url: string, pattern: string): boolean {
  const own = patternOf(url);
  if (own === '' || typeof pattern !== 'string' || pattern === '') return false;
  if (own === pattern) return true;
  const a = splitPattern(own);
  const b = splitPattern(pattern);
  const tail = b.segments.at(-1) === TAIL;
  const fixed = tail ? b.segments.slice(0, -1) : b.segments;
  return (
    a.host === b.host &&
    (tail ? a.segments.length >= fixed.length : a.segments.length === fixed.length) &&
    fixed.every((s, i) => s === '*' || s === a.segments[i])
  );
}
