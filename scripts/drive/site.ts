import type { BrowserContext, Page } from '@playwright/test';

/** Waits until the walk's recorder runs in the page (its overlay host is attached). */
export async function waitForRecorder(page: Page): Promise<void> {
  await page.locator('touchpoint-overlay').first().waitFor({ state: 'attached', timeout: 15_000 });
}

/** Walks the fixture site's three-step quote form and submits it. */
export async function fillQuoteForm(tab: Page, secrets = { name: 'Ana Example', password: 'pw' }): Promise<void> {
  await tab.locator('select').first().selectOption({ index: 1 });
  await tab.locator('input[type="date"]').first().fill('2027-07-01');
  await tab.getByRole('button', { name: /next/i }).first().click();
  await tab.locator('#full-name').fill(secrets.name);
  await tab.locator('input[type="email"]').fill('ana@example.test');
  await tab.locator('#password').fill(secrets.password);
  await tab.getByRole('button', { name: /next/i }).last().click();
  await tab
    .locator('form')
    .getByRole('button', { name: /send|submit|request/i })
    .click();
}

/** The pages `walkFixtureSite` visits, by path, in order (the new tab's among them). */
export const FIXTURE_WALK_PAGES = [
  '/index.html',
  '/destinations.html',
  '/destination.html',
  '/insurance.html',
  '/quote.html',
  '/quote-sent.html',
] as const;

/**
 * The scripted walk of the fixture site used by the end-to-end test and `npm run demo`: home,
 * destinations, one destination, its insurance page in a new tab, then the quote form, submitted.
 * `beforeLeaving` runs on the new tab before it closes and on the walk's tab at the end.
 */
export async function walkFixtureSite(
  context: BrowserContext,
  tab: Page,
  beforeLeaving: (page: Page) => Promise<void> = async () => undefined,
): Promise<void> {
  await waitForRecorder(tab);
  await tab.locator('nav a[href="destinations.html"]').first().click();
  await waitForRecorder(tab);
  await tab.locator('a[href="destination.html?id=lisbon"]').first().click();
  await waitForRecorder(tab);

  const [insurance] = await Promise.all([
    context.waitForEvent('page'),
    tab.locator('a[target="_blank"]').first().click(),
  ]);
  await insurance.waitForLoadState('load');
  await waitForRecorder(insurance);
  await insurance.mouse.wheel(0, 400);
  await insurance.waitForTimeout(300);
  await beforeLeaving(insurance);
  await insurance.close();

  await tab.bringToFront();
  await tab.locator('nav a[href="quote.html"]').first().click();
  await waitForRecorder(tab);
  await fillQuoteForm(tab);
  await tab.waitForURL(/quote-sent\.html/);
  await waitForRecorder(tab);
  await beforeLeaving(tab);
}
