import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Launched } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { OverlayDriver } from '../../scripts/drive/overlay';
import { emittedCount, expect, test, waitForRecorder } from './support/fixtures';

/**
 * A page that floods its recorder: 100,000 messages to the page-error forwarder, 1,000 synthetic
 * pagehide (and submit) events, a million DOM mutations in 10 s. Either the next page's events are
 * stored, or the overlay says recording stopped (and then the panel says so too); the worker's heap
 * stays under a bound; everything stored before the flood is intact.
 */

/** The worker's heap may grow by this much over its size before the flood (measured: see README). */
const HEAP_GROWTH_BOUND = 64 * 1024 * 1024;
const en = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;
/** "Recording stopped", as the overlay and the panel word it in English. */
const STOPPED = en.recordingStopped?.message.split(':')[0] ?? 'Recording stopped';

/**
 * Samples the extension service worker's JS heap (CDP Runtime.getHeapUsage on its target, through
 * a browser-level session) until stopped; the worker may be restarted meanwhile, so each sample
 * finds its target again.
 */
async function heapSampler(ext: Launched) {
  const browser = ext.context.browser();
  if (!browser) throw new Error('No browser-level CDP session');
  const cdp = await browser.newBrowserCDPSession();
  let id = 0;
  const waiting = new Map<number, (r: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  let attached: { targetId: string; sessionId: string } | null = null;
  async function call(method: string): Promise<unknown> {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const sw = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`),
    );
    if (!sw) return null;
    if (attached?.targetId !== sw.targetId) {
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as {
        sessionId: string;
      };
      attached = { targetId: sw.targetId, sessionId };
    }
    const mine = ++id;
    const answer = new Promise((resolve) => waiting.set(mine, resolve));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId: attached.sessionId,
      message: JSON.stringify({ id: mine, method }),
    });
    return Promise.race([answer, new Promise((r) => setTimeout(() => r(null), 2000))]);
  }
  const heap = async () => ((await call('Runtime.getHeapUsage')) as { usedSize: number } | null)?.usedSize ?? null;
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const used = await heap().catch(() => null);
      if (used !== null) samples.push(used);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    /** The heap after a full garbage collection: what the worker really holds. */
    async settled(): Promise<number | null> {
      await call('HeapProfiler.collectGarbage').catch(() => null);
      return heap().catch(() => null);
    },
    samples,
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Waits until every event the tab's recorders emitted is stored (each recorder's mark at its last). */
async function allStored(panelPage: Page, tab: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const emitted = await emittedCount(tab);
        const { recorders } = await readStoredData(panelPage);
        const stored = recorders.reduce((n, r) => n + Number(r.storedThrough) + 1, 0);
        return emitted > 0 && stored === emitted;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
}

test('a page that floods its recorder neither stalls the walk nor the worker, and loses nothing stored', async ({
  ext,
  panel,
  site,
}) => {
  test.setTimeout(240_000);
  await panel.createAudit({ name: 'Flood', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Flo' });
  const tab = await panel.startWalk({ persona: 'Flo' });
  await waitForRecorder(tab);
  await tab.locator('nav a[href="destinations.html"]').first().click();
  await waitForRecorder(tab);
  await tab.mouse.wheel(0, 300);
  await allStored(panel.page, tab);
  const before = await readStoredData(panel.page);
  expect(before.chunks.length).toBeGreaterThan(0);
  expect(before.steps.length).toBeGreaterThan(1);

  const heap = await heapSampler(ext);
  const baseline = await heap.settled();
  expect(baseline).not.toBeNull();

  await tab.goto(site.url('/flood.html'));
  await waitForRecorder(tab);
  const overlay = await OverlayDriver.attach(tab);
  await tab.evaluate(() => (window as unknown as { __floodErrors: (n: number) => number }).__floodErrors(100_000));
  await tab.evaluate(() => (window as unknown as { __floodEvents: (n: number) => number }).__floodEvents(1000));
  const mutations = await tab.evaluate(() =>
    (window as unknown as { __floodMutations: (n: number, ms: number) => Promise<number> }).__floodMutations(
      1_000_000,
      10_000,
    ),
  );
  expect(mutations).toBeGreaterThanOrEqual(1_000_000);
  // Let the recorder deliver or give up (a batch every 5 s; retries are bounded).
  await tab.waitForTimeout(6000);
  const floodText = (await overlay.text()) ?? '';
  const stopped = floodText.includes(STOPPED);
  // The panel says it too, while that page is the tab's last (the next page records again).
  if (stopped) await expect(panel.page.locator('.walkbar-stopped')).toContainText(STOPPED, { timeout: 10_000 });

  // The next page records, whatever became of the flooded one.
  await tab.goto(site.url('/quote.html'));
  await waitForRecorder(tab);
  await tab.mouse.wheel(0, 200);
  await expect
    .poll(
      async () => {
        const { recorders } = await readStoredData(panel.page);
        return recorders.some((r) => String(r.url).includes('/quote.html') && Number(r.storedThrough) >= 0);
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);

  const after = await readStoredData(panel.page);
  const floodRecorder = after.recorders.find((r) => String(r.url).includes('/flood.html'));
  const floodSteps = after.steps.filter((s) => String(s.url).includes('/flood.html'));
  const stopStep = after.steps.find((s) => s.kind === 'recording-stopped');
  if (stopped) {
    // Said in the overlay within seconds, kept as a step, shown by the panel while no page records.
    expect(stopStep).toMatchObject({ kind: 'recording-stopped' });
    expect(floodText).toContain(STOPPED);
  } else {
    expect(floodRecorder, 'the flooded page was recorded').toBeDefined();
  }
  // 1,000 synthetic submits and clicks are not steps; 100,000 forwarded errors are a few signals with counts.
  expect(floodSteps.filter((s) => s.kind === 'submit' || s.kind === 'click')).toEqual([]);
  const floodSignals = (after.stores.signals ?? []).filter((s) => String(s.url).includes('/flood.html'));
  expect(floodSignals.length).toBeLessThanOrEqual(500 + 60);
  const errorsCounted = floodSignals.reduce((n, s) => n + (typeof s.count === 'number' ? s.count : 1), 0);
  if (!stopped) expect(errorsCounted).toBe(100_000);

  // Everything stored before the flood is there, byte for byte.
  const chunksAfter = new Map(after.chunks.map((c) => [c.id, c.json]));
  for (const c of before.chunks) expect(chunksAfter.get(c.id), `chunk ${String(c.id)}`).toBe(c.json);
  const stepsAfter = new Map(after.steps.map((s) => [s.id, JSON.stringify(s)]));
  for (const s of before.steps) expect(stepsAfter.get(s.id)).toBe(JSON.stringify(s));

  const settled = await heap.settled();
  await heap.stop();
  const peak = Math.max(...heap.samples);
  const mb = (n: number | null) => `${((n ?? 0) / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `flood: recording ${stopped ? 'stopped' : 'kept up'}; worker heap baseline ${mb(baseline)}, peak ${mb(peak)} over ${heap.samples.length} samples, after GC ${mb(settled)}; ${after.chunks.length - before.chunks.length} new chunks, ${floodSignals.length} error signals`,
  );
  expect(heap.samples.length).toBeGreaterThan(10);
  expect(peak - (baseline ?? 0)).toBeLessThan(HEAP_GROWTH_BOUND);
});

test('a change too large to store stops that page’s recording, says so in the overlay and the panel, and the next page records', async ({
  panel,
  site,
}) => {
  test.setTimeout(120_000);
  await panel.createAudit({ name: 'Huge', startUrl: site.url('/flood.html') });
  await panel.addPersona({ name: 'Hugo' });
  const tab = await panel.startWalk({ persona: 'Hugo' });
  await waitForRecorder(tab);
  await tab.mouse.wheel(0, 200);
  await allStored(panel.page, tab);
  const before = await readStoredData(panel.page);

  const overlay = await OverlayDriver.attach(tab);
  const length = await tab.evaluate(() => (window as unknown as { __hugeText: () => number }).__hugeText());
  expect(length).toBeGreaterThan(24 * 1024 * 1024);
  await expect.poll(async () => (await overlay.text()) ?? '', { timeout: 10_000 }).toContain(STOPPED);
  await expect(panel.page.locator('.walkbar-stopped')).toContainText(STOPPED, { timeout: 10_000 });
  const stored = await readStoredData(panel.page);
  expect(stored.steps.filter((s) => s.kind === 'recording-stopped')).toEqual([
    expect.objectContaining({ stopReason: 'event-too-large', url: expect.stringContaining('/flood.html') }),
  ]);
  const chunksAfter = new Map(stored.chunks.map((c) => [c.id, c.json]));
  for (const c of before.chunks) expect(chunksAfter.get(c.id)).toBe(c.json);

  await tab.goto(site.url('/quote.html'));
  await waitForRecorder(tab);
  await expect
    .poll(
      async () => {
        const { recorders } = await readStoredData(panel.page);
        return recorders.some((r) => String(r.url).includes('/quote.html') && Number(r.storedThrough) >= 0);
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
  await expect(panel.page.locator('.walkbar-stopped')).toHaveCount(0);
  expect(await panel.page.locator('.walkbar').textContent()).not.toContain(STOPPED);
});
