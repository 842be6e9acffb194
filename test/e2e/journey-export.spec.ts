import { clickToolbarButton } from '../../scripts/drive/browser';
import { expect, test, waitForRecorder } from './support/fixtures';
import { addOffsiteEvent, saveOutcome } from '../../scripts/drive/journey';
import { scoreHere, tagElement } from '../../scripts/drive/tagging';

test('a whole journey: tags, scores, a phone call and the outcome reach the panel and the export', async ({
  ext,
  panel,
  site,
}) => {
  await panel.createAudit({ name: 'Ventura journey', startUrl: site.url('/destinations.html') });
  await panel.addPersona({ name: 'Ana', goal: 'Get a quote for Lisbon' });
  const tab = await panel.startWalk({ persona: 'Ana' });
  await waitForRecorder(tab);
  await clickToolbarButton(ext, tab);

  await tab.locator('#filter').click(); // the planted script error
  // The page's world forwards the error as a window message: let that task run before leaving.
  await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await tagElement(tab, '#filter', { note: 'Filter throws an error', severity: '3' });
  await tab.goto(site.url('/destination.html?id=lisbon'));
  await waitForRecorder(tab);
  await tagElement(tab, '#dest-price', { note: 'Taxes not included?', severity: '2' });
  await scoreHere(tab, '3');
  await tab.goto(site.url('/destination.html?id=kyoto'));
  await waitForRecorder(tab);
  await tab.goto(site.url('/quote.html'));
  await waitForRecorder(tab);
  await tagElement(tab, '#travellers', { note: 'Travellers asked before dates', severity: '2' });
  await scoreHere(tab, '2');

  // The quote never came by email: the persona called.
  await addOffsiteEvent(panel, {
    channel: 'phone',
    name: 'Support line',
    summary: 'Called to ask for the quote',
    requestedAt: '2026-11-20T10:00',
    answeredAt: '2026-11-20T10:12',
    reschedules: 1,
    transfers: 2,
    repeated: ['booking reference'],
    ces: '2',
    csat: '2',
    formality: 'formal',
    warmth: 'cold',
    facts: [{ kind: 'price', subject: 'Lisbon, 4 nights', value: '519 €' }],
  });

  // The live journey: touchpoints by stage, the phone call with its 12-minute wait.
  await panel.view('Journey');
  const journey = panel.page.getByRole('region', { name: 'Journey' });
  await expect(journey.getByRole('heading', { name: /Support line/ })).toBeVisible();
  await expect(journey).toContainText('answered after 12 min');
  await expect(journey).toContainText('2 transfers');
  await expect(journey.getByRole('img', { name: /Screenshot of/ })).toHaveCount(3);

  await panel.endWalk();
  await saveOutcome(panel, { goal: 'Partly', minutes: '25', nps: '4' });

  const { text } = await panel.exportAudit();
  const exp = JSON.parse(text);
  expect(exp.schemaVersion).toBe(4);
  const [walk] = exp.walks;
  expect(walk.outcome).toMatchObject({ goal: 'partly', minutes: 25, nps: 4 });
  expect(walk.tags).toHaveLength(3);
  for (const t of walk.tags) {
    expect(t.anchor.selector).toBeTruthy();
    expect(t.screenshot.mime).toBe('image/png');
    expect(t.screenshot.data.length).toBeGreaterThan(500);
  }
  expect(walk.scores.map((s: { ces: number }) => s.ces).sort()).toEqual([2, 3]);
  expect(walk.offsite).toHaveLength(1);
  expect(walk.offsite[0]).toMatchObject({
    channel: 'phone',
    reschedules: 1,
    transfers: 2,
    repeatedInfo: ['booking reference'],
    tone: { formality: 'formal', warmth: 'cold' },
    facts: [{ kind: 'price', subject: 'Lisbon, 4 nights', value: '519 €' }],
  });
  expect(walk.offsite[0].answeredAt - walk.offsite[0].requestedAt).toBe(12 * 60_000);
  // Both destination pages are one touchpoint; the phone call is another, with its wait.
  const names = exp.touchpoints.map((t: { name: string }) => t.name);
  expect(names).toContain('Support line');
  const phone = exp.touchpoints.find((t: { name: string }) => t.name === 'Support line');
  const phoneKpis = walk.kpis.find((k: { touchpointId: string }) => k.touchpointId === phone.id);
  expect(phoneKpis).toMatchObject({ timeMs: 12 * 60_000, reschedules: 1, transfers: 2, meanCes: 2 });
  const destination = exp.touchpoints.filter((t: { patterns: string[] }) =>
    t.patterns.some((p: string) => p.includes('destination.html')),
  );
  expect(destination).toHaveLength(1);
  const destKpis = walk.kpis.find((k: { touchpointId: string }) => k.touchpointId === destination[0].id);
  expect(destKpis.visits).toBe(2);
  // The destinations list met the script error.
  const list = exp.touchpoints.find((t: { patterns: string[] }) =>
    t.patterns.some((p: string) => p.endsWith('/destinations.html')),
  );
  expect(walk.kpis.find((k: { touchpointId: string }) => k.touchpointId === list.id).errors).toBeGreaterThanOrEqual(1);

  // From the panel, a tag opens the replay at the moment it was pinned.
  await panel.view('Journey');
  const journeyAfter = panel.page.getByRole('region', { name: 'Journey' });
  const [replay] = await Promise.all([
    panel.page.context().waitForEvent('page'),
    journeyAfter
      .getByRole('listitem')
      .filter({ hasText: 'Taxes not included?' })
      .getByRole('button', { name: 'Replay at this moment' })
      .click(),
  ]);
  await replay.waitForLoadState();
  expect(new URL(replay.url()).hash).toMatch(/^#walk=[^&]+&tag=/);
  const chosen = replay.getByRole('region', { name: 'Tags' }).getByRole('button', { name: /Taxes not included\?/ });
  await expect(chosen).toHaveAttribute('aria-current', 'true');
  // The player is on the Lisbon page, the second page of the walk.
  await expect(replay.getByText(/Page 2 of/)).toBeVisible();
});
