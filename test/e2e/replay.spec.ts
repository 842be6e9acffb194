import { expect, type Page, test } from '@playwright/test';
import { type FixtureServer, startFixtureServer } from '../../scripts/drive/fixture-server';
import { EXTENSIONS, type Launched, launchChromium } from '../../scripts/drive/browser';
import { walkFixtureSite } from '../../scripts/drive/site';

/**
 * The replay page on a real recording: the walk is recorded by the extension's own recorder and
 * background (started and ended through its messages, so this spec does not depend on the panel's
 * form), then replayed in rrweb-player one page load at a time.
 */
test.describe('replay page', () => {
  // One recorded walk serves every test below; each reads what the one before left.
  test.describe.configure({ mode: 'serial' });

  let site: FixtureServer;
  let ext: Launched;
  let replay: Page;
  let walkId = '';
  const replayUrl = (hash = '') => `chrome-extension://${ext.extensionId}/replay.html${hash}`;
  const pageLabel = () => replay.getByRole('navigation', { name: 'Pages of the walk' }).locator('p');
  const frame = () => replay.frameLocator('.rp-player iframe');
  const pageErrors: string[] = [];

  test.beforeAll(async () => {
    site = await startFixtureServer();
    ext = await launchChromium(EXTENSIONS.e2e);
    replay = await ext.context.newPage();
    replay.on('pageerror', (e) => pageErrors.push(e.message));
  });

  test.afterEach(() => {
    expect(pageErrors, 'uncaught errors on the replay page').toEqual([]);
  });

  test.afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  test('with no audits yet, the page says so', async () => {
    await replay.goto(replayUrl());
    await expect(replay.getByText(/^No audits yet\./)).toBeVisible();
  });

  test('a recorded walk is listed, plays page by page, and its steps switch pages', async () => {
    const { auditId, personaId } = await seedAudit(replay, site.url('/index.html'));
    const [tab, started] = await Promise.all([
      ext.context.waitForEvent('page'),
      message<{ id: string }>(replay, 'walk/start', { auditId, personaId, auditorName: 'QA' }),
    ]);
    walkId = started.id;
    await tab.waitForLoadState('load');
    await walkFixtureSite(ext.context, tab);
    await message(replay, 'walk/end', { walkId });

    await replay.goto(replayUrl());
    const row = replay.getByRole('row').filter({ has: replay.getByRole('link', { name: 'Ana' }) });
    await expect(row).toContainText('QA');
    await expect(row).toContainText('Ended');
    await expect(row).toContainText('Ended by the auditor');

    await row.getByRole('link', { name: 'Ana' }).click();
    await expect(replay).toHaveURL(new RegExp(`#walk=${walkId}`));
    await expect(pageLabel()).toHaveText(/^Page 1 of \d+ — Holidays made simple — Ventura Viajes \(tab 1\)$/);
    await expect(frame().locator('h1')).toHaveText('Holidays made simple');

    // rrweb's iframe is sandboxed without scripts: nothing recorded can run in the extension.
    const sandbox = (await replay.locator('.rp-player iframe').getAttribute('sandbox')) ?? '';
    expect(sandbox.split(/\s+/)).not.toContain('allow-scripts');
    expect(sandbox).toBe('allow-same-origin');

    // A step of another page loads that page's segment.
    await replay.getByRole('button', { name: /^Visit .*Destinations — Ventura Viajes$/ }).click();
    await expect(pageLabel()).toHaveText(/^Page 2 of \d+ — Destinations — Ventura Viajes \(tab 1\)$/);
    await expect(frame().locator('h1')).toHaveText('Destinations');
    await expect(replay.getByRole('button', { name: /^Visit .*Destinations — Ventura Viajes$/ })).toHaveAttribute(
      'aria-current',
      'step',
    );

    // A tab event (no recorder of its own) goes to the page that tab loaded.
    await replay.getByRole('button', { name: /^Tab opened/ }).click();
    await expect(pageLabel()).toHaveText(/— Travel insurance — Ventura Viajes \(tab 2\)$/);
    await expect(frame().locator('h1')).toHaveText('Travel insurance');

    // Previous / Next walk the pages in order.
    await replay.getByRole('button', { name: 'Next page' }).click();
    await expect(pageLabel()).toHaveText(/— Request a quote — Ventura Viajes \(tab 1\)$/);
    await expect(frame().locator('h1')).toHaveText('Request a quote');
    await replay.getByRole('button', { name: 'Previous page' }).click();
    await expect(frame().locator('h1')).toHaveText('Travel insurance');

    await expect(replay.getByRole('button', { name: /^Visit .*Travel insurance — Ventura Viajes$/ })).toHaveAttribute(
      'aria-current',
      'step',
    );

    await replay.screenshot({ path: '/tmp/touchpoint-replay.png' });
    await replay.emulateMedia({ colorScheme: 'dark' });
    await replay.screenshot({ path: '/tmp/touchpoint-replay-dark.png' });
    await replay.emulateMedia({ colorScheme: 'light' });
    await replay.goto(replayUrl());
    await expect(replay.getByRole('link', { name: 'Ana' })).toBeVisible();
    await replay.screenshot({ path: '/tmp/touchpoint-replay-list.png' });
  });

  test('a link to a step opens the walk seeked to it', async () => {
    const steps = await readAll<{ id: string; kind: string; url: string }>(replay, 'steps');
    const quoteVisit = steps.find((s) => s.kind === 'visit' && s.url.endsWith('/quote.html'));
    expect(quoteVisit).toBeTruthy();
    const hash = `#walk=${walkId}&step=${encodeURIComponent(quoteVisit?.id ?? '')}`;
    await replay.goto(replayUrl(hash));
    await expect(pageLabel()).toHaveText(/— Request a quote — Ventura Viajes \(tab 1\)$/);
    await expect(frame().locator('h1')).toHaveText('Request a quote');
  });

  test('a damaged chunk names its page and the other pages still play', async () => {
    const recorders = await readAll<{ recorderId: string; url: string }>(replay, 'recorders');
    const destinations = recorders.find((r) => r.url.endsWith('/destinations.html'));
    expect(destinations).toBeTruthy();
    await replay.evaluate(async (recorderId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('touchpoint');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const store = db.transaction('chunks', 'readwrite').objectStore('chunks');
      const all = await new Promise<{ recorderId: string; data: Uint8Array }[]>((resolve) => {
        const r = store.getAll();
        r.onsuccess = () => resolve(r.result);
      });
      for (const c of all)
        if (c.recorderId === recorderId) store.put({ ...c, data: new Uint8Array([31, 139, 8, 0, 1]) });
      await new Promise((resolve) => {
        store.transaction.oncomplete = resolve;
      });
      db.close();
    }, destinations?.recorderId ?? '');

    // The page is already on this walk: a new hash alone would not re-read it.
    await replay.goto(replayUrl(`#walk=${walkId}`));
    await replay.reload();
    await expect(frame().locator('h1')).toHaveText('Holidays made simple');
    await expect(replay.getByRole('alert')).toHaveText(
      /^Page 2 \(Destinations — Ventura Viajes\) could not be read: its recording is damaged\./,
    );
    await replay.getByRole('button', { name: 'Next page' }).click();
    await expect(replay.locator('.rp-player-placeholder')).toContainText('Page 2 (Destinations — Ventura Viajes)');
    await replay.getByRole('button', { name: 'Next page' }).click();
    await expect(frame().locator('h1')).toHaveText('Lisbon');
  });

  test('a walk with no recorded events says so', async () => {
    const [walk] = await readAll<Record<string, unknown>>(replay, 'walks');
    const emptyId = 'walk-without-events';
    await putRecord(replay, 'walks', { ...walk, id: emptyId, eventCount: 0, storedBytes: 0, rawBytes: 0 });
    await replay.goto(replayUrl(`#walk=${emptyId}`));
    await expect(replay.getByText('This walk has no recorded events: there is nothing to replay.')).toBeVisible();

    await replay.goto(replayUrl('#walk=no-such-walk'));
    await expect(replay.getByRole('alert')).toHaveText('That walk no longer exists.');
  });
});

/** Sends one of Touchpoint's messages to its background, from an extension page. */
async function message<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([t, p]) => {
      // The page's own extension API; the test's TypeScript has no chrome typings.
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome;
      return api.runtime.sendMessage({ type: t, payload: p }) as Promise<{ ok: boolean; value?: unknown }>;
    },
    [type, payload] as const,
  );
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.value as T;
}

async function putRecord(page: Page, store: string, record: unknown): Promise<void> {
  await page.evaluate(
    async ([name, value]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('touchpoint');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(name, 'readwrite');
      tx.objectStore(name).put(value);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [store, record] as const,
  );
}

async function readAll<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('touchpoint');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return rows as T[];
  }, store);
}

/** An audit of the fixture site and its persona, written as the panel would store them. */
async function seedAudit(page: Page, startUrl: string): Promise<{ auditId: string; personaId: string }> {
  const auditId = 'audit-replay';
  const personaId = 'persona-ana';
  const now = Date.now();
  await putRecord(page, 'audits', {
    id: auditId,
    name: 'Ventura Viajes web',
    company: 'Ventura Viajes',
    startUrl,
    origins: [new URL(startUrl).origin],
    privacy: { maskAllText: false, blockSelectors: [] },
    createdAt: now,
  });
  await putRecord(page, 'personas', {
    id: personaId,
    auditId,
    name: 'Ana',
    segment: 'Young family',
    context: { device: 'desktop', locale: '', notes: '' },
    jobToBeDone: 'Book a summer trip',
    goal: 'Get a quote',
    expectations: '',
    createdAt: now,
  });
  return { auditId, personaId };
}
