// Longer than 200 lines: the walk's whole life (start, pause, end, flushes, the tabs it opens,
// loads, leaves the site with and closes, recovery after a restart) shares one closure and one
// queue of starts; its helpers (context-for, site-guard, private-batch, url-policies) are apart.
import { getAudit } from '@/lib/read/audits';
import { storeFlushed } from '@/lib/db/recording';
import { activeWalk, getWalk } from '@/lib/read/walks';
import { addStep, endWalk, putWalk, updateWalk } from '@/lib/db/walks';
import type { Change, FlushBatch, FlushResult, RecordingStopped, Walk } from '@/lib/model';
import { contextFor } from '@/lib/walk/context-for';
import { createBatchPrivacy } from '@/lib/walk/private-batch';
import { createSiteGuard } from '@/lib/walk/site-guard';
import type { StartWalk, WalkEnv } from '@/lib/walk/walk-env';
import { createUrlPolicies } from '@/lib/walk/url-policies';
import { createStructuredDataReader } from '@/lib/walk/structured-data';
import { redactUrl } from '@/lib/privacy/url-policy';

export type { StartWalk, WalkEnv } from '@/lib/walk/walk-env';

export function createWalkController(env: WalkEnv) {
  const { db } = env;
  const privateBatch = createBatchPrivacy(db);
  // Every URL the worker stores for a walk goes through its URL policy (lib/privacy/url-policy.ts).
  const policies = createUrlPolicies(db);
  const read = env.readStructuredData;
  const structuredData = read
    ? createStructuredDataReader({ db, read, masksText: privateBatch.masksText, policy: policies.forWalkId })
    : null;
  // One recorder's flushes are stored in the order they came: a page that goes away sends its
  // last events as several batches at once, and a later one must not land before an earlier one.
  const queues = new Map<string, Promise<unknown>>();
  function inOrder<T>(key: string, job: () => Promise<T>): Promise<T> {
    const run = (queues.get(key) ?? Promise.resolve()).then(job);
    const tail = run.catch(() => undefined);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  }

  async function tabStep(
    walk: Walk,
    tabId: number,
    kind: 'tab-opened' | 'tab-closed' | 'left-site',
    url = '',
    title = '',
  ) {
    const at = env.now();
    return addStep(db, {
      id: `tab:${tabId}:${kind}:${at}`,
      walkId: walk.id,
      tabId,
      recorderId: null,
      at,
      kind,
      // A page can window.open any length of URL; a step holds 4,096 characters.
      url: url.slice(0, 4096),
      title: title.slice(0, 500),
      target: null,
    });
  }

  const site = createSiteGuard(env, (walk, tabId, origin) => tabStep(walk, tabId, 'left-site', origin));

  /**
   * Records the tab's page when it is on the audit's origins. Pages elsewhere stay unrecorded,
   * even where Touchpoint may script them (a site granted for another audit).
   */
  async function injectInto(walk: Walk, tabId: number, url: string): Promise<void> {
    if (!(await site.place(walk, tabId, url))) return;
    const read = await env.inject(tabId, await contextFor(env, walk, tabId, url)).catch(() => undefined);
    // Its JSON-LD, read as it was claimed, while the page is there (lib/walk/structured-data.ts).
    if (structuredData && read) void structuredData.loaded(walk.id, read);
  }

  /** After a commit: the views hear what changed, the walk's recorders the walk's new state. */
  function changed(walk: Walk | undefined, more: Change[] = [], tabIds?: number[]): Walk | null {
    if (!walk) return null;
    env.announce(walk.auditId, [{ store: 'walks', op: 'put', value: walk }, ...more]);
    env.notify(walk, tabIds);
    return walk;
  }

  /** A walk tab may end or pause only its own walk; the panel (no tab) any walk. */
  function checkTab(walk: Walk, fromTab: number | undefined): void {
    if (fromTab !== undefined && !walk.openTabIds.includes(fromTab)) {
      throw new Error('This tab is not part of that walk.');
    }
  }

  // Starts run one at a time: two clicks on Start walk must not both pass the "no active walk" check.
  let starting: Promise<unknown> = Promise.resolve();

  async function start(req: StartWalk): Promise<Walk> {
    const current = await activeWalk(db);
    if (current) throw new Error('A walk is already being recorded: end it first.');
    const audit = await getAudit(db, req.auditId);
    if (!audit) throw new Error('That audit no longer exists.');
    const tabId = req.tabId ?? (await env.openTab(audit.startUrl));
    const walk = await putWalk(db, {
      id: crypto.randomUUID(),
      auditId: audit.id,
      personaId: req.personaId,
      auditorName: req.auditorName,
      startUrl: audit.startUrl,
      startedAt: env.now(),
      endedAt: null,
      status: 'recording',
      endReason: null,
      tabIds: [tabId],
      openTabIds: [tabId],
      eventCount: 0,
      storedBytes: 0,
      rawBytes: 0,
      outcome: null,
    });
    await env.sessionWalk.set(walk.id);
    await site.reset();
    // The page may have finished loading before the walk was stored (its load event then found no
    // walk tab): inject now. A second injection is harmless; the recorder runs once per document.
    const url = await env.loadedUrl(tabId);
    if (url !== null) await injectInto(walk, tabId, url);
    changed(walk);
    return walk;
  }

  return {
    start(req: StartWalk): Promise<Walk> {
      const run = starting.then(() => start(req));
      starting = run.catch(() => undefined);
      return run;
    },

    /** Ends a walk; `fromTab` is the walk tab whose overlay asked, undefined for the panel. */
    async end(walkId: string, fromTab?: number): Promise<Walk | null> {
      const walk = await getWalk(db, walkId);
      if (walk) checkTab(walk, fromTab);
      if (!walk || walk.status === 'ended') return walk ?? null;
      // Recorders hold up to 5 s of events: let them deliver before the walk stops accepting.
      await Promise.all(walk.openTabIds.map((t) => env.drain(t).catch(() => undefined)));
      const ended = await endWalk(db, walkId, 'auditor', env.now());
      // The ended walk has no open tabs: tell the ones it had, so their overlays go away.
      const result = changed(ended, [], walk.openTabIds);
      await site.releaseHostAccess(ended);
      return result;
    },

    async pause(walkId: string, paused: boolean, fromTab?: number): Promise<Walk | null> {
      const current = await getWalk(db, walkId);
      if (current) checkTab(current, fromTab);
      const walk = await updateWalk(db, walkId, (w) =>
        w.status === 'ended' ? w : { ...w, status: paused ? 'paused' : 'recording' },
      );
      return changed(walk);
    },

    /** `documentId`: the page load that sent it, where the browser says (Chrome). */
    async flush(batch: FlushBatch, tabId: number | undefined, documentId?: string): Promise<FlushResult> {
      if (tabId === undefined) return { ok: false, reason: 'not-a-walk-tab' };
      const { result, walk, changes } = await inOrder(batch.recorderId, async () =>
        storeFlushed(
          db,
          await privateBatch(batch),
          tabId,
          env.compress,
          env.now(),
          await policies.forWalkId(batch.walkId),
        ),
      );
      // The views follow the totals and the steps; the walk's tabs care only when recording stops
      // (a full disk), and telling every tab of every flush costs each page a message as it loads.
      if (walk) env.announce(walk.auditId, changes);
      if (walk && walk.status !== 'recording' && changes.length > 0) env.notify(walk);
      // This flush ended the walk (a full disk).
      if (walk?.status === 'ended' && changes.length > 0) await site.releaseHostAccess(walk);
      // A page load's first stored flush: its JSON-LD is stored on its mark, beside the answer (not
      // awaited: a slow or frozen page must not hold its recorder's flushes back).
      if (structuredData && result.ok && batch.seqFrom === 0 && changes.length > 0) {
        void structuredData.atFirstFlush(batch.walkId, batch.recorderId, tabId, documentId);
      }
      return result;
    },

    /**
     * A walk tab's recorder stopped while the walk goes on (lib/record/flusher.ts bounds): the
     * walk gets a step saying why, which the panel's walk bar, the replay and the export show.
     */
    async recordingStopped(req: RecordingStopped, tabId: number | undefined): Promise<null> {
      const walk = await getWalk(db, req.walkId);
      if (!walk || walk.status === 'ended' || tabId === undefined || !walk.openTabIds.includes(tabId)) return null;
      const step = await addStep(db, {
        id: `${req.recorderId}:stopped`,
        walkId: walk.id,
        tabId,
        recorderId: req.recorderId,
        at: env.now(),
        kind: 'recording-stopped',
        url: redactUrl(req.url, await policies.forWalk(walk)),
        title: '',
        target: null,
        stopReason: req.reason,
      });
      env.announce(walk.auditId, [{ store: 'steps', op: 'put', value: step }]);
      return null;
    },

    /** A tab opened from one of the walk's tabs joins the walk. */
    async tabCreated(tabId: number, openerTabId: number | undefined, url = ''): Promise<void> {
      const walk = await activeWalk(db);
      if (!walk || openerTabId === undefined || !walk.openTabIds.includes(openerTabId)) return;
      const next = await updateWalk(db, walk.id, (w) => ({
        ...w,
        tabIds: w.tabIds.includes(tabId) ? w.tabIds : [...w.tabIds, tabId],
        openTabIds: w.openTabIds.includes(tabId) ? w.openTabIds : [...w.openTabIds, tabId],
      }));
      if (next) {
        // A tab opened onto another site: its step names that site only, and a left-site step follows.
        const shown = (await site.elsewhere(next, url)) ?? redactUrl(url, await policies.forWalk(next));
        changed(next, [{ store: 'steps', op: 'put', value: await tabStep(next, tabId, 'tab-opened', shown) }]);
        await site.place(next, tabId, url);
        const loaded = await env.loadedUrl(tabId);
        if (loaded !== null) await injectInto(next, tabId, loaded);
      }
    },

    /**
     * A walk tab's page committed a navigation (webNavigation names its URL even on sites
     * Touchpoint may not read): leaving the audit's origins is a step the moment it happens.
     */
    async tabNavigated(tabId: number, url: string): Promise<void> {
      const walk = await activeWalk(db);
      if (walk?.openTabIds.includes(tabId)) await site.place(walk, tabId, url);
    },

    /** A walk tab finished loading a page: record it when it is on the audit's origins. Other tabs get nothing. */
    async tabLoaded(tabId: number, url = ''): Promise<void> {
      const walk = await activeWalk(db);
      if (!walk?.openTabIds.includes(tabId)) return;
      // The load event names the URL when Touchpoint may read it; ask the tab otherwise.
      await injectInto(walk, tabId, url || ((await env.loadedUrl(tabId)) ?? ''));
    },

    async tabRemoved(tabId: number): Promise<void> {
      const walk = await activeWalk(db);
      if (!walk?.openTabIds.includes(tabId)) return;
      const next = await updateWalk(db, walk.id, (w) => ({
        ...w,
        openTabIds: w.openTabIds.filter((t) => t !== tabId),
      }));
      if (next) changed(next, [{ store: 'steps', op: 'put', value: await tabStep(next, tabId, 'tab-closed') }]);
      await site.forget(tabId);
    },

    /**
     * Runs each time the worker starts. A worker that merely slept finds its walk noted in the
     * session and carries on (forgetting tabs closed meanwhile). After a browser restart the note
     * is gone and the walk's tabs with it: close the walk with everything it stored.
     */
    async recover(): Promise<void> {
      const walk = await activeWalk(db);
      if (!walk) return;
      if ((await env.sessionWalk.get()) !== walk.id) {
        const ended = await endWalk(db, walk.id, 'browser-restart', env.now());
        changed(ended);
        await site.releaseHostAccess(ended);
        return;
      }
      const alive: number[] = [];
      for (const t of walk.openTabIds) if (await env.tabExists(t)) alive.push(t);
      if (alive.length < walk.openTabIds.length) {
        changed(await updateWalk(db, walk.id, (w) => ({ ...w, openTabIds: alive })));
      }
    },

    setShowTags: (on: boolean) => env.showTags.set(on),

    /** Loads the tagging tools into an open tab of the active walk, and nowhere else. */
    async injectTagger(tabId: number | undefined): Promise<null> {
      const walk = await activeWalk(db);
      if (!walk || tabId === undefined || !walk.openTabIds.includes(tabId)) {
        throw new Error('This tab is not part of the walk being recorded.');
      }
      await env.injectTagger(tabId);
      return null;
    },

    active: () => activeWalk(db),
  };
}

export type WalkController = ReturnType<typeof createWalkController>;
