import { z } from 'zod';
import { AuditExport, ExportedWalk } from '@/lib/model/export';
import type { ImportRefusal } from '@/lib/model/import';
import { formatPath, invalidField, type Path } from '@/lib/import/issue';

/** One step of the check done: the walk it reached, of how many. The caller may yield here. */
export interface Checked {
  done: number;
  total: number;
}
export type Outcome = { ok: true; file: AuditExport } | { ok: false; refusal: ImportRefusal };

// The file is checked in parts, in the schema's order (so the first bad field reported is the
// first a whole parse would name): the head, each walk's own fields then each of its lists in
// batches, then the tail. Between parts the caller may yield: a file of tens of MB never holds
// the worker for long.
const LISTS = ['steps', 'chunks', 'tags', 'scores', 'offsite', 'signals', 'kpis', 'facts'] as const;
type ListName = (typeof LISTS)[number];
/** Items checked between two yields: fewer for the lists that carry bytes (recordings, screenshots). */
const BATCH: Record<ListName, number> = {
  steps: 1000,
  chunks: 16,
  tags: 64,
  scores: 1000,
  offsite: 500,
  signals: 1000,
  kpis: 1000,
  facts: 100,
};

const Head = AuditExport.pick({
  schemaVersion: true,
  generator: true,
  exportedAt: true,
  audit: true,
  personas: true,
  touchpoints: true,
});
const Tail = AuditExport.pick({ decisions: true, divergences: true });
const WalkHead = ExportedWalk.omit(Object.fromEntries(LISTS.map((l) => [l, true])) as Record<ListName, true>);

type Failure = { ok: false; refusal: ImportRefusal };

function parse<T extends z.ZodType>(schema: T, value: unknown, root: unknown, at: Path): z.infer<T> | Failure {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  return { ok: false, refusal: invalidField(root, [...at, ...(first?.path ?? [])], first?.code ?? 'custom') };
}
const failed = (v: unknown): v is Failure =>
  typeof v === 'object' && v !== null && (v as Failure).ok === false && 'refusal' in v;

/** The records of a walk and of the audit must be theirs: a file cannot write into another audit. */
function mismatch(path: Path): Failure {
  return { ok: false, refusal: { kind: 'invalid', path: formatPath(path), issue: 'mismatch' } };
}

/** The item schema of one of a walk's lists (some have a default: absent in older formats). */
function itemOf(name: ListName): z.ZodType {
  const list = ExportedWalk.shape[name];
  const array = list instanceof z.ZodDefault ? list.unwrap() : list;
  return (array as z.ZodArray<z.ZodType>).element;
}

/**
 * Checks a migrated file (the current format) against the export schema, part by part, yielding
 * after each part; returns the file as the schema reads it, or the first bad field.
 */
export function* checkExport(root: Record<string, unknown>): Generator<Checked, Outcome> {
  const head = parse(Head, root, root, []);
  if (failed(head)) return head;
  const auditId = head.audit.id;
  for (const key of ['personas', 'touchpoints'] as const) {
    const at = head[key].findIndex((r) => r.auditId !== auditId);
    if (at !== -1) return mismatch([key, at, 'auditId']);
  }
  const rawWalks = root.walks;
  if (!Array.isArray(rawWalks)) return parse(ExportedWalk.array(), rawWalks, root, ['walks']) as Failure;
  const walks: AuditExport['walks'] = [];
  for (const [i, raw] of rawWalks.entries()) {
    const walk = parse(WalkHead, raw, root, ['walks', i]);
    if (failed(walk)) return walk;
    if (walk.auditId !== auditId) return mismatch(['walks', i, 'auditId']);
    const lists: Partial<Record<ListName, unknown[]>> = {};
    for (const name of LISTS) {
      const at: Path = ['walks', i, name];
      const given = (raw as Record<string, unknown>)[name];
      // Absent: the list's default, or the refusal of a list the format requires.
      const items = given === undefined ? parse(ExportedWalk.shape[name], given, root, at) : given;
      if (failed(items)) return items;
      if (!Array.isArray(items)) return parse(ExportedWalk.shape[name], items, root, at) as Failure;
      const item = itemOf(name);
      const out: unknown[] = [];
      for (const [j, value] of items.entries()) {
        const parsed = parse(item, value, root, [...at, j]);
        if (failed(parsed)) return parsed;
        const rec = parsed as { walkId?: string; auditId?: string };
        if (rec.walkId !== undefined && rec.walkId !== walk.id) return mismatch([...at, j, 'walkId']);
        if (rec.auditId !== undefined && rec.auditId !== auditId) return mismatch([...at, j, 'auditId']);
        out.push(parsed);
        if ((j + 1) % BATCH[name] === 0) yield { done: i, total: rawWalks.length };
      }
      lists[name] = out;
    }
    walks.push({ ...walk, ...lists } as AuditExport['walks'][number]);
    yield { done: i + 1, total: rawWalks.length };
  }
  const tail = parse(Tail, root, root, []);
  if (failed(tail)) return tail;
  const bad = tail.decisions.findIndex((d) => d.auditId !== auditId);
  if (bad !== -1) return mismatch(['decisions', bad, 'auditId']);
  return { ok: true, file: { ...head, walks, ...tail } };
}
