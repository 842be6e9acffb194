import { fromBase64 } from '@/lib/codec/gzip';
import type { AuditExport } from '@/lib/model/export';
import {
  type Asset,
  assetId,
  type Audit,
  type Chunk,
  type OffsiteEvent,
  type PageSignal,
  type Persona,
  type Score,
  type Screenshot,
  type Step,
  type Tag,
  type Touchpoint,
  type Walk,
} from '@/lib/model';
import type { Decision, PageFacts } from '@/lib/model/fact';

/** What an export holds, as the database stores it: one list per store. */
export interface ImportRecords {
  audits: Audit[];
  personas: Persona[];
  touchpoints: Touchpoint[];
  walks: Walk[];
  steps: Step[];
  chunks: Chunk[];
  assets: Asset[];
  tags: Tag[];
  screenshots: Screenshot[];
  scores: Score[];
  offsite: OffsiteEvent[];
  signals: PageSignal[];
  facts: PageFacts[];
  decisions: Decision[];
}

/** A chunk's key as the worker stores it (lib/db/recording.ts): the same chunk imported twice is one. */
export const chunkId = (recorderId: string, seqFrom: number) => `${recorderId}:${String(seqFrom).padStart(9, '0')}`;

/**
 * A tag's screenshot's key: the export names screenshots by their tag only. Derived from the
 * tag's id, so importing the file again finds it; a hash when that would pass the id bound.
 */
export function screenshotId(tagId: string): string {
  const plain = `${tagId}:shot`;
  if (plain.length <= 80) return plain;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < tagId.length; i++) {
    const c = tagId.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `shot:${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}:${tagId.slice(0, 40)}`;
}

/** The latest moment a walk's records show: when an imported walk that never ended stopped. */
function lastSeen(w: AuditExport['walks'][number]): number {
  let at = w.startedAt;
  for (const s of w.steps) at = Math.max(at, s.at);
  for (const c of w.chunks) at = Math.max(at, c.lastTs);
  return at;
}

/**
 * The walk as stored. A walk still recording (or paused) when its file was written is recording
 * nowhere here: it is stored ended (no open tabs), or this browser would wait for its pages.
 */
function storedWalk(w: AuditExport['walks'][number]): Walk {
  const {
    steps: _s,
    chunks: _c,
    tags: _t,
    scores: _o,
    offsite: _f,
    signals: _g,
    kpis: _k,
    facts: _a,
    assets: _x,
    ...walk
  } = w;
  if (walk.status === 'ended') return walk;
  return { ...walk, status: 'ended', endedAt: walk.endedAt ?? lastSeen(w), openTabIds: [] };
}

/**
 * An export turned into the records the database holds (bytes decoded, screenshots as blobs).
 * `pause` is awaited between walks: decoding a walk's recording is the costly part.
 */
export async function toRecords(file: AuditExport, pause: () => Promise<void>): Promise<ImportRecords> {
  const r: ImportRecords = {
    audits: [file.audit],
    personas: file.personas,
    touchpoints: file.touchpoints,
    walks: [],
    steps: [],
    chunks: [],
    assets: [],
    tags: [],
    screenshots: [],
    scores: [],
    offsite: [],
    signals: [],
    facts: [],
    decisions: file.decisions,
  };
  for (const w of file.walks) {
    r.walks.push(storedWalk(w));
    // Appended one by one: a spread of a long walk's steps would pass the engine's argument limit.
    for (const x of w.steps) r.steps.push(x);
    for (const x of w.scores) r.scores.push(x);
    for (const x of w.offsite) r.offsite.push(x);
    for (const x of w.signals) r.signals.push(x);
    for (const x of w.facts) r.facts.push(x);
    for (const { encoding: _e, data, ...c } of w.chunks) {
      r.chunks.push({
        ...c,
        id: chunkId(c.recorderId, c.seqFrom),
        walkId: w.id,
        data: fromBase64(data) as Chunk['data'],
      });
    }
    for (const { encoding: _e, data, ...a } of w.assets) {
      r.assets.push({ ...a, id: assetId(w.id, a.hash), walkId: w.id, data: fromBase64(data) as Asset['data'] });
    }
    for (const { screenshot, ...tag } of w.tags) {
      const id = screenshot ? screenshotId(tag.id) : null;
      r.tags.push({ ...tag, screenshotId: id });
      if (!screenshot || !id) continue;
      const { encoding: _e, data, ...shot } = screenshot;
      const blob = new Blob([fromBase64(data) as Chunk['data']], { type: shot.mime });
      r.screenshots.push({ ...shot, id, walkId: w.id, blob, createdAt: tag.createdAt });
    }
    await pause();
  }
  return r;
}
