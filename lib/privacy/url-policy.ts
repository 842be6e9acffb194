// Over 200 lines: the rules below are one policy, and the recorder's faster path for many
// references (`referenceRedactor`) must sit beside the code it reproduces.
/**
 * The one URL policy: what of a URL may be stored. Every place that keeps a URL (steps, rrweb's
 * Meta events and link attributes, recorder marks, tags, scores, tab steps, the export) passes it
 * through `redactUrl` first, in the page and again in the worker (it is idempotent).
 *
 * - Scheme, host, port and path are kept (the path names the page; touchpoints group by it), but
 *   credentials (`user:pass@`) go, and so do the values of path parameters (`;jsessionid=…`).
 * - Every query value becomes `*` (REDACTED, one character whatever the value's length) and its
 *   key stays: `?q=*&page=*` still shows which parameters were there. An empty value stays empty
 *   (it hides nothing). A part without `=` may be a value (`?eyJ…`), so it becomes `*` too.
 * - Values of the parameters in `keep` (the audit's list: `page`, `sort`, `lang`…) are kept, up to
 *   100 characters, unless the parameter is in `typed` (a field the persona typed into was named
 *   so) or the value holds a value typed on this page (`typedValues`): typed text never stays,
 *   whatever the list says.
 * - The fragment: a key=value list (`#access_token=…&state=…`) is treated like a query; a hash
 *   route (`#/checkout/2`, `#!/search?q=…`) is kept like a path, segment by segment, except
 *   segments that look generated (a token, `#/reset/eyJhbGci…`) or hold `=`, and its query is
 *   treated like a query; an in-page anchor (`#pricing`, `#section-2`: a letter, then at most 63
 *   word characters) is kept because it names a place in the page; anything else (a bare token
 *   `#eyJhbGciOi…`, encoded state) becomes `#*`.
 * - Anything that is not an http(s) URL keeps its scheme only (`data:*`), `about:blank` and
 *   `about:srcdoc` aside; what does not parse gives ''. Never throws; the result is at most
 *   MAX_URL characters, dropping whole parameters from the end rather than cutting one.
 */

/** What stands for a redacted value, a key too long to be a name, or a bare part. */
export const REDACTED = '*';

/** URLs are stored up to this length (the models' cap). */
export const MAX_URL = 4096;

/** Past this, input is cut before parsing: nothing past it could be stored anyway. */
const MAX_INPUT = 64 * 1024;
/** A kept value longer than this is not a page number or a sort order. */
const MAX_KEPT = 100;
/** A key longer than this is not a name a site chose. */
const MAX_KEY = 64;
/** Typed values shorter than this are not looked for inside longer text (a `2` would match everything). */
const MIN_TYPED = 3;

export interface UrlPolicy {
  /** Parameters whose values are kept (the audit's keep-list). */
  keep?: readonly string[];
  /** Parameters known to carry typed values: fields the persona typed into had these names. */
  typed?: readonly string[];
  /**
   * Values typed into this document's fields. Only the recorder has them, in memory: they are
   * never stored and never sent.
   */
  typedValues?: readonly string[];
}

interface Compiled {
  keep: ReadonlySet<string>;
  typed: ReadonlySet<string>;
  values: readonly string[];
}

/** Compiled once per policy object: the recorder redacts with one policy across many events. */
const compiled = new WeakMap<UrlPolicy, Compiled>();

function compile(p: UrlPolicy | undefined): Compiled {
  if (p && typeof p === 'object') {
    const known = compiled.get(p);
    if (known) return known;
  }
  const c = compileNow(p);
  if (p && typeof p === 'object') compiled.set(p, c);
  return c;
}

function compileNow(p: UrlPolicy | undefined): Compiled {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return {
    keep: new Set(list(p?.keep)),
    typed: new Set(list(p?.typed)),
    values: list(p?.typedValues).filter((v) => v !== ''),
  };
}

/** Percent-decoded, `+` as a space (form encoding); the text itself when it does not decode. */
export function decodePart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Whether `text` is or holds a value typed on the page. */
function holdsTyped(text: string, values: readonly string[]): boolean {
  return values.some((v) => text === v || (v.length >= MIN_TYPED && text.includes(v)));
}

/** Long unbroken letters and digits with digits or mixed case: a generator's output, not a word. */
function looksGenerated(s: string): boolean {
  return (s.match(/[A-Za-z0-9]{16,}/g) ?? []).some(
    (run) => /\d/.test(run) || ((run.match(/[A-Z]/g)?.length ?? 0) >= 5 && (run.match(/[a-z]/g)?.length ?? 0) >= 5),
  );
}

/** A query (or a key=value fragment) with its values redacted; `names` collects keys whose values were typed. */
function redactPairs(text: string, c: Compiled, names?: Set<string>): string[] {
  const out: string[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      out.push(REDACTED);
      continue;
    }
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const name = decodePart(key);
    const safeKey =
      key.length <= MAX_KEY && !looksGenerated(name) && !(name.length >= MIN_TYPED && holdsTyped(name, c.values));
    const outKey = safeKey ? key : REDACTED;
    if (value === '') {
      out.push(`${outKey}=`);
      continue;
    }
    const decoded = decodePart(value);
    const typedHere = holdsTyped(decoded, c.values);
    if (typedHere && safeKey) names?.add(name);
    const kept = safeKey && c.keep.has(name) && !c.typed.has(name) && !typedHere && value.length <= MAX_KEPT;
    out.push(`${outKey}=${kept ? value : REDACTED}`);
  }
  return out;
}

/** A path segment, or a hash route's: kept unless it holds a typed value; path parameters lose their values. */
function redactSegment(segment: string, c: Compiled, route: boolean): string {
  const [head = '', ...params] = segment.split(';');
  const decoded = decodePart(head);
  const hidden =
    (decoded.length >= MIN_TYPED && holdsTyped(decoded, c.values)) ||
    (route && (head.length > MAX_KEY || head.includes('=') || looksGenerated(decoded)));
  const kept = hidden ? REDACTED : head;
  return params.length === 0 ? kept : [kept, ...params.map((p) => `${p.split('=')[0]}=${REDACTED}`)].join(';');
}

function redactPath(path: string, c: Compiled, route: boolean): string {
  return path
    .split('/')
    .map((s) => (s === '' || s === '!' ? s : redactSegment(s, c, route)))
    .join('/');
}

const ANCHOR = /^[A-Za-z][\w\-.:]{0,63}$/;

/** The fragment without its `#`, redacted as the rules above say, as parts: [route, ...pairs] or [whole]. */
function redactFragment(frag: string, c: Compiled, names?: Set<string>): { head: string; pairs: string[] } {
  if (frag.startsWith('/') || frag.startsWith('!/')) {
    const q = frag.indexOf('?');
    const route = redactPath(q < 0 ? frag : frag.slice(0, q), c, true);
    return { head: route, pairs: q < 0 ? [] : redactPairs(frag.slice(q + 1), c, names) };
  }
  if (frag.includes('=')) return { head: '', pairs: redactPairs(frag, c, names) };
  const anchor = ANCHOR.test(frag) && !looksGenerated(frag) && !holdsTyped(frag, c.values);
  return { head: anchor ? frag : REDACTED, pairs: [] };
}

function parse(input: unknown): URL | null {
  if (typeof input !== 'string') return null;
  const raw = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  try {
    return new URL(raw.trim());
  } catch {
    return null;
  }
}

/** Joins parts up to MAX_URL: whole parameters are dropped from the end, never cut. */
function assemble(base: string, query: string[], frag: { head: string; pairs: string[] } | null): string {
  if (base.length >= MAX_URL) return base.slice(0, MAX_URL);
  let out = base;
  let sep = '?';
  for (const p of query) {
    if (out.length + 1 + p.length > MAX_URL) break;
    out += sep + p;
    sep = '&';
  }
  if (!frag) return out;
  let f = `#${frag.head}`;
  sep = frag.head === '' ? '' : '?';
  for (const p of frag.pairs) {
    if (out.length + f.length + 1 + p.length > MAX_URL) break;
    f += sep + p;
    sep = '&';
  }
  return out.length + f.length <= MAX_URL && f !== '#' ? out + f : out;
}

/** An http(s) URL's origin and path, redacted, and its query's redacted pairs. */
function httpParts(u: URL, c: Compiled, names?: Set<string>): { base: string; query: string[] } {
  const base = u.origin + redactPath(u.pathname, c, false);
  return { base, query: u.search.length > 1 ? redactPairs(u.search.slice(1), c, names) : [] };
}

function redactParsed(u: URL, c: Compiled, names?: Set<string>): string {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    const whole = `${u.protocol}${u.pathname}`;
    return whole === 'about:blank' || whole === 'about:srcdoc' ? whole : `${u.protocol}${REDACTED}`;
  }
  const { base, query } = httpParts(u, c, names);
  const frag = u.hash.length > 1 ? redactFragment(u.hash.slice(1), c, names) : null;
  return assemble(base, query, frag);
}

/** `url` as it may be stored under `policy` (see the rules above). Total: junk gives ''. */
export function redactUrl(url: unknown, policy?: UrlPolicy): string {
  const u = parse(url);
  return u ? redactParsed(u, compile(policy)) : '';
}

/**
 * A URL as an attribute holds it (`href`, `action`), absolute or relative: an absolute one as
 * redactUrl says; a relative one keeps its path (path parameters redacted) and has its query and
 * fragment redacted by the same rules. A reference with no `?`, `#`, `;` or `@` has nothing to
 * redact and is returned as it is (bounded), which keeps the recorder's cost per attribute low.
 */
export function redactReference(ref: unknown, policy?: UrlPolicy): string {
  if (typeof ref !== 'string') return '';
  if (!/[?#;@]/.test(ref)) return ref.length > MAX_URL ? ref.slice(0, MAX_URL) : ref;
  const c = compile(policy);
  const abs = parse(ref);
  if (abs) return redactParsed(abs, c);
  const cut = ref.search(/[?#]/);
  const head = redactPath(cut < 0 ? ref : ref.slice(0, cut), c, false);
  if (cut < 0) return head.slice(0, MAX_URL);
  const base = 'http://r.invalid/';
  const u = parse(base + ref.slice(cut));
  const tail = u
    ? redactParsed(u, c)
        .slice(base.length - 1)
        .replace(/^\//, '')
    : '';
  return (head + tail).slice(0, MAX_URL);
}

/**
 * Fragment text the URL parser keeps as it is (printable ASCII but `"`, `#`, `<`, `>` and
 * backtick: no percent-encoding, nothing stripped), so the URL it ends is its part before `#`
 * parsed alone, plus this fragment verbatim.
 */
const PLAIN_FRAGMENT = /^[!$-;=?-_a-~]*$/;
/** Distinct URLs (before `#`) one redactor remembers. */
const MAX_BASES = 512;

/**
 * `redactReference` for many references under one policy, with the same results: a snapshot's
 * links mostly share their URL before `#` (rrweb writes `#trip-1` as the page's URL plus
 * `#trip-1`), which is parsed and redacted once here instead of once per link.
 */
export function referenceRedactor(policy?: UrlPolicy): (ref: unknown) => string {
  const c = compile(policy);
  const bases = new Map<string, { base: string; query: string[] } | null>();
  return (ref) => {
    if (typeof ref !== 'string' || ref.length > MAX_INPUT || !/[?#;@]/.test(ref)) return redactReference(ref, policy);
    const hash = ref.indexOf('#');
    const frag = hash < 0 ? '' : ref.slice(hash + 1);
    if (!PLAIN_FRAGMENT.test(frag)) return redactReference(ref, policy);
    const head = hash < 0 ? ref : ref.slice(0, hash);
    // Spaces before `#` are inside the URL (encoded), but would be trimmed off the head alone.
    if (hash >= 0 && (head.charCodeAt(head.length - 1) <= 0x20 || /\s$/.test(head)))
      return redactReference(ref, policy);
    let parts = bases.get(head);
    if (parts === undefined) {
      const u = parse(head);
      parts = u && (u.protocol === 'http:' || u.protocol === 'https:') ? httpParts(u, c) : null;
      if (bases.size < MAX_BASES) bases.set(head, parts);
    }
    if (!parts) return redactReference(ref, policy);
    return assemble(parts.base, parts.query, frag === '' ? null : redactFragment(frag, c));
  };
}

/**
 * The names of the query and fragment parameters of `url` whose values hold one of `typedValues`:
 * a page that put typed text there (a script-made search, `pushState('?q=…')`) named them, and
 * they stay redacted for the rest of the walk, whatever the keep-list says.
 */
export function typedParamsIn(url: unknown, typedValues: readonly string[]): string[] {
  const u = parse(url);
  if (!u || typedValues.length === 0) return [];
  const names = new Set<string>();
  redactParsed(u, compile({ typedValues }), names);
  return [...names];
}

/** Parameter names as policies take them: strings, trimmed, bounded, without duplicates. */
export function cleanParamNames(names: unknown, max = 100): string[] {
  if (!Array.isArray(names)) return [];
  const out = new Set<string>();
  for (const n of names) {
    if (typeof n !== 'string') continue;
    const s = n.trim();
    if (s !== '' && s.length <= MAX_KEY) out.add(s);
    if (out.size >= max) break;
  }
  return [...out];
}

/** The policy of a walk: its audit's kept parameters and the walk's typed ones (names only). */
export function walkPolicy(
  audit: { privacy: { keepParams?: readonly string[] } } | null | undefined,
  walk: { typedParams?: readonly string[] | undefined } | null | undefined,
): UrlPolicy {
  return { keep: audit?.privacy.keepParams ?? [], typed: walk?.typedParams ?? [] };
}
