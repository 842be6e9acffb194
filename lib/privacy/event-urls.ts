/**
 * The URLs inside rrweb events, redacted in place: the Meta event's `href` (the page's URL), and
 * the URL attributes of the recorded DOM. rrweb writes `href` and `src` as absolute URLs, so a
 * link to `#main` on `/search?q=<typed>` is recorded as `/search?q=<typed>#main`, and a results
 * page's own links (`?q=<typed>&page=2`) carry the query again. Only attributes the replay never
 * fetches are touched: links' `href`, `<link>`s' that load nothing (`canonical`, `alternate`: a
 * server writes the query there too), forms' `action`, buttons' `formaction`, frames' `src`.
 * Images, stylesheets and icons keep theirs so the replay still shows them.
 * Pure: the recorder runs it on each event before it is serialised, the worker again on what it
 * stores, and the export on chunks stored before this existed.
 */
import { referenceRedactor, redactUrl, type UrlPolicy } from '@/lib/privacy/url-policy';

/** The custom rrweb event the recorder adds when it learns parameter names that carry typed values. */
export const TYPED_PARAMS_TAG = 'touchpoint:typed-params';

// rrweb's numbers (@rrweb/types), kept here so this pure module has no dependency on rrweb.
const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const META = 4;
const CUSTOM = 5;
const MUTATION = 0;
const ELEMENT_NODE = 2;

/** `<link>`s whose href the replay may load. */
const LOADED = /stylesheet|icon|preload|prefetch|manifest/i;

/** Every attribute name `urlAttribute` may accept. */
const URL_NAMES = ['href', 'action', 'formaction', 'src'] as const;

function urlAttribute(tag: string | undefined, name: string, attrs: Rec): boolean {
  if (name === 'href') return tag !== 'link' || !LOADED.test(typeof attrs.rel === 'string' ? attrs.rel : '');
  if (name === 'action' || name === 'formaction') return true;
  return name === 'src' && (tag === 'iframe' || tag === 'frame');
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;
type Redact = (ref: unknown) => string;

/** One redactor per policy object: the recorder keeps its policy while nothing new is typed. */
const redactors = new WeakMap<UrlPolicy, Redact>();
function redactorFor(policy: UrlPolicy): Redact {
  let r = redactors.get(policy);
  if (!r) {
    r = referenceRedactor(policy);
    if (typeof policy === 'object' && policy !== null) redactors.set(policy, r);
  }
  return r;
}

/** Whether `attrs` may hold a URL attribute: most elements have none, and need no tag name. */
function mayHoldUrl(attrs: Rec): boolean {
  for (const name of URL_NAMES) if (typeof attrs[name] === 'string') return true;
  return false;
}

/** Redacts the URL attributes of `attrs` (an element of tag `tag`); true when one changed. */
function redactAttributes(attrs: Rec, tag: string | undefined, redact: Redact): boolean {
  let changed = false;
  // Looked up by name rather than listing every attribute of every element: each is redacted on
  // its own, so the order they are visited in changes nothing.
  for (const name of URL_NAMES) {
    const value = attrs[name];
    if (typeof value !== 'string' || !Object.hasOwn(attrs, name) || !urlAttribute(tag, name, attrs)) continue;
    const next = redact(value);
    if (next !== value) {
      attrs[name] = next;
      changed = true;
    }
  }
  return changed;
}

/** Every element of a serialised node tree (iteratively: a page can nest thousands deep). */
function redactTree(root: unknown, redact: Redact): boolean {
  let changed = false;
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRec(node)) continue;
    if (node.type === ELEMENT_NODE && isRec(node.attributes) && mayHoldUrl(node.attributes)) {
      const tag = typeof node.tagName === 'string' ? node.tagName.toLowerCase() : undefined;
      if (redactAttributes(node.attributes, tag, redact)) changed = true;
    }
    if (Array.isArray(node.childNodes)) for (const c of node.childNodes) stack.push(c);
  }
  return changed;
}

/**
 * Redacts the URLs of one rrweb event in place; true when anything changed. `tagOf` names the
 * element an attribute change applies to (the recorder has rrweb's mirror); without it, an
 * attribute change's `href` is redacted whatever the element.
 */
export function redactEventUrls(
  event: unknown,
  policy: UrlPolicy,
  tagOf?: (id: number) => string | undefined,
): boolean {
  if (!isRec(event) || !isRec(event.data)) return false;
  const data = event.data;
  if (event.type === META) {
    if (typeof data.href !== 'string') return false;
    const next = redactUrl(data.href, policy);
    if (next === data.href) return false;
    data.href = next;
    return true;
  }
  if (event.type === FULL_SNAPSHOT) return redactTree(data.node, redactorFor(policy));
  if (event.type !== INCREMENTAL || data.source !== MUTATION) return false;
  let changed = false;
  if (Array.isArray(data.adds)) {
    const redact = redactorFor(policy);
    for (const add of data.adds) if (isRec(add) && redactTree(add.node, redact)) changed = true;
  }
  if (Array.isArray(data.attributes)) {
    for (const a of data.attributes) {
      if (!isRec(a) || !isRec(a.attributes) || !mayHoldUrl(a.attributes)) continue;
      const tag = typeof a.id === 'number' ? tagOf?.(a.id) : undefined;
      if (redactAttributes(a.attributes, tag, redactorFor(policy))) changed = true;
    }
  }
  return changed;
}

/** The parameter names a batch's events declare as typed (TYPED_PARAMS_TAG), bounded. */
export function typedParamsOfEvents(events: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const e of events) {
    if (!isRec(e) || e.type !== CUSTOM || !isRec(e.data) || e.data.tag !== TYPED_PARAMS_TAG) continue;
    const payload = e.data.payload;
    const list = isRec(payload) && Array.isArray(payload.names) ? payload.names : [];
    for (const n of list) if (typeof n === 'string' && n !== '' && n.length <= 64 && names.size < 100) names.add(n);
  }
  return [...names];
}
