import type { Page } from 'puppeteer-core';
import { until } from '@/scripts/drive-firefox/find';
import type { LaunchedFirefox } from '@/scripts/drive-firefox/firefox';

/** One add-on as about:debugging lists it. */
export interface ListedAddOn {
  name: string;
  id: string;
  /** The folder it was loaded from, as about:debugging shows it (with a trailing slash). */
  location: string;
  /** about:debugging's "This WebExtension has a temporary ID" line. */
  temporaryId: boolean;
}

/**
 * about:debugging, driven as a person does (README, Firefox). It is a privileged page of the
 * parent process, where Firefox refuses code compiled from strings ("unsafe filename"), which is
 * what puppeteer's waitForSelector and locators run: so this reads the page with plain
 * `evaluate` and clicks with the mouse at the element's centre.
 */
export class AboutDebugging {
  private constructor(readonly page: Page) {}

  /** Goes to about:debugging in the first tab, as entering it in the address bar does (step 2). */
  static async open(ff: LaunchedFirefox): Promise<AboutDebugging> {
    const [page = await ff.browser.newPage()] = await ff.browser.pages();
    // Firefox's BiDi does not report this page's load: the click below waits for its element.
    page.goto('about:debugging').catch(() => undefined);
    return new AboutDebugging(page);
  }

  /** Clicks, with the mouse, the first shown element matching `selector` whose text holds `text`. */
  async click(selector: string, text: string): Promise<void> {
    let centre: { x: number; y: number } | null = null;
    await until(`${selector} "${text}" in about:debugging`, async () => {
      centre = await this.page.evaluate(
        (sel, txt) => {
          const el = [...document.querySelectorAll(sel)].find(
            (e) => e.checkVisibility() && (e.textContent ?? '').includes(txt),
          );
          if (!el) return null;
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        },
        selector,
        text,
      );
      return centre !== null;
    });
    const at = centre as { x: number; y: number } | null;
    if (at) await this.page.mouse.click(at.x, at.y);
  }

  /** The add-ons under "Temporary Extensions" on the This Firefox page. */
  async temporaryExtensions(): Promise<ListedAddOn[]> {
    return this.page.evaluate(() => {
      const pane = [...document.querySelectorAll('section.qa-debug-target-pane')].find((p) =>
        p.querySelector('.qa-debug-target-pane-title')?.textContent?.startsWith('Temporary Extensions'),
      );
      return [...(pane?.querySelectorAll('li.qa-debug-target-item') ?? [])].map((item) => {
        // Each field is a dt (its label) and the dd after it.
        const field = (label: string) =>
          [...item.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === label)?.nextElementSibling
            ?.textContent ?? '';
        return {
          name: item.querySelector('.debug-target-item__name')?.textContent ?? '',
          id: field('Extension ID'),
          location: field('Location'),
          temporaryId: item.querySelector('.qa-temporary-id-message') !== null,
        };
      });
    });
  }
}
