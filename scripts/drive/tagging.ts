import { expect, type Page } from '@playwright/test';
import { OverlayDriver } from './overlay';

/** Picks an element in pick mode by mouse, as an auditor does; the tag form is then open. */
export async function pickElement(tab: Page, overlay: OverlayDriver, selector: string): Promise<void> {
  await overlay.click('Tag friction');
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(true);
  const box = await tab.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not drawn`);
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(true);
}

/**
 * Tags an element through the overlay as an auditor does: Tag friction, point and click the
 * element in pick mode, fill the form, Save tag. `beforeSave` runs with the form open.
 */
export async function tagElement(
  tab: Page,
  selector: string,
  f: { note: string; severity: string; category?: string; effort?: string },
  beforeSave?: () => Promise<unknown>,
): Promise<void> {
  const overlay = await OverlayDriver.attach(tab);
  await pickElement(tab, overlay, selector);
  if (f.category) await overlay.select('Category', f.category);
  await overlay.select('Severity', f.severity);
  if (f.effort) await overlay.select('Effort (CES)', f.effort);
  await overlay.type('Note', f.note);
  await beforeSave?.();
  await overlay.click('Save tag');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(false);
}

/** Scores the current page's touchpoint through the overlay; a note is typed key by key. */
export async function scoreHere(tab: Page, ces: string, csat?: string, note?: string): Promise<void> {
  const overlay = await OverlayDriver.attach(tab);
  await overlay.click('Score touchpoint');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(true);
  await overlay.select('Effort (CES)', ces);
  if (csat) await overlay.select('Satisfaction (CSAT)', csat);
  if (note) await overlay.type('Note', note);
  await overlay.click('Save score');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(false);
}
