import { stopServiceWorker } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { emittedCount, expect, test, waitForRecorder } from './support/fixtures';

test('stopping the service worker mid-walk loses and duplicates no event', async ({ panel, site }) => {
  test.setTimeout(90_000);
  await panel.createAudit({ name: 'Fault', startUrl: site.url('/mutating.html') });
  await panel.addPersona({ name: 'Carl' });
  const tab = await panel.startWalk({ persona: 'Carl' });
  await waitForRecorder(tab);

  // Each flush wakes the worker; kill it as soon as it is up, often in the middle of a commit.
  let stops = 0;
  for (let tries = 0; stops < 6 && tries < 2000; tries++) {
    if (await stopServiceWorker(tab)) {
      stops++;
      await tab.waitForTimeout(300);
    } else {
      await tab.waitForTimeout(15);
    }
  }
  expect(stops).toBeGreaterThanOrEqual(5);
  await tab.evaluate(() => (window as unknown as { __stopMutations: () => void }).__stopMutations());
  await tab.waitForTimeout(500);
  const emitted = await emittedCount(tab);
  await panel.endWalk();

  const stored = await readStoredData(panel.page);
  const seqs: number[] = [];
  for (const c of stored.chunks as { seqFrom: number; json: string }[]) {
    const n = (JSON.parse(c.json) as unknown[]).length;
    for (let s = c.seqFrom; s < c.seqFrom + n; s++) seqs.push(s);
  }
  expect(emitted).toBeGreaterThan(500);
  expect(new Set(seqs).size, 'no event duplicated').toBe(seqs.length);
  expect(seqs.length, 'no event lost').toBe(emitted);
  expect(Math.max(...seqs)).toBe(emitted - 1);
});
