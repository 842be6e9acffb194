import { type FixtureServer, startFixtureServer } from '../../scripts/drive/fixture-server';
import { expect, hasRecorderTrace, test, waitForRecorder } from './support/fixtures';

test('only the walk tabs of the audited site get the recorder', async ({ ext, panel, site }) => {
  // Another site: the same pages served from another origin, which Touchpoint was never granted.
  const other: FixtureServer = await startFixtureServer({ host: 'localhost' });
  try {
    await panel.createAudit({ name: 'Scope', startUrl: site.url('/index.html') });
    await panel.addPersona({ name: 'Dan' });
    const tab = await panel.startWalk({ persona: 'Dan' });
    await waitForRecorder(tab);

    // A tab outside the walk, on the audited (and granted) origin.
    const outside = await ext.context.newPage();
    await outside.goto(site.url('/about.html'));
    // The walk tab moves to another site.
    await tab.goto(other.url('/about.html'));
    await tab.waitForTimeout(1500);

    expect(await hasRecorderTrace(outside)).toBe(false);
    expect(await hasRecorderTrace(tab)).toBe(false);

    // Back on the audited site, the walk tab records again.
    await tab.goto(site.url('/terms.html'));
    await waitForRecorder(tab);
    expect(await hasRecorderTrace(outside)).toBe(false);
    await panel.endWalk();
  } finally {
    await other.close();
  }
});

test('the recorder adds nothing to the page but its overlay host: no borrowed frame', async ({ panel, site }) => {
  await panel.createAudit({ name: 'Footprint', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Fay' });
  const tab = await panel.startWalk({ persona: 'Fay' });
  await waitForRecorder(tab);
  // The page's own view of its DOM: every element added anywhere, from the first byte on.
  await tab.addInitScript(() => {
    const added: string[] = [];
    (window as Window & { __added?: string[] }).__added = added;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) added.push(n.localName);
    }).observe(document, { childList: true, subtree: true });
  });
  await tab.goto(site.url('/about.html'));
  await waitForRecorder(tab);
  await tab.waitForTimeout(500);
  const added = await tab.evaluate(() => (window as Window & { __added?: string[] }).__added ?? []);
  // rrweb 2.1.6 as published borrows clean prototypes from an <iframe> it adds and removes on
  // every page (scripts/rrweb-untainted-fix.ts); Touchpoint's build does not.
  expect(added).toContain('touchpoint-overlay');
  expect(added).not.toContain('iframe');
  await panel.endWalk();
});
