import type { Db } from '@/lib/db/open-db';
import type { Category, Chunk, RecorderMark, Step, Tag, Walk } from '@/lib/model';
import { type AuditData, findWalk } from '@/lib/read/audit-data';
import { getChunks, listChunks, listRecorders } from '@/lib/read/recording';
import { type Segment, toSegments } from '@/lib/replay/segments';

export interface WalkRow {
  walk: Walk;
  /** null when the persona was deleted after the walk. */
  personaName: string | null;
}

export interface ReplayWalk extends WalkRow {
  auditName: string | null;
  /** Every step of the walk in time order, tab events included. */
  steps: Step[];
  /** The walk's friction tags, in the order they were pinned, and the audit's taxonomy. */
  tags: Tag[];
  categories: Category[];
  segments: Segment[];
}

/** What the read model names only by id: the open walk's recorded events, and its page loads. */
export interface Recording {
  walkId: string;
  chunks: Chunk[];
  marks: RecorderMark[];
}

const personaOf = (data: AuditData, w: Walk) => data.personas.find((p) => p.id === w.personaId)?.name ?? null;

/** An audit's walks, newest first, with their personas' names. */
export function walkRows(data: AuditData): WalkRow[] {
  return data.walks.map(({ walk }) => ({ walk, personaName: personaOf(data, walk) })).reverse();
}

/** Reads a walk's recording for the player (bytes included: the player decodes them page by page). */
export async function readRecording(db: Db, walkId: string): Promise<Recording> {
  const [chunks, marks] = await Promise.all([listChunks(db, walkId), listRecorders(db, walkId)]);
  return { walkId, chunks, marks };
}

/**
 * The recording grown by the chunks the read model learned of since it was read: only those are
 * read, and the page loads again (a handful of small records). The same object when none is new.
 */
export async function growRecording(db: Db, rec: Recording, chunkIds: readonly string[]): Promise<Recording> {
  const known = new Set(rec.chunks.map((c) => c.id));
  const fresh = chunkIds.filter((id) => !known.has(id));
  if (fresh.length === 0) return rec;
  const [chunks, marks] = await Promise.all([getChunks(db, fresh), listRecorders(db, rec.walkId)]);
  return { walkId: rec.walkId, chunks: [...rec.chunks, ...chunks], marks };
}

/** Everything the replay of one walk needs from the read model and its recording; null when it is gone. */
export function replayWalk(data: AuditData | null, rec: Recording): ReplayWalk | null {
  const w = findWalk(data, rec.walkId);
  if (!data || !w) return null;
  return {
    walk: w.walk,
    personaName: personaOf(data, w.walk),
    auditName: data.audit.name,
    steps: w.steps,
    tags: w.tags,
    categories: data.audit.categories,
    segments: toSegments(rec.marks, rec.chunks, w.steps),
  };
}
