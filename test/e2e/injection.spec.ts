import { type FixtureServer, startFixtureServer } from '../fixtures/server';
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
