import type { Locator, Page } from '@playwright/test';
import { readStoredData } from '../../scripts/drive/db';
import { type FixtureServer, startFixtureServer } from '../../scripts/drive/fixture-server';
import { addOffsiteEvent } from '../../scripts/drive/journey';
import type { PanelPage } from '../../scripts/drive/panel';
import { PLANTS, plantEvents } from '../../scripts/drive/site-plants';
import { expect, test, waitForRecorder } from './support/fixtures';

// Issue 12, "Shown by": a walk over the fixture site and the two off-site events find the 8
// planted divergences in the panel's Consistency view; a confirmation tags the element, a
// dismissal is kept, and both hold after Recompute. The copy without the plants finds none.
// Only the pages the plants and their baselines need are walked: English pages and two of the
// Spanish ones (the contact page in usted, the about page that switches to tú).

const WALK = [
  '/destinations.html',
  '/destination.html?id=lisbon',
  '/offers.html',
  '/support.html',
  '/terms.html',
  '/es/contacto.html',
  '/es/sobre-nosotros.html',
];

/** Starts a walk on the home page and visits the pages above, each recorded. */
async function walkSite(panel: PanelPage, site: FixtureServer): Promise<Page> {
  await panel.createAudit({
    name: 'Ventura consistency',
    company: 'Ventura Viajes',
    startUrl: site.url('/index.html'),
  });
  await panel.addPersona({ name: 'Ana' });
  const tab = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab);
  for (const path of WALK) {
    await tab.goto(site.url(path));
    await waitForRecorder(tab);
  }
  return tab;
}

async function addEvents(panel: PanelPage, planted: boolean): Promise<void> {
  for (const [i, e] of plantEvents(planted).entries()) {
    await addOffsiteEvent(panel, {
      ...e,
      requestedAt: `2026-11-20T1${i}:00`,
      answeredAt: `2026-11-20T1${i}:20`,
    });
  }
}

/** The Consistency view once every recorded page load (the home page and the walk) has been read. */
async function openConsistency(panel: PanelPage): Promise<Locator> {
  await panel.page.bringToFront();
  await expect
    .poll(async () => ((await readStoredData(panel.page)).stores.facts ?? []).length, { timeout: 30_000 })
    .toBe(WALK.length + 1);
  await panel.view('Consistency');
  const view = panel.page.getByRole('region', { name: 'Consistency' });
  await expect(view.getByRole('status').filter({ hasText: 'Reading recorded pages' })).toHaveCount(0, {
    timeout: 30_000,
  });
  return view;
}

/** A divergence's list item, by its kind's section ("Price") and its subject ("lisbon"). */
function divergence(view: Locator, kind: string, subject: string): Locator {
  return view
    .getByRole('region', { name: kind, exact: true })
    .locator('.cons-item')
    .filter({ has: view.page().locator('strong', { hasText: subject }) });
}

test('the planted site and two off-site events: 8 divergences; a confirmation and a dismissal survive Recompute', async ({
  panel,
  site,
}) => {
  await walkSite(panel, site);
  await addEvents(panel, true);
  const view = await openConsistency(panel);
  const divergences = view.getByRole('region', { name: 'Divergences' });
  await expect(divergences.locator('.cons-item')).toHaveCount(PLANTS.length, { timeout: 30_000 });
  await expect(divergences).toContainText('8 open · 0 confirmed · 0 dismissed');
  // Each planted value is listed beside the site's.
  for (const plant of PLANTS) {
    const values = divergences.locator('.cons-item').filter({ hasText: plant.planted }).filter({ hasText: plant.site });
    await expect(values, `${plant.kind} ${plant.subject}`).toHaveCount(1);
  }

  // Confirm the price: the tag goes on the detail page's price.
  const price = divergence(divergences, 'Price', 'lisbon');
  await price.getByRole('button', { name: 'Compare the places of Price · lisbon' }).click();
  await price.getByRole('button', { name: 'Confirm', exact: true }).click();
  const form = price.getByRole('form', { name: 'Confirm the divergence' });
  await expect(form.getByRole('combobox', { name: 'Tag the element on' })).toContainText('519 €');
  await form.getByRole('button', { name: 'Confirm and tag' }).click();
  await expect(panel.page.getByRole('status').filter({ hasText: 'Divergence confirmed.' })).toBeVisible();

  // Dismiss the call to action's wording.
  const cta = divergence(divergences, 'Call to action', 'quote');
  // The site is bilingual: calls to action are compared within a language, and the item says which.
  await expect(cta).toContainText('Pages in English');
  const register = divergences.getByRole('region', { name: 'Formality', exact: true }).locator('.cons-item');
  await expect(register).toContainText('informal');
  await expect(register).not.toContainText('Pages in');
  await cta.getByRole('button', { name: /^Compare the places of Call to action · / }).click();
  await cta.getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel.page.getByRole('status').filter({ hasText: 'Divergence dismissed.' })).toBeVisible();
  await expect(divergences).toContainText('6 open · 1 confirmed · 1 dismissed');

  const tagged = async () => {
    const stored = await readStoredData(panel.page);
    const tags = (stored.stores.tags ?? []) as { categoryId: string; url: string; anchor: { selector: string } }[];
    const decisions = (stored.stores.decisions ?? []) as { kind: string; status: string; tagId: string | null }[];
    return {
      tags: tags
        .filter((t) => t.categoryId === 'inconsistency')
        .map((t) => [new URL(t.url).pathname, t.anchor.selector]),
      decisions: decisions.map((d) => [d.kind, d.status, d.tagId !== null]).sort(),
    };
  };
  const expected = {
    tags: [['/destination.html', '#dest-price']],
    decisions: [
      ['cta', 'dismissed', false],
      ['price', 'confirmed', true],
    ],
  };
  await expect.poll(tagged).toEqual(expected);

  // The tag is the Journey's like any other friction tag.
  await panel.view('Journey');
  await expect(panel.page.getByRole('tabpanel')).toContainText('Inconsistency');

  // Recompute: every page read again (each facts record replaced), the same divergences, both decisions kept.
  const readAt = async () =>
    ((await readStoredData(panel.page)).stores.facts ?? []).map((f) => [f.id, f.extractedAt as number] as const);
  const before = new Map(await readAt());
  expect(before.size).toBe(WALK.length + 1);
  const again = await openConsistency(panel);
  await again.getByRole('button', { name: 'Recompute' }).click();
  await expect
    .poll(async () => (await readAt()).filter(([id, at]) => at > (before.get(id) ?? Number.POSITIVE_INFINITY)).length, {
      timeout: 30_000,
    })
    .toBe(before.size);
  await expect(again.getByRole('status').filter({ hasText: 'Reading recorded pages' })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(again.locator('.cons-item')).toHaveCount(PLANTS.length);
  await expect(again).toContainText('6 open · 1 confirmed · 1 dismissed');
  await expect(divergence(again, 'Price', 'lisbon')).toContainText('Confirmed');
  await expect(divergence(again, 'Call to action', 'quote')).toContainText('Dismissed');
  expect(await tagged()).toEqual(expected);
  await panel.endWalk();
});

test('the copy without the plants and agreeing off-site events: no divergence', async ({ panel }) => {
  const consistent = await startFixtureServer({ consistent: true });
  try {
    await walkSite(panel, consistent);
    await addEvents(panel, false);
    const view = await openConsistency(panel);
    await expect(view).toContainText('No divergences: every page and channel says the same.', { timeout: 30_000 });
    await expect(view.locator('.cons-item')).toHaveCount(0);
    await panel.endWalk();
  } finally {
    await consistent.close();
  }
});
