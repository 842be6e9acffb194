import type { Page } from '@playwright/test';
import { overflows, PANEL_BOXES } from './support/axe';
import { clickToolbarButton } from '../../scripts/drive/browser';
import { expect, test, waitForRecorder } from './support/fixtures';
import { addOffsiteEvent, saveOutcome } from '../../scripts/drive/journey';
import type { PanelPage, PanelView } from '../../scripts/drive/panel';
import { scoreHere, tagElement } from '../../scripts/drive/tagging';

const SHOTS = process.env.PANEL_SHOTS; // a folder for screenshots of every view, when a person wants to look
const VIEWS: PanelView[] = ['Walk', 'Journey', 'Other channels', 'Consistency', 'Report', 'Audit'];
/** Chrome's side panel in a 1280x800 laptop window: its default width, the window less its toolbars. */
const SIDE_PANEL = { width: 420, height: 700 };
/** The same panel at 200% zoom. */
const ZOOMED = { width: 210, height: 350 };

/** Opens every folded section of the view shown, so its whole content is measured. */
async function unfoldAll(p: Page): Promise<void> {
  await p.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('[role="tabpanel"]:not([hidden]) details'))
      d.open = true;
  });
}

/** One walk for every test below: two pages, three tags with screenshots, a score, a call, an outcome. */
async function walkWithTags(
  panel: PanelPage,
  ext: Parameters<typeof clickToolbarButton>[0],
  url: (p: string) => string,
) {
  // An unbroken start URL, as campaign links are: it must wrap, not push the panel sideways.
  await panel.createAudit({
    name: 'Ventura Viajes web audit',
    company: 'Ventura Viajes',
    startUrl: url('/destinations.html?utm_campaign=spring-family-holidays-lisbon-2026-newsletter-variant-b'),
  });
  await panel.addPersona({ name: 'Ana, first family holiday', goal: 'Get a written quote for Lisbon' });
  const tab = await panel.startWalk({ persona: 'Ana, first family holiday' });
  await waitForRecorder(tab);
  await clickToolbarButton(ext, tab);
  await tab.goto(url('/destination.html?id=lisbon'));
  await waitForRecorder(tab);
  await tagElement(tab, '#dest-price', { note: 'Per person? Taxes? Nothing says so anywhere', severity: '3' });
  await tagElement(tab, '#fav', { note: 'Saving leaves no trace', severity: '2' });
  await scoreHere(tab, '3', '3');
  await tab.goto(url('/quote.html'));
  await waitForRecorder(tab);
  await tagElement(tab, '#travellers', { note: 'Travellers before dates', severity: '2' });
  await addOffsiteEvent(panel, {
    channel: 'phone',
    name: 'Support line',
    summary: 'Called to ask where the quote was',
    requestedAt: '2026-11-20T10:00',
    answeredAt: '2026-11-20T10:14',
    transfers: 2,
    facts: [{ kind: 'price', subject: 'Lisbon, 4 nights', value: '519 € per person' }],
  });
  return tab;
}

test('the panel’s views: in sight on a laptop, by keyboard, kept across reloads, and at 200% zoom', async ({
  ext,
  panel,
  site,
}) => {
  const p = panel.page;
  await walkWithTags(panel, ext, (path) => site.url(path));
  await p.bringToFront();
  const tabs = p.getByRole('tablist', { name: 'Views' });

  // During the walk, on a laptop: the walk's state and the switcher stay in sight in every view.
  await p.setViewportSize(SIDE_PANEL);
  for (const view of VIEWS) {
    await panel.view(view);
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/view-${view}.png`, fullPage: true });
    await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    for (const sticky of [
      tabs,
      p.getByRole('button', { name: 'End walk' }),
      p.getByRole('button', { name: 'Pause recording' }),
    ])
      await expect(sticky).toBeInViewport({ ratio: 1 });
  }
  // The views that are forms and lists fit the screen; the journey is as long as the walk.
  for (const view of ['Walk', 'Audit'] as const) {
    await panel.view(view);
    const height = await p.evaluate(() => document.documentElement.scrollHeight);
    expect(height, `${view} view height`).toBeLessThanOrEqual(SIDE_PANEL.height);
  }

  await panel.endWalk();
  // The Walk view leads to the outcome questions, which are in Journey.
  await p.getByRole('button', { name: 'The walk has ended: answer how it went' }).click();
  await expect(p.getByRole('tab', { selected: true })).toHaveAccessibleName('Journey');
  await expect(p.getByRole('radio', { name: 'Yes', exact: true })).toBeFocused();
  await saveOutcome(panel, { goal: 'Partly', minutes: '25', nps: '4' });
  await panel.view('Walk');
  await expect(p.getByRole('button', { name: 'The walk has ended: answer how it went' })).toHaveCount(0);
  await panel.view('Journey');

  // Buttons that lead to another view switch to it: an off-site event's Edit opens its form in
  // Other channels, focus on its first field; a past walk's Journey opens the Journey view.
  const shown = () => p.getByRole('tab', { selected: true });
  await p.getByRole('region', { name: 'Journey' }).getByRole('button', { name: 'Edit event' }).click();
  await expect(shown()).toHaveAccessibleName('Other channels');
  const offsite = p.getByRole('form', { name: 'Other channels' });
  await expect(offsite.getByRole('button', { name: 'Save event' })).toBeVisible();
  await expect(offsite.getByRole('combobox').first()).toBeFocused();
  await offsite.getByRole('button', { name: 'Cancel' }).click();
  await panel.view('Audit');
  await p.getByRole('list', { name: 'Walks' }).getByRole('button', { name: 'Journey' }).click();
  await expect(shown()).toHaveAccessibleName('Journey');
  await expect(shown()).toBeFocused();

  // Keyboard alone: Tab reaches the selected tab; arrows, Home and End move between views.
  await panel.view('Walk');
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const selected = () => tabs.getByRole('tab', { selected: true });
  for (let i = 0; i < 20 && !(await selected().evaluate((el) => el === document.activeElement)); i++)
    await p.keyboard.press('Tab');
  await expect(selected()).toBeFocused();
  await expect(tabs.getByRole('tab')).toHaveCount(6);
  const expectView = async (name: PanelView) => {
    await expect(selected()).toHaveAccessibleName(name);
    await expect(selected()).toBeFocused();
    await expect(p.getByRole('tabpanel', { name })).toBeVisible();
    await expect(p.getByRole('tabpanel')).toHaveCount(1); // the others are hidden
  };
  await expectView('Walk');
  await p.keyboard.press('ArrowRight');
  await expectView('Journey');
  await p.keyboard.press('ArrowRight');
  await expectView('Other channels');
  await p.keyboard.press('End');
  await expectView('Audit');
  await p.keyboard.press('ArrowRight');
  await expectView('Walk');
  await p.keyboard.press('ArrowLeft');
  await expectView('Audit');
  await p.keyboard.press('Home');
  await expectView('Walk');
  await p.keyboard.press('ArrowRight');
  // Tab leaves the tab list for the view: one tab stop for the whole switcher.
  await p.keyboard.press('Tab');
  await expect(p.getByRole('tabpanel', { name: 'Journey' })).toBeFocused();

  // The chosen view outlives a reload.
  await p.reload();
  await expect(tabs.getByRole('tab', { selected: true })).toHaveAccessibleName('Journey');

  // At 200% zoom nothing scrolls sideways or sticks out of its card, in any view, unfolded.
  await p.setViewportSize(ZOOMED);
  for (const view of VIEWS) {
    await panel.view(view);
    await unfoldAll(p);
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/zoomed-${view}.png`, fullPage: true });
    expect(await overflows(p, PANEL_BOXES), `${view} at 200% zoom`).toEqual([]);
  }
  // The outcome form's answers sit beside their radio buttons: same line, a small gap.
  await panel.view('Journey');
  const gaps = await p.getByRole('form', { name: 'How did the walk end?' }).evaluate((form) =>
    [...form.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => {
      const text = [...(radio.closest('label')?.childNodes ?? [])].find((n) => n.nodeType === Node.TEXT_NODE);
      const range = document.createRange();
      if (text) range.selectNodeContents(text);
      const r = radio.getBoundingClientRect();
      const tr = range.getBoundingClientRect();
      return {
        dx: Math.round(tr.left - r.right),
        dy: Math.round(Math.abs(tr.top + tr.height / 2 - (r.top + r.height / 2))),
      };
    }),
  );
  expect(gaps).toHaveLength(3);
  for (const g of gaps) {
    expect(g.dy).toBeLessThanOrEqual(4);
    expect(g.dx).toBeGreaterThanOrEqual(0);
    expect(g.dx).toBeLessThanOrEqual(16);
  }
});
