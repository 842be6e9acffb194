import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { FixtureServer } from '../../scripts/drive/fixture-server';
import { clickToolbarButton } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';
import { OverlayDriver } from '../../scripts/drive/overlay';
import type { PanelPage } from '../../scripts/drive/panel';

// The overlay's panel and its controls, by accessible name (English UI).
const PANEL = 'Touchpoint walk';
const HANDLE = 'Move overlay (arrow keys)';
// The pick layer is named by its hint, as the English UI words it.
const en = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'));
const PICK_LAYER: string = en.pickHint.message;

/** Starts a walk and takes its tab to the hostile page, once the page has done its worst. */
async function walkToHostile(panel: PanelPage, site: FixtureServer): Promise<{ tab: Page; overlay: OverlayDriver }> {
  await panel.createAudit({ name: 'Hostile', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Hana' });
  const tab = await panel.startWalk({ persona: 'Hana' });
  await waitForRecorder(tab);
  await tab.goto(site.url('/hostile.html'));
  await waitForRecorder(tab);
  // The page hides, removes and buries unknown elements of <html>, removes them the instant they
  // appear for a second, then opens its own full-screen top-layer popover (see hostile.html).
  await tab.waitForFunction(() => document.documentElement.dataset.hostile === 'done', null, { timeout: 20_000 });
  const overlay = await OverlayDriver.attach(tab);
  await expect.poll(() => overlay.text()).toContain('Recording');
  return { tab, overlay };
}

/** The overlay's panel: drawn, and what the browser hit-tests at its centre is ours. */
async function expectOnTop(overlay: OverlayDriver): Promise<void> {
  await expect
    .poll(async () => {
      const b = await overlay.boxOfNamed(PANEL);
      if (b.width < 150 || b.height < 30) return `too small: ${b.width}x${b.height}`;
      const hit = await overlay.hitTest(b.x + b.width / 2, b.y + b.height / 2);
      return hit.ours ? 'ours' : hit.node;
    })
    .toBe('ours');
}

function inside(b: { x: number; y: number; width: number; height: number }, vw: number, vh: number): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.width <= vw && b.y + b.height <= vh;
}

test('on a hostile page the overlay stays visible, readable and on top, and comes back when removed', async ({
  panel,
  site,
}) => {
  const { tab, overlay } = await walkToHostile(panel, site);
  // The page really did remove and hide it: these are its own counters.
  expect(await tab.evaluate(() => document.documentElement.dataset.purges)).toBe('3');

  await expectOnTop(overlay);
  const box = await overlay.boxOfNamed(PANEL);
  expect(box.width).toBeGreaterThan(200);
  // Still the last child of <html>, in the top layer, even after the page's own popover opened.
  expect(
    await tab.evaluate(() => {
      const host = document.documentElement.lastElementChild;
      return [host?.localName, host?.matches(':popover-open'), document.querySelector('#sale:popover-open') !== null];
    }),
  ).toEqual(['touchpoint-overlay', true, true]);

  // Readable: the page's font-size, colour, spacing, direction and custom properties stay out.
  const s = await overlay.style(PANEL, [
    'font-size',
    'color',
    'background-color',
    'letter-spacing',
    'line-height',
    'direction',
    'visibility',
    'pointer-events',
    'opacity',
    '-webkit-text-fill-color',
    'cursor',
  ]);
  expect(Number.parseFloat(s['font-size'] ?? '0')).toBeGreaterThanOrEqual(11);
  expect(s).toMatchObject({
    color: 'rgb(29, 35, 48)',
    'background-color': 'rgb(255, 255, 255)',
    'letter-spacing': 'normal',
    direction: 'ltr',
    visibility: 'visible',
    'pointer-events': 'auto',
    opacity: '1',
    '-webkit-text-fill-color': 'rgb(29, 35, 48)',
    cursor: 'auto',
  });
  expect(Number.parseFloat(s['line-height'] ?? '0')).toBeGreaterThan(14);
  const button = await overlay.style('Pause recording', ['font-size', 'color', 'display']);
  expect(Number.parseFloat(button['font-size'] ?? '0')).toBeGreaterThanOrEqual(11);
  expect(button.color).not.toBe('rgba(0, 0, 0, 0)');

  // Clicks on the overlay act on the overlay, never on the page's cover or popover.
  await overlay.click('Pause recording');
  await expect.poll(() => overlay.text()).toContain('Paused');
  await overlay.click('Resume recording');
  await expect.poll(() => overlay.text()).toContain('Recording');
  expect(await tab.evaluate(() => ({ ...document.documentElement.dataset }))).not.toHaveProperty('coverClicks');
  expect(await tab.evaluate(() => ({ ...document.documentElement.dataset }))).not.toHaveProperty('saleClicks');

  // Removed again by the page's script: put back at once.
  await tab.evaluate(() => document.querySelector('touchpoint-overlay')?.remove());
  await expectOnTop(overlay);
  // The whole of <html> rewritten: put back too.
  await tab.evaluate(() => {
    document.documentElement.innerHTML = '<head><title>Gone</title></head><body><p>Everything was replaced.</p></body>';
  });
  await expectOnTop(overlay);
  expect(await overlay.text()).toContain('Hana');
});

test('on the hostile page every overlay control works by mouse and by keyboard', async ({ ext, panel, site }) => {
  const { tab, overlay } = await walkToHostile(panel, site);
  // Screenshots of tagged elements need the toolbar button clicked once on the tab (activeTab).
  await clickToolbarButton(ext, tab);
  await tab.bringToFront();
  await expectOnTop(overlay);

  // Collapse and expand: mouse, then keyboard (Tab from the page to the control, Enter/Space).
  await overlay.click('Collapse overlay');
  await expect.poll(() => overlay.hasButton('End walk')).toBe(false);
  await overlay.tabTo('Expand overlay');
  await tab.keyboard.press('Enter');
  await expect.poll(() => overlay.hasButton('End walk')).toBe(true);
  // The focused control shows a focus ring.
  expect(await overlay.focusedName()).toBe('Collapse overlay');
  expect((await overlay.style('Collapse overlay', ['outline-style']))['outline-style']).toBe('solid');
  await tab.keyboard.press(' ');
  await expect.poll(() => overlay.hasButton('End walk')).toBe(false);
  await overlay.click('Expand overlay');
  await expect.poll(() => overlay.hasButton('End walk')).toBe(true);

  // Move: drag the handle, then arrow keys on it.
  const start = await overlay.boxOfNamed(PANEL);
  await overlay.drag(HANDLE, -300, -200);
  const dragged = await overlay.boxOfNamed(PANEL);
  expect(dragged.x).toBeLessThan(start.x - 250);
  expect(dragged.y).toBeLessThan(start.y - 150);
  await overlay.tabTo(HANDLE);
  await tab.keyboard.press('ArrowLeft');
  await tab.keyboard.press('ArrowUp');
  const moved = await overlay.boxOfNamed(PANEL);
  expect(moved.x).toBeLessThan(dragged.x);
  expect(moved.y).toBeLessThan(dragged.y);
  await expectOnTop(overlay);

  // Pause and resume, each way.
  await overlay.click('Pause recording');
  await expect.poll(() => overlay.text()).toContain('Paused');
  await overlay.tabTo('Resume recording');
  await tab.keyboard.press('Enter');
  await expect.poll(() => overlay.text()).toContain('Recording');
  await overlay.tabTo('Pause recording');
  await tab.keyboard.press(' ');
  await expect.poll(() => overlay.text()).toContain('Paused');
  await overlay.click('Resume recording');
  await expect.poll(() => overlay.text()).toContain('Recording');

  // Tag friction by mouse: pick mode starts, Esc cancels it.
  await overlay.click('Tag friction');
  // Pick mode takes the keyboard: its layer has focus.
  await expect.poll(() => overlay.focusedName()).toBe(PICK_LAYER);
  await tab.keyboard.press('Escape');
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(false);
  // By keyboard: pick mode, the arrow keys choose the page's first element, Enter picks it.
  await overlay.tabTo('Tag friction');
  await tab.keyboard.press('Enter');
  await expect.poll(() => overlay.focusedName()).toBe(PICK_LAYER);
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('Enter');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(true);
  await overlay.select('Severity', '3');
  await overlay.type('Note', 'Sale banner covers the page');
  await overlay.tabTo('Save tag');
  await overlay.pressClosingForm('Enter');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(false);
  // By mouse: pick mode, a click picks what the page drew there (its full-screen popover), the form saves.
  await overlay.click('Tag friction');
  await expect.poll(() => overlay.hasButton('Cancel')).toBe(true);
  const terms = await tab.locator('#sale-terms').boundingBox();
  if (!terms) throw new Error('#sale-terms is not drawn');
  await tab.mouse.click(terms.x + 20, terms.y + terms.height / 2);
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(true);
  await overlay.type('Note', 'Terms in tiny print');
  await overlay.click('Save tag');
  await expect.poll(() => overlay.hasButton('Save tag')).toBe(false);

  // Score touchpoint: by mouse, then by keyboard (the second save replaces the first).
  await overlay.click('Score touchpoint');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(true);
  await overlay.select('Effort (CES)', '2');
  await overlay.click('Save score');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(false);
  await overlay.tabTo('Score touchpoint');
  await tab.keyboard.press('Enter');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(true);
  await overlay.select('Effort (CES)', '6');
  await overlay.tabTo('Save score');
  await overlay.pressClosingForm('Enter');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(false);

  // None of this reached the page: its cover, popover and button counted no click.
  const counters = await tab.evaluate(() => ({ ...document.documentElement.dataset }));
  expect(counters).not.toHaveProperty('coverClicks');
  expect(counters).not.toHaveProperty('saleClicks');
  expect(counters).not.toHaveProperty('buyClicks');

  // End walk, by keyboard.
  await overlay.tabTo('End walk');
  await tab.keyboard.press('Enter');
  await expect(panel.page.getByRole('button', { name: 'Start walk' })).toBeVisible({ timeout: 15_000 });
  const { stores } = await readStoredData(panel.page);
  const tags = (stores.tags ?? []) as { note: string; severity: number; anchor: { selector: string } }[];
  expect(tags.map((t) => t.note).sort()).toEqual(['Sale banner covers the page', 'Terms in tiny print']);
  const byKeyboard = tags.find((t) => t.note === 'Sale banner covers the page');
  expect(byKeyboard?.severity).toBe(3);
  expect(byKeyboard?.anchor.selector).toContain('sale-title');
  const scores = (stores.scores ?? []) as { ces: number }[];
  expect(scores.map((x) => x.ces)).toContain(6);
});

test('the overlay follows the colour scheme and reduced motion, stays in the viewport, and its CSS stays out of the page', async ({
  panel,
  site,
}) => {
  await panel.createAudit({ name: 'Schemes', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Iker' });
  const tab = await panel.startWalk({ persona: 'Iker' });
  await waitForRecorder(tab);
  const overlay = await OverlayDriver.attach(tab);
  await expect.poll(() => overlay.text()).toContain('Recording');

  // Out: our class names mean nothing to the page, and nothing was added to its styles.
  const page = await tab.evaluate(() => {
    const probe = document.createElement('section');
    probe.className = 'tp-overlay';
    probe.innerHTML = '<button class="tp-primary">x</button>';
    document.body.append(probe);
    const a = getComputedStyle(probe);
    const b = getComputedStyle(probe.querySelector('button') as Element);
    const out = {
      position: a.position,
      zIndex: a.zIndex,
      buttonBackground: b.backgroundColor,
      styleSheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      styles: document.querySelectorAll('style').length,
    };
    probe.remove();
    return out;
  });
  expect(page).toMatchObject({ position: 'static', zIndex: 'auto', styleSheets: 1, adopted: 0, styles: 0 });
  expect(page.buttonBackground).not.toBe('rgb(26, 86, 196)');

  // Colour scheme: light, then dark, on the same page.
  await tab.emulateMedia({ colorScheme: 'light' });
  const light = await overlay.style(PANEL, ['background-color', 'color']);
  expect(light['background-color']).toBe('rgb(255, 255, 255)');
  await tab.emulateMedia({ colorScheme: 'dark' });
  // (polled: the panel's background eases over to the dark one)
  await expect
    .poll(() => overlay.style(PANEL, ['background-color', 'color']))
    .toEqual({ 'background-color': 'rgb(31, 36, 48)', color: 'rgb(232, 234, 240)' });

  // Motion: transitions, none of them under reduced motion (the recording light is steady).
  await tab.emulateMedia({ reducedMotion: 'no-preference' });
  const moving = await overlay.style('Pause recording', ['transition-duration']);
  expect(moving['transition-duration']).not.toMatch(/^0s(, 0s)*$/);
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  const still = await overlay.style('Pause recording', ['transition-duration']);
  expect(still['transition-duration']).toMatch(/^0s(, 0s)*$/);
  expect((await overlay.style(PANEL, ['transition-duration']))['transition-duration']).toMatch(/^0s(, 0s)*$/);

  // Moved to the top left, then the window shrinks: the overlay stays wholly in view.
  for (let i = 0; i < 12; i++) await overlay.press(HANDLE, 'ArrowLeft');
  for (let i = 0; i < 12; i++) await overlay.press(HANDLE, 'ArrowUp');
  await tab.setViewportSize({ width: 420, height: 360 });
  await expect.poll(async () => inside(await overlay.boxOfNamed(PANEL), 420, 360)).toBe(true);
  await tab.setViewportSize({ width: 1280, height: 860 });
  await expect.poll(async () => inside(await overlay.boxOfNamed(PANEL), 1280, 860)).toBe(true);
});
