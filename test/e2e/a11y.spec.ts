import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { startFixtureServer } from '../../scripts/drive/fixture-server';
import { axeFrameViolations, axeViolations, openCopies, overflows, PANEL_BOXES, shadowMarkup } from './support/axe';
import { clickToolbarButton, EXTENSIONS, type Launched, launchChromium } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { waitForRecorder } from './support/fixtures';
import { addOffsiteEvent, saveOutcome } from '../../scripts/drive/journey';
import { OverlayDriver } from '../../scripts/drive/overlay';
import { PanelPage } from '../../scripts/drive/panel';
import { scoreHere, tagElement } from '../../scripts/drive/tagging';

type Lang = 'en' | 'es';
const root = path.resolve(import.meta.dirname, '../..');
/** The UI's words in a language, by message key: what a Spanish browser shows. */
const words = (lang: Lang) => {
  const file = JSON.parse(readFileSync(path.join(root, `public/_locales/${lang}/messages.json`), 'utf8'));
  return (key: string): string => file[key].message;
};
/** The panel's views by their tabs' ids: the same in both languages. */
const VIEW_IDS = ['walk', 'journey', 'channels', 'consistency', 'report', 'audit'] as const;
/** A walk tab at 200% zoom: a 1280x800 window's page at half the CSS pixels. */
const ZOOMED_TAB = { width: 640, height: 400 };
/** The side panel at 200% zoom. */
const ZOOMED_PANEL = { width: 210, height: 350 };

/** Opens every folded section of the view shown. */
const unfold = (p: Page) =>
  p.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('[role="tabpanel"]:not([hidden]) details'))
      d.open = true;
  });

/** The Consistency view's first divergence opened (its places side by side) and its Confirm form asked. */
async function openDivergence(p: Page): Promise<boolean> {
  const view = p.locator('#view-consistency');
  const item = view.locator('.cons-item').first();
  if ((await item.count()) === 0) return false;
  const toggle = item.locator('button[aria-expanded]');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await item.locator('button.primary').click();
  await expect(item.locator('form.cons-confirm')).toBeVisible();
  return true;
}

/**
 * axe on each panel view, its folded sections open (the Consistency view with a divergence open
 * and its Confirm form, when it shows one); with `zoom`, also what sticks out at 200% zoom.
 */
async function scanPanel(p: Page, when: string, zoom = false): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const id of VIEW_IDS) {
    await p.locator(`#view-tab-${id}`).click();
    await expect(p.locator(`#view-${id}`)).toBeVisible();
    // The Report view builds its report when it opens: scanned once it is drawn.
    if (id === 'report') await expect(p.locator('#view-report .rep-part').first()).toBeVisible({ timeout: 15_000 });
    await unfold(p);
    if (id === 'consistency' && (await openDivergence(p))) {
      found[`panel consistency view, a divergence confirmed ${when}`] = await axeViolations(p);
      // Cancel: nothing decided; the scan below sees the divergence open, without the form.
      await p.locator('form.cons-confirm button[type="button"]').click();
    }
    found[`panel ${id} view ${when}`] = await axeViolations(p);
    if (!zoom) continue;
    const size = p.viewportSize();
    await p.setViewportSize(ZOOMED_PANEL);
    found[`panel ${id} view at 200% zoom ${when}`] = await overflows(p, PANEL_BOXES);
    if (size) await p.setViewportSize(size);
  }
  return found;
}

/** Waits until the Consistency view shows a divergence (the panel reads recorded pages after a pause). */
async function awaitDivergence(p: Page): Promise<void> {
  await p.locator('#view-tab-consistency').click();
  await expect(p.locator('#view-consistency .cons-item').first()).toBeVisible({ timeout: 30_000 });
}

/**
 * axe on copies of the overlay's and tagging tools' markup as the walk tab shows them now, in a
 * tab at 200% zoom; what sticks out of the overlay's own box there too.
 */
async function scanOverlay(context: BrowserContext, tab: Page, lang: Lang, what: string) {
  const copies = await openCopies(context, await shadowMarkup(tab), { lang, size: ZOOMED_TAB });
  try {
    return {
      [`overlay ${what} (${lang})`]: await axeViolations(copies, { best: false }),
      [`overlay ${what} at 200% zoom (${lang})`]: await overflows(copies, '.tp-overlay'),
    };
  } finally {
    await copies.close();
  }
}

/** A message's words before its first placeholder: how an accessible name built from it begins. */
const startOf = (text: string) => new RegExp(`^${text.split('$')[0]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/**
 * The delete confirmations open (a past walk's, the audit's): each scanned, then cancelled (Esc,
 * then Cancel) with focus back on the button that asked. Nothing is deleted.
 */
async function scanDeleteDialogs(p: Page, lang: Lang): Promise<Record<string, string[]>> {
  const w = words(lang);
  const found: Record<string, string[]> = {};
  await p.locator('#view-tab-audit').click();
  const dialog = p.getByRole('dialog');
  const askWalk = p
    .getByRole('list', { name: w('panelWalksList') })
    .getByRole('button', { name: startOf(w('deleteWalkLabel')) })
    .first();
  await askWalk.click();
  await expect(dialog).toBeVisible();
  found[`delete walk dialog (${lang})`] = await axeViolations(p);
  await p.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(askWalk).toBeFocused();
  const askAudit = p.getByRole('button', { name: startOf(w('deleteAuditLabel')) });
  await askAudit.click();
  await expect(dialog).toBeVisible();
  found[`delete audit dialog (${lang})`] = await axeViolations(p);
  await dialog.getByRole('button', { name: w('cancel') }).click();
  await expect(dialog).toBeHidden();
  await expect(askAudit).toBeFocused();
  return found;
}

/** axe in the open form's frame, once its form (the button named `ready`) is drawn. */
async function scanFormFrame(overlay: OverlayDriver, ready: string): Promise<string[]> {
  await expect.poll(() => overlay.hasButton(ready)).toBe(true);
  const frame = await overlay.formFrame();
  if (!frame) return ['no form frame'];
  return axeFrameViolations(frame);
}

/** What sticks out of the form in its frame (the frame's own width is the panel's). */
async function overflowsInForm(overlay: OverlayDriver): Promise<string[]> {
  const frame = await overlay.formFrame();
  if (!frame) return ['no form frame'];
  return overflows(frame, '.tg-form');
}

/** The replay page of the walk, its player loaded. */
async function scanReplay(ext: Launched, walkId: string): Promise<Record<string, string[]>> {
  const replay = await ext.context.newPage();
  await replay.goto(`chrome-extension://${ext.extensionId}/replay.html#walk=${walkId}`);
  await expect(replay.locator('.rp-player iframe')).toBeAttached({ timeout: 15_000 });
  await expect(replay.locator('.rr-controller')).toBeVisible();
  const found = await axeViolations(replay);
  await replay.close();
  return { 'replay page': found };
}

/** The overlay idle, in pick mode, with the tag form (also at 200% zoom) and the score form. */
async function scanOverlayStates(ext: Launched, tab: Page, lang: Lang) {
  const w = words(lang);
  const overlay = await OverlayDriver.attach(tab);
  const found = await scanOverlay(ext.context, tab, lang, 'toolbar with markers');
  await overlay.click(w('tagFriction'));
  await expect.poll(() => overlay.hasButton(w('cancel'))).toBe(true);
  Object.assign(found, await scanOverlay(ext.context, tab, lang, 'in pick mode'));
  await tab.keyboard.press('Escape');
  await expect.poll(() => overlay.hasButton(w('cancel'))).toBe(false);
  const box = await tab.locator('#fav').boundingBox();
  if (!box) throw new Error('#fav is not drawn');
  await overlay.click(w('tagFriction'));
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => overlay.hasButton(w('saveTag'))).toBe(true);
  const form = await openCopies(ext.context, await shadowMarkup(tab), { lang, size: ZOOMED_TAB });
  found[`overlay tag form (${lang})`] = await axeViolations(form, { best: false });
  await form.close();
  // The form itself is an extension page framed in the overlay: axe runs in that frame.
  found[`tag form frame (${lang})`] = await scanFormFrame(overlay, w('saveTag'));
  // At 200% zoom the tag form's fields (the minutes too) stay inside it: the walk tab's viewport
  // is a zoomed tab's, and the frame's content is checked against its form.
  const size = tab.viewportSize();
  await tab.setViewportSize(ZOOMED_TAB);
  await overlay.select(w('fieldResolution'), 'workaround');
  found[`tag form at 200% zoom (${lang})`] = await overflowsInForm(overlay);
  if (size) await tab.setViewportSize(size);
  await overlay.click(w('cancel'));
  await overlay.click(w('scoreTouchpoint'));
  await expect.poll(() => overlay.hasButton(w('saveScore'))).toBe(true);
  Object.assign(found, await scanOverlay(ext.context, tab, lang, 'score form'));
  found[`score form frame (${lang})`] = await scanFormFrame(overlay, w('saveScore'));
  await overlay.click(w('cancel'));
  return found;
}

base('axe finds nothing on the panel views, the replay page and the overlay, in English and Spanish', async () => {
  base.setTimeout(150_000);
  const profile = await mkdtemp(path.join(tmpdir(), 'touchpoint-a11y-'));
  const site = await startFixtureServer();
  const found: Record<string, string[]> = {};
  try {
    // English: one walk with tags, a score, a call and its outcome, scanned as it goes.
    const en = await launchChromium(EXTENSIONS.e2e, { profile, lang: 'en' });
    const panel = await PanelPage.open(en.context, en.extensionId);
    await panel.createAudit({ name: 'Accessible audit', startUrl: site.url('/destinations.html') });
    await panel.addPersona({ name: 'Ana', goal: 'Get a quote for Lisbon' });
    const tab = await panel.startWalk({ persona: 'Ana' });
    await waitForRecorder(tab);
    await clickToolbarButton(en, tab);
    await tab.goto(site.url('/destination.html?id=lisbon'));
    await waitForRecorder(tab);
    await tagElement(tab, '#dest-price', { note: 'Taxes not included?', severity: '3' });
    await scoreHere(tab, '3', '4');
    await OverlayDriver.attach(tab).then((o) => o.click('Show tags'));
    Object.assign(found, await scanOverlayStates(en, tab, 'en'));
    await addOffsiteEvent(panel, {
      channel: 'phone',
      name: 'Support line',
      summary: 'Called to ask for the quote',
      requestedAt: '2026-11-20T10:00',
      answeredAt: '2026-11-20T10:12',
      // Not the number the pages give: a divergence for the Consistency view to show.
      facts: [{ kind: 'phone', subject: '', value: '910 000 333' }],
    });
    await panel.page.bringToFront();
    Object.assign(found, await scanPanel(panel.page, 'during a walk (en)'));
    await panel.endWalk();
    await saveOutcome(panel, { goal: 'Partly', minutes: '25', nps: '4' });
    await awaitDivergence(panel.page);
    Object.assign(found, await scanPanel(panel.page, 'after the walk (en)'));
    Object.assign(found, await scanDeleteDialogs(panel.page, 'en'));
    const walkId = String((await readStoredData(panel.page)).walks[0]?.id);
    Object.assign(found, await scanReplay(en, walkId));
    await en.close();

    // Spanish: the same audit, the panel and replay scanned, and a walk for the overlay.
    const es = await launchChromium(EXTENSIONS.e2e, { profile, lang: 'es' });
    const w = words('es');
    const page = (await PanelPage.open(es.context, es.extensionId)).page;
    await awaitDivergence(page);
    Object.assign(found, await scanPanel(page, 'after the walk (es)', true));
    Object.assign(found, await scanDeleteDialogs(page, 'es'));
    const replay = await scanReplay(es, walkId);
    found['replay page (es)'] = replay['replay page'] ?? [];
    await page.locator('#view-tab-walk').click();
    const [esTab] = await Promise.all([
      es.context.waitForEvent('page'),
      page.getByRole('button', { name: w('panelStartWalk') }).click(),
    ]);
    await esTab.waitForLoadState('load');
    await waitForRecorder(esTab);
    await esTab.goto(site.url('/destination.html?id=lisbon'));
    await waitForRecorder(esTab);
    Object.assign(found, await scanOverlayStates(es, esTab, 'es'));
    await page.bringToFront();
    Object.assign(found, await scanPanel(page, 'during a walk (es)'));
    await es.close();
  } finally {
    await site.close();
    await rm(profile, { recursive: true, force: true });
  }
  // The Consistency view was scanned with a divergence open and its Confirm form, in both languages
  // (during the English walk too when the panel had read its pages by then).
  expect(Object.keys(found)).toEqual(
    expect.arrayContaining([
      'panel consistency view, a divergence confirmed after the walk (en)',
      'panel consistency view, a divergence confirmed after the walk (es)',
      'panel consistency view, a divergence confirmed during a walk (es)',
    ]),
  );
  expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
});
