import type { ElementHandle, Frame, Page } from 'puppeteer-core';

/** Polls `check` until it holds (the Firefox drivers' expect.poll), for states no event announces. */
export async function until(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * In the page: the first shown element of a role whose accessible name holds `name` (Playwright's
 * getByRole matches so: whitespace-normalised, any case). The name is what the panel's markup
 * gives: aria-label, aria-labelledby, the field's label, else the text. Self-contained: sent as source.
 */
function byRoleInPage(role: string, name: string): Element | undefined {
  const roles: Record<string, string> = {
    button: 'button,[role="button"]',
    textbox:
      'input:not([type]),input[type="text"],input[type="url"],input[type="email"],input[type="search"],textarea,[role="textbox"]',
    combobox: 'select,[role="combobox"]',
    list: 'ul,ol,[role="list"]',
    link: 'a[href],[role="link"]',
    navigation: 'nav,[role="navigation"]',
  };
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const nameOf = (el: Element) => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const by = el.getAttribute('aria-labelledby');
    if (by)
      return by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return [...labels].map((l) => l.textContent).join(' ');
    return el.textContent;
  };
  const want = norm(name);
  return [...document.querySelectorAll(roles[role] ?? `[role="${role}"]`)].find(
    (el) => el.checkVisibility() && norm(nameOf(el)).includes(want),
  );
}

/**
 * The element of a role by accessible name, once shown. Computed in the page rather than with
 * puppeteer's `::-p-aria`, whose BiDi accessibility search takes 0.3–0.6 s a query in Firefox here.
 */
export async function byRole(page: Page | Frame, role: string, name: string): Promise<ElementHandle<Element>> {
  const found = await page.waitForFunction(byRoleInPage, { timeout: 10_000 }, role, name);
  return found as unknown as ElementHandle<Element>;
}

/** Clicks the element of a role by accessible name, with the mouse. */
export async function clickRole(page: Page | Frame, role: string, name: string): Promise<void> {
  await (await byRole(page, role, name)).click();
}

/** Chooses a select's option by its label or value, with the events a person's choice sends. */
export async function choose(select: ElementHandle<Element>, option: string): Promise<void> {
  await select.evaluate((el, want) => {
    const s = el as HTMLSelectElement;
    const o = [...s.options].find((x) => x.value === want || x.label === want || x.text.trim() === want);
    if (!o) throw new Error(`no option ${want}`);
    s.value = o.value;
    s.dispatchEvent(new Event('input', { bubbles: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }, option);
}
