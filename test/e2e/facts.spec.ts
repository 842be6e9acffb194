import type { CDPSession } from '@playwright/test';
import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';

interface StoredFact {
  kind: string;
  value: string;
  label: string;
  source: string;
  anchor: { tag: string; selector: string } | null;
}
interface StoredPageFacts {
  id: string;
  walkId: string;
  recorderId: string;
  url: string;
  version: number;
  at: number;
  facts: StoredFact[];
}

/** Every script the tab has parsed, by URL (CDP replays the ones parsed before it was enabled). */
async function parsedScripts(cdp: CDPSession): Promise<string[]> {
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => urls.push(e.url));
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.disable');
  return urls;
}

test('facts are read in the panel from each recorded page load, and nothing of it runs in the walked tab', async ({
  ext,
  panel,
  site,
}) => {
  // A page with an image, a background and a web font: the tab loads them; a rebuild must not.
  const probe = site.url('/facts-probe.html');
  await ext.context.route(probe, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Probe | Ventura Viajes</title><style>
        @font-face { font-family: Probe; src: url(/probe/font.woff2); }
        body { font-family: Probe, sans-serif; } .hero { background: url(/probe/bg.png); height: 40px; }
        </style></head><body><img src="/probe/logo.png" alt="Ventura Viajes"><div class="hero"></div>
        <p>Escríbanos a <a href="mailto:probe@venturaviajes.example">probe@venturaviajes.example</a></p></body></html>`,
    }),
  );
  // What reaches the network (a request refused by a page's policy is never routed).
  const fetched: { url: string; panel: boolean }[] = [];
  await ext.context.route('**/probe/**', (route) => {
    let fromPanel = false;
    try {
      fromPanel = route.request().frame().page() === panel.page;
    } catch {
      // A request of no page (a worker's): not the panel's.
    }
    fetched.push({ url: route.request().url(), panel: fromPanel });
    return route.fulfill({ status: 404, body: '' });
  });

  await panel.createAudit({ name: 'Ventura facts', company: 'Ventura Viajes', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Ana' });
  const tab = await panel.startWalk({ persona: 'Ana', auditor: 'QA' });
  await waitForRecorder(tab);
  // The pointer rests on the primary button as the page is left: its :hover colour (sea-dark) is
  // replayed on the rebuilt page, and must not be read as the button's colour.
  await tab.locator('.hero a.button:not(.ghost)').hover();
  await tab.waitForTimeout(600);
  await tab.goto(site.url('/support.html'));
  await waitForRecorder(tab);

  await tab.goto(probe);
  await waitForRecorder(tab);

  // The panel stays open while walking: every page load gets its facts as the walk goes.
  let records: StoredPageFacts[] = [];
  await expect
    .poll(
      async () => {
        records = ((await readStoredData(panel.page)).stores.facts ?? []) as unknown as StoredPageFacts[];
        return records.map((r) => new URL(r.url).pathname).sort();
      },
      { timeout: 30_000 },
    )
    .toEqual(['/facts-probe.html', '/index.html', '/support.html']);

  const stored = await readStoredData(panel.page);
  const recorders = (stored.recorders as { recorderId: string; url: string }[]).map((r) => r.recorderId).sort();
  expect(records.map((r) => r.recorderId).sort()).toEqual(recorders);
  for (const r of records) expect(r.id).toBe(`${r.walkId}:${r.recorderId}`);

  const on = (path: string) => records.find((r) => new URL(r.url).pathname === path) as StoredPageFacts;
  const phones = (r: StoredPageFacts) => r.facts.filter((f) => f.kind === 'phone').map((f) => f.value);
  expect(phones(on('/index.html'))).toContain('+34910000222');
  const buttonColour = on('/index.html').facts.find((f) => f.kind === 'colour' && f.label === 'primary-button');
  expect(buttonColour?.value).toBe('#0b6e8a');
  expect(phones(on('/support.html'))).toEqual(expect.arrayContaining(['+34910000111', '+34910000333']));
  const email = on('/support.html').facts.find((f) => f.kind === 'email');
  expect(email?.value).toBe('help@venturaviajes.example');
  // Each fact read from an element is anchored to it (a tel: link is an `a`).
  const tel = on('/support.html').facts.find((f) => f.kind === 'phone' && f.source === 'link');
  expect(tel?.anchor?.tag).toBe('a');
  expect(tel?.anchor?.selector).toBeTruthy();

  // The support page's JSON-LD (read by the worker once per page load, kept on its recorder mark)
  // is read as on the live page: the bookings line's planted hours come from it too.
  const ldHours = on('/support.html').facts.filter((f) => f.kind === 'opening-hours' && f.source === 'json-ld');
  expect(ldHours.length).toBeGreaterThan(0);
  const supportMark = (stored.recorders as { recorderId: string; structuredData?: { blocks: string[] } }[]).find(
    (m) => m.recorderId === on('/support.html').recorderId,
  );
  expect(supportMark?.structuredData?.blocks.join('')).toContain('OpeningHoursSpecification');
  // The favicon link is recorded now (rrweb's slimDOM keeps it): read from the walk.
  expect(on('/support.html').facts.find((f) => f.kind === 'favicon')?.value).toBe(site.url('/favicon.svg'));

  expect(on('/facts-probe.html').facts.find((f) => f.kind === 'email')?.value).toBe('probe@venturaviajes.example');
  // Rebuilding fetched nothing: the tab loaded the probe's image and background, the panel none.
  expect(fetched.filter((f) => !f.panel).length).toBeGreaterThan(0);
  expect(fetched.filter((f) => f.panel)).toEqual([]);

  // Read in the panel: its hidden rebuild frame is there; the walked tab parsed no script for it.
  await expect(panel.page.locator('iframe[aria-hidden="true"]')).toHaveCount(1);
  const scripts = await parsedScripts(await ext.context.newCDPSession(tab));
  const ours = scripts.filter((u) => u.startsWith(`chrome-extension://${ext.extensionId}/`));
  expect(ours.length).toBeGreaterThan(0);
  // The recorder and its overlay (entrypoints/overlay.content), nothing of the panel's reading.
  for (const u of ours)
    expect(['/content-scripts/recorder.js', '/content-scripts/overlay.js']).toContain(new URL(u).pathname);
  expect(await tab.locator('iframe').count()).toBe(0);

  // The panel's per-page reading times (the bench's figure), from the test build's hook.
  const timings = await panel.page.evaluate(
    () =>
      (globalThis as unknown as { __touchpointFacts?: { timings: { value: { ms: number }[] } } }).__touchpointFacts
        ?.timings.value ?? [],
  );
  expect(timings.length).toBeGreaterThanOrEqual(2);
  console.log(
    `facts: read ${timings.length} page loads in the panel, ms each: ${timings.map((t) => t.ms.toFixed(1)).join(', ')}`,
  );
  await panel.endWalk();
});
