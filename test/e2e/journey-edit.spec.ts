import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';
import { tagElement } from '../../scripts/drive/tagging';

test('the panel renames, re-stages, merges and splits touchpoints, and tags follow them', async ({ panel, site }) => {
  await panel.createAudit({ name: 'Touchpoint edits', startUrl: site.url('/destinations.html') });
  await panel.addPersona({ name: 'Eli' });
  const tab = await panel.startWalk({ persona: 'Eli' });
  await waitForRecorder(tab);
  for (const path of ['/destination.html?id=lisbon', '/destination.html?id=kyoto', '/about.html']) {
    await tab.goto(site.url(path));
    await waitForRecorder(tab);
  }
  await panel.page.bringToFront();
  await panel.view('Journey');
  const journey = panel.page.getByRole('region', { name: 'Journey' });
  // Two destination pages are one touchpoint; the list and About us are two more.
  await expect(journey.getByRole('heading', { level: 4 })).toHaveCount(3, { timeout: 10_000 });
  const card = (name: RegExp) =>
    journey.getByRole('listitem').filter({ has: panel.page.getByRole('heading', { level: 4, name }) });
  /** Opens a touchpoint's edit section unless it is open (it stays open across re-renders). */
  const openEdit = async (name: RegExp) => {
    const details = card(name).locator('details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  };

  // Rename the list page, and say it is where people compare: consideration, not a guess.
  await openEdit(/^Destinations/);
  await card(/^Destinations/)
    .getByRole('textbox', { name: 'Name' })
    .fill('Trip catalogue');
  await card(/^Destinations/)
    .getByRole('button', { name: 'Save touchpoint' })
    .click();
  await expect(journey.getByRole('heading', { level: 4, name: /^Trip catalogue/ })).toBeVisible();
  await card(/^Trip catalogue/)
    .getByRole('combobox', { name: 'Stage' })
    .selectOption('consideration');
  await expect(
    journey.getByRole('region', { name: /^Consideration/ }).getByRole('heading', { name: /Trip catalogue/ }),
  ).toBeVisible();

  // Merge About us into the trip catalogue: one touchpoint with both pages.
  await openEdit(/^About us/);
  await card(/^About us/)
    .getByRole('combobox', { name: 'Merge into' })
    .selectOption({ label: 'Trip catalogue' });
  await card(/^About us/)
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(journey.getByRole('heading', { level: 4 })).toHaveCount(2);
  await expect(panel.page.getByRole('status').filter({ hasText: 'Touchpoints merged.' })).toBeVisible();

  // Split the About us page back out.
  await openEdit(/^Trip catalogue/);
  await card(/^Trip catalogue/)
    .getByRole('button', { name: /^Split out .*about\.html/ })
    .click();
  await expect(journey.getByRole('heading', { level: 4 })).toHaveCount(3);

  await panel.endWalk();
  const { stores } = await readStoredData(panel.page);
  const tps = (stores.touchpoints ?? []) as {
    name: string;
    stage: string;
    stageGuessed: boolean;
    patterns: string[];
  }[];
  const catalogue = tps.find((t) => t.name === 'Trip catalogue');
  expect(catalogue).toMatchObject({ stage: 'consideration', stageGuessed: false });
  expect(catalogue?.patterns.some((p) => p.endsWith('/destinations.html'))).toBe(true);
  expect(catalogue?.patterns.some((p) => p.endsWith('/about.html'))).toBe(false);
  expect(tps.filter((t) => t.patterns.some((p) => p.endsWith('/about.html')))).toHaveLength(1);
  expect(tps.filter((t) => t.patterns.some((p) => p.includes('destination.html')))).toHaveLength(1);
});

test('an audit’s own friction categories reach the tag form', async ({ panel, site }) => {
  await panel.createAudit({ name: 'Own taxonomy', startUrl: site.url('/destination.html?id=lisbon') });
  await panel.addPersona({ name: 'Fay' });
  const p = panel.page;
  await panel.view('Audit');
  await p.getByText('Friction categories').click();
  const box = p.getByRole('textbox', { name: 'Categories (one per line)' });
  await expect(box).toHaveValue(/^Findability and navigation\n/);
  await box.fill(`${await box.inputValue()}\nPricing surprise`);
  await p.getByRole('button', { name: 'Save categories' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Categories saved.' })).toBeVisible();

  const tab = await panel.startWalk({ persona: 'Fay' });
  await waitForRecorder(tab);
  await tagElement(tab, '#dest-price', { category: 'pricing-surprise', severity: '2', note: 'Taxes on top' });
  await panel.endWalk();
  const { stores } = await readStoredData(panel.page);
  expect((stores.tags ?? []).map((t) => t.categoryId)).toEqual(['pricing-surprise']);
  const audit = (stores.audits ?? [])[0] as { categories: { id: string }[] };
  expect(audit.categories.map((c) => c.id)).toContain('findability');
  expect(audit.categories).toHaveLength(11);
});
