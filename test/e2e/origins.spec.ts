import type { Page } from '@playwright/test';
import { readStoredData } from '../../scripts/drive/db';
import { startFixtureServer } from '../../scripts/drive/fixture-server';
import { expect, hasRecorderTrace, test, waitForRecorder } from './support/fixtures';

/** Puts a link on the page (as the site's own markup would have it) and returns its locator. */
async function linkTo(page: Page, href: string, id: string, target = '') {
  await page.evaluate(
    ([h, i, t]) => {
      const a = document.createElement('a');
      a.href = h;
      a.id = i;
      a.textContent = 'Elsewhere';
      if (t) a.target = t;
      document.body.prepend(a);
    },
    [href, id, target] as const,
  );
  return page.locator(`#${id}`);
}

type StoredStep = { id: string; kind: string; url: string; tabId: number; at: number };

/**
 * The fixture site on two ports: the loopback permission of test builds covers both (match
 * patterns ignore the port), yet they are two origins, and the audit names only the first.
 */
test('a walk records its audit origin only: leaving is one step, nothing is recorded elsewhere, coming back records again', async ({
  ext,
  panel,
  site,
}) => {
  const other = await startFixtureServer();
  try {
    await panel.createAudit({ name: 'Ventura Viajes web', startUrl: site.url('/index.html') });
    await panel.addPersona({ name: 'Ana' });
    const tab = await panel.startWalk({ persona: 'Ana' });
    await waitForRecorder(tab);

    // A link opening a tab onto the other origin: the tab joins the walk, unrecorded.
    const [popup] = await Promise.all([
      ext.context.waitForEvent('page'),
      (await linkTo(tab, other.url('/terms.html'), 'tp-popup', '_blank')).click(),
    ]);
    await popup.waitForLoadState('load');

    // A link in the walk tab itself, then two pages there: one departure.
    await (await linkTo(tab, other.url('/about.html'), 'tp-away')).click();
    await tab.waitForURL(other.url('/about.html'));
    await tab.waitForLoadState('load');
    await (await linkTo(tab, other.url('/support.html'), 'tp-further')).click();
    await tab.waitForURL(other.url('/support.html'));
    await tab.waitForLoadState('load');
    // Back on the audited origin: recorded again, by a new recorder.
    await (await linkTo(tab, site.url('/destinations.html'), 'tp-back')).click();
    await tab.waitForURL(site.url('/destinations.html'));
    await waitForRecorder(tab);
    // Nothing of Touchpoint ran in the page on the other origin.
    expect(await hasRecorderTrace(popup)).toBe(false);
    await popup.close();
    await panel.endWalk();

    const stored = await readStoredData(panel.page);
    const origin = (u: string) => new URL(u).origin;
    const recorders = stored.recorders as { recorderId: string; url: string; tabId: number }[];
    expect(recorders.map((r) => origin(r.url))).not.toContain(other.origin);
    expect(recorders.map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining(['/index.html', '/destinations.html']),
    );
    const recorded = new Set(recorders.map((r) => r.recorderId));
    for (const c of stored.chunks) expect(recorded).toContain(c.recorderId);
    const popupTab = (stored.walks[0] as { tabIds: number[] }).tabIds[1];
    expect(stored.chunks.filter((c) => c.tabId === popupTab)).toEqual([]);
    expect((stored.stores.signals ?? []).filter((s) => String(s.url).startsWith(other.origin))).toEqual([]);

    // Steps that name the other origin: the tab opened onto it and one left-site step per departure,
    // holding the origin alone.
    const steps = (stored.steps as StoredStep[]).sort((a, b) => a.at - b.at);
    const elsewhere = steps.filter((s) => s.url.startsWith(other.origin));
    expect(elsewhere.map((s) => [s.kind, s.url, s.tabId === popupTab])).toEqual([
      ['tab-opened', other.origin, true],
      ['left-site', other.origin, true],
      ['left-site', other.origin, false],
    ]);
    const left = elsewhere[2] as StoredStep;
    const back = steps.find((s) => s.kind === 'visit' && s.url === site.url('/destinations.html'));
    expect(back?.at).toBeGreaterThan(left.at);

    // The replay's step list and the export show the departure.
    const walkId = (stored.walks[0] as { id: string }).id;
    const replay = await ext.context.newPage();
    await replay.goto(`chrome-extension://${ext.extensionId}/replay.html#walk=${walkId}`);
    await expect(replay.getByRole('button', { name: /^Left the audited site/ })).toHaveCount(2);
    const exported = JSON.parse((await panel.exportAudit()).text);
    const kinds = exported.walks[0].steps.map((s: { kind: string }) => s.kind);
    expect(kinds.filter((k: string) => k === 'left-site')).toHaveLength(2);
  } finally {
    await other.close();
  }
});
