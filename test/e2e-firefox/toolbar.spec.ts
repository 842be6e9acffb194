import { FirefoxBrowserUi } from '@/scripts/drive-firefox/browser-ui';
import { until } from '@/scripts/drive-firefox/find';
import { FirefoxOverlay } from '@/scripts/drive-firefox/overlay';
import { expect, test } from '@/test/e2e-firefox/support/fixtures';
import { walkOfAudit } from '@/test/e2e-firefox/support/inputs';

// README, Firefox: the panel lives in the sidebar, opened at install and by the toolbar button
// (never closed by it); the shortcuts work in a walk tab, and either grants the tab's screenshot.
// Done in Firefox's own window, through WebDriver BiDi's chrome scope (scripts/drive-firefox/browser-ui.ts).
test('in Firefox, the toolbar button opens the sidebar and the shortcuts tag and score', async ({
  ff,
  panel,
  site,
}) => {
  const ui = await FirefoxBrowserUi.attach(ff);
  const panelPage = ff.url('sidepanel.html');
  const shown = async () => {
    const s = await ui.sidebar();
    return s.open && s.touchpoint && s.page === panelPage;
  };
  await until('the sidebar opened at install to show the panel', shown);
  expect(await ui.buttonPlace()).toBe('nav-bar');

  const audit = 'Shortcuts in Firefox';
  // A page no other test walks: startWalk takes the first tab at this address as the walk's.
  const startUrl = site.url('/destination.html?id=kyoto');
  await panel.createAudit({ name: audit, startUrl });
  await panel.addPersona({ name: 'Bea' });
  const tab = await panel.startWalk({ persona: 'Bea', startUrl });
  await tab.bringToFront();

  await ui.hideSidebar();
  expect((await ui.sidebar()).open).toBe(false);
  await ui.clickButton();
  await until('the toolbar button to open the sidebar on the panel', shown);
  // A second click (as in each walk tab) keeps it open: the shortcut's effect below comes from an
  // event the background handles after this click's.
  await ui.clickButton();

  // Alt+Shift+G: pick mode in the walk tab; the element picked by mouse gets the tag form.
  const overlay = new FirefoxOverlay(tab);
  await ui.pressAltShift('G');
  await overlay.waitButton('Cancel');
  expect(await shown()).toBe(true);
  const box = await (await tab.waitForSelector('#dest-price'))?.boundingBox();
  if (!box) throw new Error('#dest-price is not drawn');
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await overlay.waitButton('Save tag');
  await overlay.select('Severity', '3');
  await overlay.click('Save tag');
  await overlay.waitButton('Save tag', false);

  // Alt+Shift+C: the score form (Alt+Shift+S opened Firefox's History menu instead).
  await ui.pressAltShift('C');
  await overlay.waitButton('Save score');
  await overlay.select('Effort (CES)', '4');
  await overlay.select('Satisfaction (CSAT)', '5');
  await overlay.click('Save score');
  await overlay.waitButton('Save score', false);
  await panel.endWalk();

  const stored = await panel.stored();
  const walk = walkOfAudit(stored, audit);
  const tags = walk.tags as { anchor: { selector: string }; severity: number; screenshotId: string | null }[];
  expect(tags.map((t) => [t.anchor.selector, t.severity])).toEqual([['#dest-price', 3]]);
  // The button's click granted activeTab there, so the tag has its screenshot.
  expect(tags[0]?.screenshotId).toEqual(expect.any(String));
  expect(stored.stores.screenshots?.map((s) => s.id)).toContain(tags[0]?.screenshotId);
  expect(walk.scores.map((s) => [s.ces, s.csat])).toEqual([[4, 5]]);
});
