import { scoreHere, tagElement } from '@/scripts/drive-firefox/overlay';
import { expect, test } from '@/test/e2e-firefox/support/fixtures';
import { walkOfAudit } from '@/test/e2e-firefox/support/inputs';

// In Firefox, Save tag and Save score threw in the tagging tools until rrweb's setter-only
// `value` hook got its getter back (scripts/rrweb-hook-setter-fix.ts): the form stayed open.
test('in Firefox, a tag and a score from the overlay are saved, recorded and exported', async ({ panel, site }) => {
  const audit = 'Tagging in Firefox';
  const startUrl = site.url('/destination.html?id=lisbon');
  await panel.createAudit({ name: audit, startUrl });
  await panel.addPersona({ name: 'Bea' });
  const tab = await panel.startWalk({ persona: 'Bea', startUrl });

  // Picked by mouse in pick mode: the page sees neither the click nor the form's keys.
  await tagElement(tab, '#dest-price', { category: 'information', severity: '2', note: 'Taxes unclear' });
  expect(await tab.evaluate(() => document.body.dataset.clicks ?? '0')).toBe('0');
  await scoreHere(tab, '3', '2');
  await panel.endWalk();

  const walk = walkOfAudit(await panel.stored(), audit);
  const tags = walk.tags as {
    id: string;
    note: string;
    severity: number;
    categoryId: string;
    anchor: { selector: string };
  }[];
  expect(tags.map((t) => [t.anchor.selector, t.categoryId, t.severity, t.note])).toEqual([
    ['#dest-price', 'information', 2, 'Taxes unclear'],
  ]);
  expect(walk.scores.map((s) => [s.ces, s.csat])).toEqual([[3, 2]]);
  // The tag is in the recording too, as the custom event the replay shows.
  const recorded = walk.chunks.map((c) => c.json).join('\n');
  expect(recorded.match(/"tag":"touchpoint-tag"/g)).toHaveLength(1);
  expect(recorded).toContain(`"tagId":"${tags[0]?.id}"`);

  const exp = JSON.parse((await panel.exportAudit()).text);
  const [exported] = exp.walks;
  expect(exported.tags.map((t: { note: string; severity: number }) => [t.note, t.severity])).toEqual([
    ['Taxes unclear', 2],
  ]);
  expect(exported.scores.map((s: { ces: number; csat: number }) => [s.ces, s.csat])).toEqual([[3, 2]]);
});
