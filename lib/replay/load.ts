import { getAudit, listPersonas } from '@/lib/read/audits';
import type { Db } from '@/lib/db/open-db';
import { listChunks, listRecorders } from '@/lib/read/recording';
import { getWalk, listSteps, listWalks } from '@/lib/read/walks';
import { listTags } from '@/lib/read/tags';
import type { Category, Step, Tag, Walk } from '@/lib/model';
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

/** An audit's walks, newest first, with their personas' names. */
export async function loadWalkRows(db: Db, auditId: string): Promise<WalkRow[]> {
  const [rows, personas] = await Promise.all([listWalks(db, auditId), listPersonas(db, auditId)]);
  const names = new Map(personas.map((p) => [p.id, p.name]));
  return rows
    .map((walk) => ({ walk, personaName: names.get(walk.personaId) ?? null }))
    .sort((a, b) => b.walk.startedAt - a.walk.startedAt);
}

/** Everything the replay of one walk needs except the events, which are read a page at a time. */
export async function loadReplayWalk(db: Db, walkId: string): Promise<ReplayWalk | null> {
  const walk = await getWalk(db, walkId);
  if (!walk) return null;
  const [steps, chunks, marks, personas, audit, tags] = await Promise.all([
    listSteps(db, walkId),
    listChunks(db, walkId),
    listRecorders(db, walkId),
    listPersonas(db, walk.auditId),
    getAudit(db, walk.auditId),
    listTags(db, walkId),
  ]);
  return {
    walk,
    personaName: personas.find((p) => p.id === walk.personaId)?.name ?? null,
    auditName: audit?.name ?? null,
    steps,
    tags,
    categories: audit?.categories ?? [],
    segments: toSegments(marks, chunks, steps),
  };
}
