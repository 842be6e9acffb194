import { readStoredData } from '../../scripts/drive/db';
import { OverlayDriver } from '../../scripts/drive/overlay';
import { scoreHere, tagElement } from '../../scripts/drive/tagging';
import { expect, test, waitForRecorder } from './support/fixtures';

/** Notes the auditor types, each character distinct enough to be spotted anywhere. */
const TAG_NOTE = 'Zq7 tag: which plan?';
const SCORE_NOTE = 'Wx9 score: slow';

test('a page listening in capture phase sees none of the keys typed into the tag and score forms, and cannot block them', async ({
  panel,
  site,
}) => {
  // spy.html records every keyboard, input and composition event that reaches its capture-phase
  // listeners on window and document, and tries to cancel each one.
  await panel.createAudit({ name: 'Spied on', startUrl: site.url('/spy.html') });
  await panel.addPersona({ name: 'Ana' });
  const tab = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab);
  // No toolbar click: this test is about keys, and tags save without their screenshot.
  const seen = () => tab.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(await seen()).toEqual([]);

  await tagElement(tab, '#spy-text', { note: TAG_NOTE, severity: '3' });
  await scoreHere(tab, '2', '3', SCORE_NOTE);

  // Esc in a form cancels it (the page does not see that key either) and focus goes back to the
  // overlay's button that opened it.
  const overlay = await OverlayDriver.attach(tab);
  await overlay.click('Score touchpoint');
  await expect.poll(() => overlay.focusedLabel()).toBe('Effort (CES)');
  await overlay.pressClosingForm('Escape');
  await expect.poll(() => overlay.hasButton('Save score')).toBe(false);
  await expect.poll(() => overlay.focusedName()).toBe('Score touchpoint');

  // The page saw nothing of what was typed...
  expect(await seen()).toEqual([]);
  // ...and could not take it away: both notes are stored whole.
  await expect
    .poll(async () => {
      const { stores } = await readStoredData(panel.page);
      return [stores.tags?.map((t) => t.note), stores.scores?.map((s) => s.note)];
    })
    .toEqual([[TAG_NOTE], [SCORE_NOTE]]);
});
