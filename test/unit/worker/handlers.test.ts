import type { Sender } from '@/lib/messaging/register';
import type { WorkerHandlers } from '@/lib/messaging/types';
import { createWalkController } from '@/lib/walk/controller';
import type { WalkEnv } from '@/lib/walk/walk-env';
import { createWorkerHandlers, WORKER_MESSAGES, whenReady } from '@/lib/worker/handlers';
import { createPageService } from '@/lib/worker/page-service';
import { gzip } from '@/lib/codec/gzip';
import { listChunks } from '@/lib/read/recording';
import { batchOf, freshDb, numberedEvents, seedWalk, TAB } from '../support/seed';
import { heardChanges } from './support';

const tab = (id: number, url = 'https://ventura.example/'): Sender => ({
  id: 'ours',
  url,
  tab: { id } as Sender['tab'],
});

async function setup() {
  const db = await freshDb();
  const seeded = await seedWalk(db);
  const views = heardChanges();
  const now = () => 100_000;
  const env = {
    db,
    compress: gzip,
    now,
    announce: views.announce,
    notify: () => undefined,
    drain: async () => undefined,
    installTimeHosts: [],
    releaseHostAccess: async () => undefined,
  } as unknown as WalkEnv;
  const walks = createWalkController(env);
  const pages = createPageService({
    db,
    now,
    ids: () => crypto.randomUUID(),
    capture: async () => {
      throw new Error('no');
    },
    announce: views.announce,
  });
  return { db, ...seeded, views, handlers: createWorkerHandlers({ db, now, announce: views.announce, walks, pages }) };
}

describe('the worker’s handlers', () => {
  it('answer every message but the worker’s own broadcasts', async () => {
    const { handlers } = await setup();
    expect(Object.keys(handlers).sort()).toEqual([...WORKER_MESSAGES].sort());
  });

  it('let a walk tab end only its own walk; the panel, even opened as a tab, any walk', async () => {
    const { handlers, walk } = await setup();
    await expect(handlers['walk/pause']({ walkId: walk.id, paused: true }, tab(99))).rejects.toThrow(/not part/);
    await expect(handlers['walk/end']({ walkId: walk.id }, tab(99))).rejects.toThrow(/not part/);
    expect((await handlers['walk/pause']({ walkId: walk.id, paused: false }, tab(TAB)))?.status).toBe('recording');
    const panelInTab = tab(99, 'chrome-extension://ours/sidepanel.html');
    expect(await handlers['walk/pause']({ walkId: walk.id, paused: true }, panelInTab)).toMatchObject({
      status: 'paused',
    });
    expect(await handlers['walk/end']({ walkId: walk.id }, tab(TAB))).toMatchObject({ status: 'ended' });
  });

  it('store a closing tab’s last flush when the browser names no sender tab (Firefox), only for a walk tab', async () => {
    const { handlers, walk, db } = await setup();
    const closing: Sender = { id: 'ours', url: 'https://ventura.example/' };
    const batch = (tabId: number | undefined, recorderId: string) => ({
      ...batchOf(walk.id, 0, numberedEvents(0, 3), [], recorderId),
      ...(tabId === undefined ? {} : { tabId }),
    });
    expect(await handlers['recorder/flush'](batch(TAB, 'r-closing'), closing)).toEqual({ ok: true, storedThrough: 2 });
    expect(await handlers['recorder/flush'](batch(99, 'r-other'), closing)).toEqual({
      ok: false,
      reason: 'not-a-walk-tab',
    });
    expect(await handlers['recorder/flush'](batch(undefined, 'r-none'), closing)).toMatchObject({ ok: false });
    // The browser's word wins when it gives one: a batch cannot claim another tab.
    expect(await handlers['recorder/flush'](batch(TAB, 'r-claim'), tab(99))).toMatchObject({ ok: false });
    expect((await listChunks(db, walk.id)).map((c) => c.recorderId)).toEqual(['r-closing']);
  });

  it('wait for the database before answering, and take every message at once', async () => {
    const { handlers } = await setup();
    let open: (h: WorkerHandlers) => void = () => undefined;
    const waiting = whenReady(new Promise((resolve) => (open = resolve)));
    expect(Object.keys(waiting).sort()).toEqual([...WORKER_MESSAGES].sort());
    let answered = false;
    const reply = waiting['db/ready']({}, tab(1, 'chrome-extension://ours/replay.html')).then((v) => {
      answered = true;
      return v;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBe(false);
    open(handlers);
    expect(await reply).toBeNull();
  });
});
