import { describe, expect, it } from 'vitest';
import { type ChunkMeta, createLoadIndex, type PageLoad } from '@/components/panel/model/facts-loads';
import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import type { PageFacts } from '@/lib/model/fact';
import { type AuditData, emptyWalkData, type WalkData } from '@/lib/read/audit-data';
import { factsId } from '@/lib/read/facts';
import { AUDIT, walk } from '../read/samples';

const QUIET = 2000;

/**
 * The runner's bookkeeping as it was before issue 15: derived from the whole audit on every call.
 * The incremental index must answer what this answers, after any sequence of changes.
 */
function fromScratch() {
  const meta = new Map<string, ChunkMeta>();
  const seenAt = new Map<string, number>();
  return {
    meta,
    seenAt,
    learnIds(d: AuditData): string[] {
      const fresh: string[] = [];
      for (const w of d.walks) {
        const ended = w.walk.status === 'ended' ? (w.walk.endedAt ?? Number.POSITIVE_INFINITY) : null;
        for (const id of w.chunkIds) {
          if (meta.has(id)) continue;
          const recorderId = id.slice(0, id.lastIndexOf(':'));
          const done = w.facts.find((f) => f.recorderId === recorderId);
          const complete = ended !== null && done && done.version >= EXTRACTION_VERSION && done.extractedAt >= ended;
          if (complete) meta.set(id, { id, walkId: w.walk.id, recorderId, tabId: done.tabId, lastTs: done.at });
          else fresh.push(id);
        }
      }
      return fresh;
    },
    todo(d: AuditData, sent: Map<string, number>, forced: Set<string>, now: number) {
      const out = this.loads(d);
      const needs = (load: PageLoad) => {
        if (forced.has(load.id)) return true;
        const mine = sent.get(load.id);
        if (mine !== undefined && mine >= load.lastTs) return false;
        const record = d.walks.find((w) => w.walk.id === load.walkId)?.facts.find((f) => f.id === load.id);
        return !record || record.version < EXTRACTION_VERSION || record.at < load.lastTs;
      };
      const todo = [...out.values()].filter(needs);
      const live = (l: PageLoad) => d.walks.find((w) => w.walk.id === l.walkId)?.walk.status !== 'ended';
      const waits = todo.map((l) => (live(l) ? (seenAt.get(l.id) ?? 0) + QUIET - now : 0));
      return { todo, anyReady: waits.some((x) => x <= 0), waits: waits.filter((x) => x > 0) };
    },
    loads(d: AuditData): Map<string, PageLoad> {
      const out = new Map<string, PageLoad>();
      for (const w of d.walks)
        for (const chunkId of w.chunkIds) {
          const c = meta.get(chunkId);
          if (!c) continue;
          const id = factsId(c.walkId, c.recorderId);
          const load = out.get(id) ?? { ...c, id, lastTs: 0, chunkIds: [] };
          load.chunkIds.push(c.id);
          load.lastTs = Math.max(load.lastTs, c.lastTs);
          out.set(id, load);
        }
      return out;
    },
  };
}

/** A seeded generator, so a failure names the sequence that found it. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function facts(w: WalkData, recorderId: string, at: number, version: number, extractedAt: number): PageFacts {
  return {
    id: factsId(w.walk.id, recorderId),
    auditId: AUDIT.id,
    walkId: w.walk.id,
    recorderId,
    tabId: 3,
    touchpointId: null,
    url: 'https://ventura.example/',
    title: '',
    at,
    version,
    facts: [],
    failed: [],
    unreadable: [],
    extractedAt,
  };
}

describe('the facts runner load index', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`answers what reading the whole audit again answers, after every change (sequence ${seed})`, () => {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
      const chunkStore = new Map<string, ChunkMeta>();
      let d: AuditData = {
        audit: AUDIT,
        personas: [],
        touchpoints: [],
        walks: [emptyWalkData(walk('w1', 1)), emptyWalkData(walk('w2', 2))],
        decisions: [],
      };
      const index = createLoadIndex();
      const scratch = fromScratch();
      const sent = new Map<string, number>();
      const forced = new Set<string>();
      let now = 10_000;
      let ts = 0;
      let recorders = 0;
      const hidden: WalkData[] = [];
      const replaceWalk = (w: WalkData, next: WalkData) => {
        d = { ...d, walks: d.walks.map((x) => (x === w ? next : x)) };
      };
      for (let step = 0; step < 400; step++) {
        const w = pick(d.walks);
        const op = r();
        if (op < 0.35 && w) {
          // A flush: a chunk of a page load of this walk (often the newest, sometimes a new one).
          const rec = `${w.walk.id}-r${r() < 0.3 || recorders === 0 ? ++recorders : Math.max(1, recorders - Math.floor(r() * 3))}`;
          const id = `${rec}:${++ts}`;
          chunkStore.set(id, { id, walkId: w.walk.id, recorderId: rec, tabId: 3, lastTs: ts * 10 });
          replaceWalk(w, { ...w, chunkIds: [...w.chunkIds, id] });
        } else if (op < 0.55 && w && w.chunkIds.length > 0) {
          // A facts record arrives (current or stale, as of some point of its recording).
          const id = pick(w.chunkIds);
          const rec = id.slice(0, id.lastIndexOf(':'));
          const version = r() < 0.8 ? EXTRACTION_VERSION : EXTRACTION_VERSION - 1;
          const f = facts(w, rec, (chunkStore.get(id)?.lastTs ?? 0) + (r() < 0.5 ? 0 : -5), version, now);
          replaceWalk(w, { ...w, facts: [...w.facts.filter((x) => x.id !== f.id), f] });
        } else if (op < 0.6 && w && w.facts.length > 0) {
          replaceWalk(w, { ...w, facts: w.facts.slice(1) });
        } else if (op < 0.65 && w && w.walk.status !== 'ended') {
          replaceWalk(w, { ...w, walk: { ...w.walk, status: 'ended', endedAt: now } });
        } else if (op < 0.7) {
          // The audit read again: every list a new array with the same records.
          d = { ...d, walks: d.walks.map((x) => ({ ...x, chunkIds: [...x.chunkIds], facts: [...x.facts] })) };
        } else if (op < 0.73 && d.walks.length > 1 && w) {
          // A walk hidden (another audit shown, or deleted) and later shown again.
          hidden.push(w);
          d = { ...d, walks: d.walks.filter((x) => x !== w) };
        } else if (op < 0.76 && hidden.length > 0) {
          d = { ...d, walks: [...d.walks, hidden.shift() as WalkData] };
        } else if (op < 0.78) {
          index.force(d);
          for (const id of scratch.loads(d).keys()) forced.add(id);
        } else if (op < 0.9) {
          // The runner reads one ready page load.
          const { ready } = index.todo(d, now, QUIET);
          if (ready) {
            index.started(ready);
            forced.delete(ready.id);
            index.sent(ready);
            sent.set(ready.id, ready.lastTs);
          }
        } else now += Math.floor(r() * 3000);

        index.learn(
          index.scan(d).map((id) => chunkStore.get(id) as ChunkMeta),
          now,
        );
        for (const id of scratch.learnIds(d)) {
          const c = chunkStore.get(id) as ChunkMeta;
          scratch.meta.set(id, c);
          scratch.seenAt.set(factsId(c.walkId, c.recorderId), now);
        }
        const mine = index.todo(d, now, QUIET);
        const theirs = scratch.todo(d, sent, forced, now);
        const key = (l: PageLoad) => `${l.id}@${l.lastTs}:${[...l.chunkIds].sort().join(',')}`;
        expect(mine.todo.map(key).sort(), `step ${step}`).toEqual(theirs.todo.map(key).sort());
        expect(mine.ready !== null, `step ${step}`).toBe(theirs.anyReady);
        expect(mine.waitMs, `step ${step}`).toBe(theirs.waits.length ? Math.min(...theirs.waits) : null);
      }
    });
  }

  it('looks only at what a flush added: a walk of many page loads costs one new chunk per flush', () => {
    const w0 = emptyWalkData(walk('w1', 1));
    const ids = Array.from({ length: 3000 }, (_, i) => `w1-r${i}:${i}`);
    let d: AuditData = {
      audit: AUDIT,
      personas: [],
      touchpoints: [],
      walks: [{ ...w0, chunkIds: ids }],
      decisions: [],
    };
    const index = createLoadIndex();
    expect(index.scan(d)).toHaveLength(3000);
    const w = d.walks[0] as WalkData;
    d = { ...d, walks: [{ ...w, chunkIds: [...ids, 'w1-r9999:1'] }] };
    expect(index.scan(d)).toEqual(['w1-r9999:1']);
  });
});
