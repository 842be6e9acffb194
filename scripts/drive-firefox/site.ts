import type { Page } from 'puppeteer-core';
import type { LaunchedFirefox } from '@/scripts/drive-firefox/firefox';

/**
 * The scripted walk of the fixture site in Firefox, step for step the one of scripts/drive/site.ts
 * (Chromium): home, destinations, one destination, its insurance page in a new tab (scrolled, then
 * closed), then the quote form, typed into key by key and submitted.
 */

/** Waits until the walk's recorder runs in the page (its overlay host is attached). */
export async function waitForRecorder(tab: Page): Promise<void> {
  await tab.waitForSelector('touchpoint-overlay', { timeout: 15_000 });
}

/** Follows a link of the page and waits for the next page's recorder. */
async function follow(tab: Page, selector: string): Promise<void> {
  await Promise.all([tab.waitForNavigation(), tab.locator(selector).click()]);
  await waitForRecorder(tab);
}

/** Sets a field's value as a date picker does (no keys: Firefox's date field is not typed into). */
async function setValue(tab: Page, selector: string, value: string): Promise<void> {
  await tab.$eval(
    selector,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

/** The quote form's three steps, the name and the password typed key by key, then sent. */
export async function fillQuoteForm(tab: Page, secrets: { name: string; password: string }): Promise<void> {
  await tab.$eval('select', (el) => {
    const s = el as HTMLSelectElement;
    s.selectedIndex = 1;
    s.dispatchEvent(new Event('input', { bubbles: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await setValue(tab, 'input[type="date"]', '2027-07-01');
  await tab.locator('[data-step="1"] .next').click();
  await tab.locator('#full-name').click();
  await tab.keyboard.type(secrets.name);
  await tab.locator('input[type="email"]').click();
  await tab.keyboard.type('ana@example.test');
  await tab.locator('#password').click();
  await tab.keyboard.type(secrets.password);
  await tab.locator('[data-step="2"] .next').click();
  await Promise.all([tab.waitForNavigation(), tab.locator('form button[type="submit"]').click()]);
  await waitForRecorder(tab);
}

/** The walk: across four pages, a second tab opened from a link and closed, the form sent. */
export async function walkFixtureSite(
  ff: LaunchedFirefox,
  tab: Page,
  secrets: { name: string; password: string },
): Promise<void> {
  await waitForRecorder(tab);
  await follow(tab, 'nav a[href="destinations.html"]');
  await follow(tab, 'a[href="destination.html?id=lisbon"]');

  const opened = ff.browser.waitForTarget((t) => t.type() === 'page' && t.url().endsWith('/insurance.html'));
  await tab.locator('a[target="_blank"]').click();
  const insurance = await (await opened).page();
  if (!insurance) throw new Error('The insurance tab has no page');
  await waitForRecorder(insurance);
  await insurance.mouse.wheel({ deltaY: 400 });
  // A scroll step needs the page's scroll event: wait for it rather than for a time.
  await insurance.waitForFunction(() => window.scrollY > 0);
  await insurance.close();

  await tab.bringToFront();
  await follow(tab, 'nav a[href="quote.html"]');
  await fillQuoteForm(tab, secrets);
}
