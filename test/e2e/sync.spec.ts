import { expect, test, waitForRecorder } from './support/fixtures';
import { addOffsiteEvent } from '../../scripts/drive/journey';
import { PanelPage } from '../../scripts/drive/panel';
import { tagElement } from '../../scripts/drive/tagging';

/**
 * Every open view follows the worker's change notices: what one panel changes shows in another
 * panel, and in an open replay page, without a reload. "Within a second": each check starts once
 * the acting page has confirmed its action, and gives the other page one second.
 */
const SOON = { timeout: 1_000 };

test('two panels on one audit see each other’s tag, touchpoint and off-site edits', async ({ ext, panel, site }) => {
  await panel.createAudit({ name: 'Two panels', startUrl: site.url('/destination.html?id=lisbon') });
  await panel.addPersona({ name: 'Ana' });
  const tab = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab);
  await tagElement(tab, '#dest-price', { note: 'Taxes on top', severity: '3' });
  await panel.endWalk();

  const other = await PanelPage.open(ext.context, ext.extensionId);
  const journeyOf = (p: PanelPage) => p.page.getByRole('region', { name: 'Journey' });
  await other.view('Journey');
  const theirs = journeyOf(other);
  const tagSeverity = theirs.getByRole('combobox', { name: 'Edit tag 1' });
  await expect(tagSeverity).toHaveValue('3');

  // A tag's severity edited in the first panel.
  const mine = panel.page;
  await mine.bringToFront();
  await panel.view('Journey');
  await journeyOf(panel).getByRole('combobox', { name: 'Edit tag 1' }).selectOption('1');
  await expect(mine.getByRole('status').filter({ hasText: 'Tag saved.' })).toBeVisible();
  await expect(tagSeverity).toHaveValue('1', SOON);

  // Its touchpoint renamed.
  const card = journeyOf(panel)
    .getByRole('listitem')
    .filter({ has: mine.getByRole('heading', { level: 4 }) });
  await card.first().locator('details summary').click();
  await card.first().getByRole('textbox', { name: 'Name' }).fill('Lisbon trip page');
  await card.first().getByRole('button', { name: 'Save touchpoint' }).click();
  await expect(mine.getByRole('status').filter({ hasText: 'Touchpoint saved.' })).toBeVisible();
  await expect(theirs.getByRole('heading', { level: 4, name: /^Lisbon trip page/ })).toBeVisible(SOON);

  // An off-site event added.
  await addOffsiteEvent(panel, {
    channel: 'phone',
    name: 'Booking line',
    summary: 'Called to ask about taxes',
    requestedAt: '2026-11-20T10:00',
    answeredAt: '2026-11-20T10:04',
  });
  await expect(theirs.getByRole('heading', { level: 4, name: /^Booking line/ })).toBeVisible(SOON);
  await expect(theirs).toContainText('Called to ask about taxes', SOON);
});

test('an open replay page lists a tag added after it opened', async ({ ext, panel, site }) => {
  await panel.createAudit({ name: 'Replay follows', startUrl: site.url('/destination.html?id=lisbon') });
  await panel.addPersona({ name: 'Ben' });
  const tab = await panel.startWalk({ persona: 'Ben' });
  await waitForRecorder(tab);

  // A page load later the first one's events are stored: the replay has a page to show.
  await tab.goto(site.url('/destinations.html'));
  await waitForRecorder(tab);

  // The replay page is opened on the walk while it is recorded, and shows its pages so far.
  const replay = await ext.context.newPage();
  await replay.goto(`chrome-extension://${ext.extensionId}/replay.html`);
  await replay.getByRole('link', { name: 'Ben' }).click();
  await expect(replay.getByRole('navigation', { name: 'Pages of the walk' })).toBeVisible({ timeout: 15_000 });
  await expect(replay.getByText('Added while the replay was open')).toHaveCount(0);

  await tab.goto(site.url('/destination.html?id=lisbon'));
  await waitForRecorder(tab);
  await tab.bringToFront();
  await tagElement(tab, '#dest-price', { note: 'Added while the replay was open', severity: '2' });
  await expect(replay.getByRole('region', { name: 'Tags' })).toContainText('Added while the replay was open', SOON);
  await panel.endWalk();
});
