import { signal } from '@preact/signals';
import { type ChunkMeta, createFactsRunner, type PageLoad } from '@/components/panel/model/facts-runner';
import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import type { Db } from '@/lib/db/open-db';
import type { PageFacts } from '@/lib/model/fact';
import { type AuditData, emptyWalkData } from '@/lib/read/audit-data';
import { ManualClock, settle } from '../support/clock';
import { AUDIT, walk } from '../read/samples';

const QUIET = 2000;

function record(load: PageLoad, over: Partial<PageFacts> = {}): PageFacts {
  return {
    id: load.id,
    auditId: AUDIT.id,
    walkId: load.walkId,
    recorderId: load.recorderId,
    tabId: load.tabId,
    touchpointId: null,
    url: 'https://ventura.example/',
    title: '',
    at: load.lastTs,
    version: EXTRACTION_VERSION,
    facts: [],
    failed: [],
    unreadable: [],
    extractedAt: 1,
    ...over,
  };
}

/** A runner over a scripted read model: chunks named by the model, a fake extract, a manual clock. */
function setup(status: 'ended' | 'recording' = 'ended', paused = signal(false)) {
  const clock = new ManualClock();
  clock.now = 100_000;
  const chunks = new Map<string, ChunkMeta>();
  const w = emptyWalkData(walk('w1', 1_000, { status, endedAt: status === 'ended' ? 9_000 : null }));
  const data = signal<AuditData | null>({ audit: AUDIT, personas: [], touchpoints: [], walks: [w], decisions: [] });
  const sent: PageFacts[] = [];
  const extracted: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let fail: string | null = null;
  const extract = async (load: PageLoad): Promise<PageFacts> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await settle();
    inFlight--;
    if (fail === load.recorderId) throw new Error('unreadable page');
    extracted.push(`${load.recorderId}@${load.lastTs}`);
    return record(load);
  };
  const read: string[] = [];
  const life = new AbortController();
  const runner = createFactsRunner({
    db: {} as Db,
    data,
    env: {
      send: (async (_name: string, payload: PageFacts) => {
        sent.push(payload);
        return null;
      }) as never,
      now: () => clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    },
    extract,
    signal: life.signal,
    quietMs: QUIET,
    readChunks: async (ids) => {
      read.push(...ids);
      return ids.flatMap((id) => (chunks.has(id) ? [chunks.get(id) as ChunkMeta] : []));
    },
    yieldTurn: () => settle(),
    paused,
  });
  /** A new chunk of recorder `rec` whose last event is at `lastTs`, named by the read model. */
  function addChunk(rec: string, lastTs: number) {
    const id = `${rec}:${lastTs}`;
    chunks.set(id, { id, walkId: 'w1', recorderId: rec, tabId: 7, lastTs });
    const d = data.value as AuditData;
    const cur = d.walks[0] as AuditData['walks'][number];
    data.value = { ...d, walks: [{ ...cur, chunkIds: [...cur.chunkIds, id] }] };
  }
  /** The worker's notice bringing the records sent back into the read model. */
  function deliver() {
    const d = data.value as AuditData;
    const cur = d.walks[0] as AuditData['walks'][number];
    const facts = [...cur.facts.filter((f) => !sent.some((s) => s.id === f.id)), ...sent.splice(0)];
    data.value = { ...d, walks: [{ ...cur, facts }] };
  }
  const run = async () => {
    for (let i = 0; i < 40; i++) await settle();
  };
  return {
    clock,
    data,
    runner,
    sent,
    extracted,
    addChunk,
    deliver,
    run,
    life,
    read,
    max: () => maxInFlight,
    failOn: (r: string | null) => {
      fail = r;
    },
  };
}

describe('the facts runner', () => {
  it('reads no page while the auditor waits on the panel (an export), and goes on after', async () => {
    const paused = signal(true);
    const t = setup('ended', paused);
    t.addChunk('r1', 10);
    await t.run();
    expect(t.extracted).toEqual([]);
    paused.value = false;
    await t.run();
    expect(t.extracted).toEqual(['r1@10']);
  });

  it('reads every page load of an ended walk once, one at a time, and sends each record', async () => {
    const t = setup('ended');
    t.addChunk('r1', 10);
    t.addChunk('r1', 20);
    t.addChunk('r2', 30);
    await t.run();
    expect(t.extracted).toEqual(['r1@20', 'r2@30']);
    expect(t.max()).toBe(1);
    expect(t.sent.map((s) => s.id)).toEqual(['w1:r1', 'w1:r2']);
    expect(t.runner.timings.value.map((x) => x.id)).toEqual(['w1:r1', 'w1:r2']);
    t.deliver();
    await t.run();
    expect(t.extracted).toHaveLength(2);
    expect(t.runner.pending.value).toBe(0);
    expect(t.runner.running.value).toBe(false);
  });

  it('waits for a page load of a walk under way to be quiet, and reads it again when it grows', async () => {
    const t = setup('recording');
    t.addChunk('r1', 10);
    await t.run();
    expect(t.extracted).toEqual([]);
    expect(t.runner.pending.value).toBe(1);
    t.clock.advance(QUIET - 500);
    t.addChunk('r1', 20); // still loading: the wait starts again
    await t.run();
    t.clock.advance(QUIET - 1);
    await t.run();
    expect(t.extracted).toEqual([]);
    t.clock.advance(1);
    await t.run();
    expect(t.extracted).toEqual(['r1@20']);
    t.deliver();
    t.addChunk('r1', 40);
    await t.run();
    t.clock.advance(QUIET);
    await t.run();
    expect(t.extracted).toEqual(['r1@20', 'r1@40']);
  });

  it('reads again a record of older extractors, and every page load on recompute', async () => {
    const t = setup('ended');
    t.addChunk('r1', 10);
    t.addChunk('r2', 20);
    const d = t.data.value as AuditData;
    const w = d.walks[0] as AuditData['walks'][number];
    const load = (rec: string, lastTs: number): PageLoad => ({
      id: `w1:${rec}`,
      walkId: 'w1',
      recorderId: rec,
      tabId: 7,
      lastTs,
      chunkIds: [],
    });
    t.data.value = {
      ...d,
      walks: [{ ...w, facts: [record(load('r1', 10), { version: EXTRACTION_VERSION - 1 }), record(load('r2', 20))] }],
    };
    await t.run();
    expect(t.extracted).toEqual(['r1@10']);
    t.deliver();
    t.runner.recompute();
    await t.run();
    expect(t.extracted).toEqual(['r1@10', 'r1@10', 'r2@20']);
  });

  it("reads no chunk of an ended walk's page load whose facts were read after it ended, until recompute", async () => {
    const t = setup('ended');
    const d = t.data.value as AuditData;
    const w = d.walks[0] as AuditData['walks'][number];
    const load: PageLoad = { id: 'w1:r1', walkId: 'w1', recorderId: 'r1', tabId: 7, lastTs: 10, chunkIds: [] };
    t.data.value = { ...d, walks: [{ ...w, facts: [record(load, { extractedAt: 9_500 })] }] };
    t.addChunk('r1', 10);
    t.addChunk('r2', 20);
    await t.run();
    expect(t.read).toEqual(['r2:20']);
    expect(t.extracted).toEqual(['r2@20']);
    t.runner.recompute();
    await t.run();
    expect(t.extracted).toEqual(['r2@20', 'r1@10', 'r2@20']);
  });

  it('a page that fails is reported and not tried again until its recording grows', async () => {
    const t = setup('ended');
    t.failOn('r1');
    t.addChunk('r1', 10);
    await t.run();
    expect(String(t.runner.lastError.value)).toMatch(/unreadable page/);
    t.addChunk('r2', 20);
    await t.run();
    expect(t.extracted).toEqual(['r2@20']);
    t.failOn(null);
    t.addChunk('r1', 30);
    await t.run();
    expect(t.extracted).toEqual(['r2@20', 'r1@30']);
    expect(t.runner.lastError.value).toBeNull();
  });

  it('stops when the panel goes', async () => {
    const t = setup('recording');
    t.addChunk('r1', 10);
    await t.run();
    t.life.abort();
    expect(t.clock.pending).toBe(0);
    t.clock.advance(QUIET * 2);
    t.addChunk('r2', 20);
    await t.run();
    expect(t.extracted).toEqual([]);
  });
});
