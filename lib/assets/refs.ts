/**
 * A walk stores each large stylesheet text once (issue 15, "store a page once"): rrweb inlines a
 * page's stylesheets into every full snapshot (`inlineStylesheet`), so a site's shared CSS was
 * stored again on each page visit. The worker replaces each such text in a flush's events with a
 * reference naming its SHA-256, and stores the text once per walk (lib/db/recording.ts); every
 * reader expands the references again, so what it gets back is exactly what rrweb recorded.
 *
 * Only the places rrweb puts a stylesheet's text are touched (a `_cssText` attribute, a `<style>`'s
 * text node marked `isStyle`): URLs in other attributes stay in the chunk, where the export's URL
 * policy still finds them (lib/privacy/event-urls.ts). A value there that already begins with
 * `MARK` (a page can write any text) is stored behind `LITERAL`, so no recorded value is ever
 * mistaken for a reference. CSS never holds U+0000 (the CSS parser replaces it), nor does rrweb's
 * serialised text, so in practice the escape never happens.
 */

/** Shorter texts stay inline: a reference and a record would cost more than they save. */
export const ASSET_MIN_CHARS = 1024;
export const MARK = '\u0000tp-';
export const REF = `${MARK}asset:`;
export const LITERAL = `${MARK}lit:`;
/** `MARK` as JSON.stringify (any JSON) writes it: a chunk text without it holds no reference. */
export const MARK_IN_JSON = '\\u0000tp-';

// rrweb's numbers (@rrweb/types), kept here so this pure module has no dependency on rrweb.
const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const MUTATION = 0;
const ELEMENT_NODE = 2;
const TEXT_NODE = 3;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;

/** One place that holds a stylesheet's text: `holder[key]`. */
interface Slot {
  holder: Rec;
  key: string;
  value: string;
}

function pushSlot(out: Slot[], holder: Rec, key: string): void {
  const value = holder[key];
  if (typeof value === 'string') out.push({ holder, key, value });
}

/** The slots of a serialised node tree (iteratively: a page can nest thousands deep). */
function treeSlots(root: unknown, out: Slot[]): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRec(node)) continue;
    if (node.type === ELEMENT_NODE && isRec(node.attributes)) pushSlot(out, node.attributes, '_cssText');
    else if (node.type === TEXT_NODE && node.isStyle === true) pushSlot(out, node, 'textContent');
    if (Array.isArray(node.childNodes)) for (const c of node.childNodes) stack.push(c);
  }
}

/**
 * Every stylesheet text of some events: full snapshots' trees, nodes added by mutations, and the
 * `_cssText` an attribute mutation sets (rrweb sends one when a `<link>` loads after the snapshot).
 */
function stylesheetSlots(events: readonly unknown[]): Slot[] {
  const out: Slot[] = [];
  for (const e of events) {
    if (!isRec(e) || !isRec(e.data)) continue;
    const data = e.data;
    if (e.type === FULL_SNAPSHOT) treeSlots(data.node, out);
    if (e.type !== INCREMENTAL || data.source !== MUTATION) continue;
    if (Array.isArray(data.adds)) for (const add of data.adds) if (isRec(add)) treeSlots(add.node, out);
    if (Array.isArray(data.attributes)) {
      for (const a of data.attributes) if (isRec(a) && isRec(a.attributes)) pushSlot(out, a.attributes, '_cssText');
    }
  }
  return out;
}

/** SHA-256 of a text's UTF-8 bytes, in hex (64 characters): an asset's name. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export interface Externalized {
  /** The events' JSON with each large stylesheet text as a reference. */
  json: string;
  /** The texts referenced, by hash. */
  assets: Map<string, string>;
}

/**
 * The events' JSON with their large stylesheet texts replaced by references, and those texts;
 * null when no slot needs a change (the caller keeps the JSON it has). The events are left as they
 * came: slots are set for the one JSON.stringify and put back after it.
 */
export async function externalize(
  events: readonly unknown[],
  hash: (text: string) => Promise<string> = sha256Hex,
): Promise<Externalized | null> {
  const slots = stylesheetSlots(events).filter((s) => s.value.length >= ASSET_MIN_CHARS || s.value.startsWith(MARK));
  if (slots.length === 0) return null;
  const hashes = new Map<string, Promise<string>>();
  for (const s of slots)
    if (s.value.length >= ASSET_MIN_CHARS && !hashes.has(s.value)) hashes.set(s.value, hash(s.value));
  const named = new Map<string, string>();
  for (const [text, h] of hashes) named.set(text, await h);
  const assets = new Map<string, string>();
  try {
    for (const s of slots) {
      const h = named.get(s.value);
      if (h !== undefined) assets.set(h, s.value);
      s.holder[s.key] = h !== undefined ? REF + h : LITERAL + s.value;
    }
    return { json: JSON.stringify(events), assets };
  } finally {
    for (const s of slots) s.holder[s.key] = s.value;
  }
}

/** The hashes the events reference. */
export function referencedAssets(events: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const s of stylesheetSlots(events)) if (s.value.startsWith(REF)) out.add(s.value.slice(REF.length));
  return [...out];
}

/**
 * The events as rrweb recorded them, in place: each reference replaced by its text from `assets`,
 * each escaped value given back as it was. Throws when a referenced text is missing (a damaged
 * or hand-cut recording): the reader treats that chunk as unreadable.
 */
export function expandAssets(events: readonly unknown[], assets: ReadonlyMap<string, string>): void {
  for (const s of stylesheetSlots(events)) {
    if (s.value.startsWith(REF)) {
      const text = assets.get(s.value.slice(REF.length));
      if (text === undefined) throw new Error(`Missing stylesheet ${s.value.slice(REF.length, REF.length + 12)}…`);
      s.holder[s.key] = text;
    } else if (s.value.startsWith(LITERAL)) {
      s.holder[s.key] = s.value.slice(LITERAL.length);
    }
  }
}
