import type { Db } from '@/lib/db/open-db';
import { listChunks } from '@/lib/read/recording';
import { activeWalk, getWalk, listSteps } from '@/lib/read/walks';
import { putTag } from '@/lib/db/tags';
import type { RecorderContext, Walk } from '@/lib/model';
import { gzip } from '@/lib/codec/gzip';
import { createWalkController, type WalkEnv } from '@/lib/walk/controller';
import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from '../support/journey-samples';
import { batchOf, freshDb, numberedEvents, pageStep, seedWalk } from '../support/seed';
import { heardChanges } from '../worker/support';

/** The browser as an in-memory list of tabs; every call is logged in order. */
function fakeEnv(db: Db) {
  let nextTab = 100;
  let clock = 100_000;
  const log: string[] = [];
  const tabs = new Map<number, string>();
  const notified: { walk: Walk; tabIds: number[] }[] = [];
  const injected: RecorderContext[] = [];
  const views = heardChanges();
  /** Tabs whose page has finished loading. */
  const loaded = new Set<number>();
  /** The browser session's storage: emptied by a browser restart. */
  const session: { walkId?: string; showTags?: boolean; awayTabs?: number[] } = {};
  /** Host access given back, one call per list of patterns. */
  const released: string[][] = [];
  const env: WalkEnv = {
    db,
    compress: gzip,
    now: () => clock++,
    openTab: async (url) => {
      const id = nextTab++;
      tabs.set(id, url);
      log.push(`open ${id} ${url}`);
      return id;
    },
    loadedUrl: async (tabId) => (loaded.has(tabId) ? `https://ventura.example/${tabId}` : null),
    tabExists: async (tabId) => tabs.has(tabId),
    sessionWalk: {
      get: async () => session.walkId,
      set: async (walkId) => {
        session.walkId = walkId;
      },
    },
    inject: async (tabId, context) => {
      log.push(`inject ${tabId}`);
      injected.push(context);
    },
    drain: async (tabId) => {
      log.push(`drain ${tabId} (${(await activeWalk(db))?.status ?? 'no walk'})`);
    },
    notify: (walk, tabIds = walk.openTabIds) => notified.push({ walk, tabIds }),
    announce: views.announce,
    personaName: async (personaId) => (await db.get('personas', personaId))?.name ?? '',
    awayTabs: {
      get: async () => session.awayTabs ?? [],
      set: async (tabIds) => {
        session.awayTabs = tabIds;
      },
    },
    installTimeHosts: ['http://127.0.0.1/*'],
    releaseHostAccess: async (patterns) => {
      released.push(patterns);
    },
    showTags: {
      get: async () => session.showTags !== false,
      set: async (on) => {
        session.showTags = on;
      },
    },
    injectTagger: async (tabId) => {
      log.push(`tagger ${tabId}`);
    },
  };
  return { env, log, tabs, notified, loaded, session, injected, views, released };
}

async function setup() {
  const db = await freshDb();
  const { audit, persona, walk: other } = await seedWalk(db, { status: 'ended', endReason: 'auditor', endedAt: 4_000 });
  const fake = fakeEnv(db);
  const walks = createWalkController(fake.env);
  const start = () => walks.start({ auditId: audit.id, personaId: persona.id, auditorName: 'Sam' });
  return { db, audit, persona, other, walks, start, ...fake };
}

describe('walk controller', () => {
  it('start opens a tab at the start URL and claims it', async () => {
    const { start, log, tabs, notified, audit, views } = await setup();
    const walk = await start();
    expect(log).toEqual([`open 100 ${audit.startUrl}`]);
    expect(tabs.get(100)).toBe(audit.startUrl);
    expect(walk).toMatchObject({ status: 'recording', tabIds: [100], openTabIds: [100], startUrl: audit.startUrl });
    expect(notified.at(-1)?.walk.id).toBe(walk.id);
    expect(views.heard).toEqual([{ auditId: audit.id, changes: [{ store: 'walks', op: 'put', value: walk }] }]);
  });

  it('start in a given (loaded) tab takes it and injects the recorder', async () => {
    const { walks, audit, persona, log, loaded } = await setup();
    loaded.add(42);
    const walk = await walks.start({ auditId: audit.id, personaId: persona.id, auditorName: 'Sam', tabId: 42 });
    expect(walk.tabIds).toEqual([42]);
    expect(log).toEqual(['inject 42']);
  });

  it('refuses a second start while a walk is active, and a start for a missing audit', async () => {
    const { start, walks, persona } = await setup();
    await start();
    await expect(start()).rejects.toThrow('A walk is already being recorded: end it first.');
    await expect(walks.start({ auditId: 'gone', personaId: persona.id, auditorName: '' })).rejects.toThrow();
  });

  it('starts one walk only when two starts race (a double click)', async () => {
    const { db, start } = await setup();
    const results = await Promise.allSettled([start(), start()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const recording = await db.getAllFromIndex('walks', 'byStatus', 'recording');
    expect(recording).toHaveLength(1);
  });

  it('a tab opened from a walk tab joins the walk with a tab-opened step; others are ignored', async () => {
    const { db, start, walks, views } = await setup();
    const walk = await start();
    views.clear();
    await walks.tabCreated(101, 100, 'https://ventura.example/terms.html');
    await walks.tabCreated(300, 999);
    await walks.tabCreated(301, undefined);
    expect(await getWalk(db, walk.id)).toMatchObject({ tabIds: [100, 101], openTabIds: [100, 101] });
    const steps = await listSteps(db, walk.id);
    expect(steps.map((s) => [s.kind, s.tabId, s.url, s.recorderId])).toEqual([
      ['tab-opened', 101, 'https://ventura.example/terms.html', null],
    ]);
    expect(views.heard.map((h) => h.changes)).toEqual([
      [
        { store: 'walks', op: 'put', value: await getWalk(db, walk.id) },
        { store: 'steps', op: 'put', value: steps[0] },
      ],
    ]);
  });

  it('injects the recorder only into walk tabs that load', async () => {
    const { start, walks, log } = await setup();
    await start();
    log.length = 0;
    await walks.tabLoaded(100, 'https://ventura.example/');
    await walks.tabLoaded(555, 'https://ventura.example/');
    expect(log).toEqual(['inject 100']);
  });

  it('injects each page with its context: walk, privacy, pause state and the tags already on it', async () => {
    const { db, start, walks, injected, audit, persona } = await setup();
    const walk = await start();
    const url = 'https://ventura.example/quote.html';
    await putTag(db, {
      ...SAMPLE_FIELDS,
      id: 'tag-1',
      auditId: audit.id,
      walkId: walk.id,
      touchpointId: null,
      tabId: 100,
      recorderId: null,
      url: `${url}#step-2`,
      pageTitle: 'Quote',
      at: 1,
      anchor: SAMPLE_ANCHOR,
      target: null,
      screenshotId: null,
      createdAt: 1,
      updatedAt: 1,
    });
    await walks.tabLoaded(100, url);
    await walks.tabLoaded(100, 'https://ventura.example/index.html');
    await walks.pause(walk.id, true);
    await walks.tabLoaded(100, url);
    expect(injected.map((c) => [c.walkId, c.tabId, c.personaName, c.tagsHere, c.paused])).toEqual([
      [walk.id, 100, persona.name, 1, false],
      [walk.id, 100, persona.name, 0, false],
      [walk.id, 100, persona.name, 1, true],
    ]);
  });

  it('tells the views what every flush stored, the walk tabs only when recording stops', async () => {
    const { db, start, walks, notified, views } = await setup();
    const walk = await start();
    await walks.tabCreated(101, 100);
    notified.length = 0;
    views.clear();
    const visit = { ...pageStep(0, 'visit'), url: 'https://ventura.example/quote.html' };
    await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 3), [visit, pageStep(1)]), 100);
    expect(notified).toEqual([]);
    const [touchpoint] = await db.getAll('touchpoints');
    const steps = await listSteps(db, walk.id);
    const stored = await getWalk(db, walk.id);
    expect(stored?.eventCount).toBe(3);
    // Built from what the flush wrote, in its one transaction: nothing is read again.
    expect(views.heard).toEqual([
      {
        auditId: walk.auditId,
        changes: [
          { store: 'walks', op: 'put', value: stored },
          { store: 'touchpoints', op: 'put', value: touchpoint },
          { store: 'steps', op: 'put', value: steps.find((x) => x.id === 'rec-1:0') },
          { store: 'steps', op: 'put', value: steps.find((x) => x.id === 'rec-1:1') },
          { store: 'chunks', op: 'put', walkId: walk.id, ids: ['rec-1:000000000'] },
        ],
      },
    ]);
    // A retry of what is stored changes nothing, and says nothing.
    await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 3)), 100);
    expect(views.heard).toHaveLength(1);
  });

  it('keeps a recording-stopped step, with its reason, for a walk tab whose recorder stopped', async () => {
    const { db, start, walks, views } = await setup();
    const walk = await start();
    views.clear();
    const req = {
      walkId: walk.id,
      recorderId: 'rec-9',
      url: 'https://ventura.example/flood.html',
      reason: 'backlog' as const,
    };
    await walks.recordingStopped(req, 100);
    await walks.recordingStopped(req, 100); // told twice: still one step
    const steps = (await listSteps(db, walk.id)).filter((s) => s.kind === 'recording-stopped');
    expect(steps).toEqual([
      expect.objectContaining({
        id: 'rec-9:stopped',
        tabId: 100,
        recorderId: 'rec-9',
        stopReason: 'backlog',
        target: null,
      }),
    ]);
    expect(views.summary()).toEqual(['steps put rec-9:stopped', 'steps put rec-9:stopped']);
    // Not from a tab outside the walk, and not once the walk has ended.
    await walks.recordingStopped({ ...req, recorderId: 'rec-x' }, 555);
    await walks.end(walk.id);
    await walks.recordingStopped({ ...req, recorderId: 'rec-y' }, 100);
    expect((await listSteps(db, walk.id)).filter((s) => s.kind === 'recording-stopped')).toHaveLength(1);
  });

  it('applies the walk’s URL policy to flushes and tab steps, and hands typed names to later recorders', async () => {
    const { db, audit, start, walks, injected, loaded } = await setup();
    await db.put('audits', { ...audit, privacy: { ...audit.privacy, keepParams: ['page', 'q'] } });
    const walk = await start();
    const visit = { ...pageStep(0, 'visit'), url: 'https://ventura.example/search?q=typed&page=2&utm_source=x' };
    const typed = { type: 5, timestamp: 10_001, data: { tag: 'touchpoint:typed-params', payload: { names: ['q'] } } };
    await walks.flush(batchOf(walk.id, 0, [...numberedEvents(0, 1), typed], [visit]), 100);
    await walks.tabCreated(101, 100, 'https://ventura.example/support.html?token=tok3n#access_token=tok3n');
    expect((await listSteps(db, walk.id)).map((x) => x.url)).toEqual([
      'https://ventura.example/search?q=*&page=2&utm_source=*',
      'https://ventura.example/support.html?token=*#access_token=*',
    ]);
    loaded.add(101);
    await walks.tabLoaded(101, 'https://ventura.example/search?q=other&page=3');
    expect(injected.at(-1)).toMatchObject({ keepParams: ['page', 'q'], typedParams: ['q'] });
  });

  it('lets a walk tab pause or end only its own walk; the panel any', async () => {
    const { start, walks, views } = await setup();
    const walk = await start();
    await expect(walks.pause(walk.id, true, 555)).rejects.toThrow(/not part of that walk/);
    await expect(walks.end(walk.id, 555)).rejects.toThrow(/not part of that walk/);
    expect(await walks.active()).toMatchObject({ status: 'recording' });
    views.clear();
    expect(await walks.pause(walk.id, true, 100)).toMatchObject({ status: 'paused' });
    expect(await walks.pause(walk.id, false)).toMatchObject({ status: 'recording' });
    expect(views.summary()).toEqual([`walks put ${walk.id}`, `walks put ${walk.id}`]);
    expect(await walks.end(walk.id, 100)).toMatchObject({ status: 'ended' });
  });

  it('records a tab-closed step when a walk tab closes, and forgets the tab', async () => {
    const { db, start, walks, views } = await setup();
    const walk = await start();
    await walks.tabCreated(101, 100);
    views.clear();
    await walks.tabRemoved(101);
    await walks.tabRemoved(777);
    expect(await getWalk(db, walk.id)).toMatchObject({ tabIds: [100, 101], openTabIds: [100] });
    expect((await listSteps(db, walk.id)).map((s) => [s.kind, s.tabId])).toEqual([
      ['tab-opened', 101],
      ['tab-closed', 101],
    ]);
    const closed = (await listSteps(db, walk.id))[1];
    expect(views.summary()).toEqual([`walks put ${walk.id}`, `steps put ${closed?.id}`]);
  });

  it('injects the recorder, with its whole context, into open walk tabs only', async () => {
    const { start, walks, persona, audit, injected } = await setup();
    const walk = await start();
    await walks.tabLoaded(100, 'https://ventura.example/index.html');
    expect(injected).toEqual([
      {
        walkId: walk.id,
        auditId: audit.id,
        categories: audit.categories,
        tabId: 100,
        personaName: persona.name,
        startedAt: walk.startedAt,
        paused: false,
        maskAllText: audit.privacy.maskAllText,
        blockSelectors: audit.privacy.blockSelectors,
        keepParams: audit.privacy.keepParams,
        typedParams: [],
        showTags: true,
        tagsHere: 0,
      },
    ]);
    await walks.tabLoaded(555, 'https://ventura.example/index.html');
    await walks.tabRemoved(100);
    await walks.tabLoaded(100, 'https://ventura.example/index.html');
    expect(injected).toHaveLength(1);
  });

  it('end drains every open tab while the walk still accepts events, then ends it', async () => {
    const { db, start, walks, log, notified, views } = await setup();
    const walk = await start();
    await walks.tabCreated(101, 100);
    log.length = 0;
    views.clear();
    const ended = await walks.end(walk.id);
    expect(views.heard).toEqual([{ auditId: walk.auditId, changes: [{ store: 'walks', op: 'put', value: ended }] }]);
    expect(log.sort()).toEqual(['drain 100 (recording)', 'drain 101 (recording)']);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'auditor', openTabIds: [] });
    // The ended walk has no open tabs left, yet the tabs it had are told (their overlays close).
    expect(notified.at(-1)?.walk.status).toBe('ended');
    expect(notified.at(-1)?.tabIds.sort()).toEqual([100, 101]);
    expect(await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 3)), 100)).toEqual({
      ok: false,
      reason: 'walk-ended',
    });
    expect(await walks.end(walk.id)).toEqual(await getWalk(db, walk.id));
  });

  it('stores flushes from walk tabs and refuses them from other tabs', async () => {
    const { db, start, walks } = await setup();
    const walk = await start();
    expect(await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 3)), 100)).toEqual({ ok: true, storedThrough: 2 });
    expect(await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 3), [], 'r9'), 555)).toEqual({
      ok: false,
      reason: 'not-a-walk-tab',
    });
    expect(await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 3)), undefined)).toMatchObject({ ok: false });
    expect(await listChunks(db, walk.id)).toHaveLength(1);
  });

  it('a woken worker carries on with its walk, forgetting tabs closed while it slept', async () => {
    const { db, start, walks, tabs } = await setup();
    const walk = await start();
    await walks.tabCreated(101, 100);
    tabs.set(101, 'x');
    await walks.recover();
    expect(await getWalk(db, walk.id)).toMatchObject({ status: 'recording', openTabIds: [100, 101] });
    tabs.delete(101);
    await walks.recover();
    expect(await getWalk(db, walk.id)).toMatchObject({ status: 'recording', openTabIds: [100] });
  });

  it('after a browser restart ends the unfinished walk as browser-restart, keeping its chunks', async () => {
    const { db, start, walks, other, tabs, session, views } = await setup();
    const walk = await start();
    await walks.flush(batchOf(walk.id, 0, numberedEvents(0, 10)), 100);
    tabs.clear();
    delete session.walkId; // a restart empties the session's storage
    views.clear();
    await walks.recover();
    expect(await getWalk(db, walk.id)).toMatchObject({ status: 'ended', endReason: 'browser-restart', openTabIds: [] });
    expect(views.summary()).toEqual([`walks put ${walk.id}`]);
    expect(await getWalk(db, other.id)).toMatchObject({ endReason: 'auditor' });
    expect(await listChunks(db, walk.id)).toHaveLength(1);
    expect(await walks.active()).toBeUndefined();
  });
});

/** A view of `db` whose chunk writes fail as a full disk fails. */
function diskFull(db: Db): Db {
  const full = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
  const bound = (target: object, prop: PropertyKey) => {
    const v = Reflect.get(target, prop);
    return typeof v === 'function' ? v.bind(target) : v;
  };
  return new Proxy(db, {
    get: (target, prop) =>
      prop !== 'transaction'
        ? bound(target, prop)
        : (...args: Parameters<Db['transaction']>) =>
            new Proxy(target.transaction(...args), {
              get: (t, p) =>
                p !== 'objectStore'
                  ? bound(t, p)
                  : (name: 'chunks') =>
                      name !== 'chunks'
                        ? t.objectStore(name)
                        : new Proxy(t.objectStore(name), { get: (s, q) => (q === 'put' ? full : bound(s, q)) }),
            }),
  });
}

describe('walk controller: the audited site only', () => {
  const away = 'https://other.example/account/42?token=secret#frag';

  it('a walk tab off the audit origins gets no recorder and one left-site step per departure, then records again', async () => {
    const { db, start, walks, log, views } = await setup();
    const walk = await start();
    log.length = 0;
    views.clear();
    await walks.tabNavigated(100, away);
    await walks.tabLoaded(100, away);
    // Another page elsewhere, another port of the audited host, an unreadable page: the same departure.
    await walks.tabNavigated(100, 'https://third.example/');
    await walks.tabLoaded(100, 'https://ventura.example:8443/');
    await walks.tabLoaded(100, '');
    expect(log).toEqual([]);
    await walks.tabNavigated(100, 'https://ventura.example/back.html');
    await walks.tabLoaded(100, 'https://ventura.example/back.html');
    expect(log).toEqual(['inject 100']);
    await walks.tabNavigated(100, away);
    const steps = await listSteps(db, walk.id);
    expect(steps.map((s) => [s.kind, s.tabId, s.url])).toEqual([
      ['left-site', 100, 'https://other.example'],
      ['left-site', 100, 'https://other.example'],
    ]);
    expect(views.summary()).toEqual(steps.map((s) => `steps put ${s.id}`));
  });

  it('a tab opened onto another site joins the walk unrecorded, its steps naming that site only', async () => {
    const { db, start, walks, log } = await setup();
    const walk = await start();
    log.length = 0;
    await walks.tabCreated(101, 100, away);
    await walks.tabNavigated(101, away);
    await walks.tabLoaded(101, away);
    expect(log).toEqual([]);
    expect((await listSteps(db, walk.id)).map((s) => [s.kind, s.tabId, s.url])).toEqual([
      ['tab-opened', 101, 'https://other.example'],
      ['left-site', 101, 'https://other.example'],
    ]);
    await walks.tabLoaded(101, 'https://ventura.example/');
    expect(log).toEqual(['inject 101']);
    expect(await getWalk(db, walk.id)).toMatchObject({ openTabIds: [100, 101] });
  });

  it('a worker woken from sleep still adds one step per departure (the note lives in the session)', async () => {
    const { db, start, walks, env } = await setup();
    const walk = await start();
    await walks.tabNavigated(100, away);
    const woken = createWalkController(env);
    await woken.tabNavigated(100, 'https://third.example/');
    expect((await listSteps(db, walk.id)).map((s) => s.kind)).toEqual(['left-site']);
  });

  it('a window.open URL over 4,096 characters makes a clipped tab-opened step, not a rejection', async () => {
    const { db, start, walks } = await setup();
    const walk = await start();
    const long = `https://ventura.example/?q=${'x'.repeat(10_000)}`;
    await walks.tabCreated(101, 100, long);
    const [opened] = await listSteps(db, walk.id);
    expect(opened?.kind).toBe('tab-opened');
    expect(opened?.url.length).toBeLessThanOrEqual(4096);
  });
});

describe('walk controller: host access', () => {
  it('gives back the audit host access when the auditor ends the walk', async () => {
    const { start, walks, released } = await setup();
    const walk = await start();
    expect(released).toEqual([]);
    await walks.end(walk.id);
    expect(released).toEqual([['https://ventura.example/*']]);
  });

  it('gives it back after a browser restart ended the walk', async () => {
    const { start, walks, released, session } = await setup();
    await start();
    delete session.walkId;
    await walks.recover();
    expect(released).toEqual([['https://ventura.example/*']]);
  });

  it('gives it back when a full disk ended the walk', async () => {
    const { db, start, released, env } = await setup();
    const walk = await start();
    const full = createWalkController({ ...env, db: diskFull(db) });
    expect(await full.flush(batchOf(walk.id, 0, numberedEvents(0, 3)), 100)).toEqual({
      ok: false,
      reason: 'storage-full',
    });
    expect(released).toEqual([['https://ventura.example/*']]);
  });

  it('keeps what another active walk still needs', async () => {
    const { db, start, walks, released } = await setup();
    const walk = await start();
    // Another walk of an audit on the same site is still recording.
    await seedWalk(db);
    await walks.end(walk.id);
    expect(released).toEqual([]);
  });
});
