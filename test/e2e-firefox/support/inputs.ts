/**
 * The values a recording holds for the page's fields, read from rrweb's events: each input event
 * (incremental snapshot, source Input) with the `id` attribute of the field it is about, found in
 * its recorder's snapshots. What the README promises is checked on these: one `*` per typed
 * character, nothing for a password.
 */
interface SerializedNode {
  id: number;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}
interface RrwebEvent {
  type: number;
  data: {
    source?: number;
    id?: number;
    text?: string;
    node?: SerializedNode;
    adds?: { node: SerializedNode }[];
  };
}

const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const MUTATION = 0;
const INPUT = 5;

function index(node: SerializedNode, ids: Map<number, string>): void {
  const id = node.attributes?.id;
  if (typeof id === 'string') ids.set(node.id, id);
  for (const c of node.childNodes ?? []) index(c, ids);
}

/** Every recorded input value, by the field's `id` attribute (fields without one are left out). */
export function recordedInputs(chunks: { recorderId?: unknown; json: string }[]): { field: string; text: string }[] {
  const byRecorder = new Map<unknown, RrwebEvent[]>();
  for (const c of chunks) {
    byRecorder.set(c.recorderId, [...(byRecorder.get(c.recorderId) ?? []), ...(JSON.parse(c.json) as RrwebEvent[])]);
  }
  const out: { field: string; text: string }[] = [];
  for (const events of byRecorder.values()) {
    const ids = new Map<number, string>();
    for (const e of events) {
      if (e.type === FULL_SNAPSHOT && e.data.node) index(e.data.node, ids);
      if (e.type === INCREMENTAL && e.data.source === MUTATION) for (const a of e.data.adds ?? []) index(a.node, ids);
    }
    for (const e of events) {
      if (e.type !== INCREMENTAL || e.data.source !== INPUT || e.data.id === undefined) continue;
      const field = ids.get(e.data.id);
      if (field !== undefined) out.push({ field, text: e.data.text ?? '' });
    }
  }
  return out;
}

type Row = Record<string, unknown>;
/** The records of the one walk of an audit (each test works in an audit of its own). */
export function walkOfAudit<T extends { stores: Record<string, Row[]>; chunks: Row[] }>(stored: T, audit: string) {
  const auditId = stored.stores.audits?.find((a) => a.name === audit)?.id;
  const walks = (stored.stores.walks ?? []).filter((w) => w.auditId === auditId);
  const walkId = walks[0]?.id;
  const mine = (rows: Row[] | undefined) => (rows ?? []).filter((r) => r.walkId === walkId);
  return {
    walks,
    steps: mine(stored.stores.steps),
    recorders: mine(stored.stores.recorders),
    tags: mine(stored.stores.tags),
    scores: mine(stored.stores.scores),
    chunks: stored.chunks.filter((c) => c.walkId === walkId) as (T['chunks'][number] & { json: string })[],
  };
}
