import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';

test('script errors, failed requests and slow responses are stored as signals of their page', async ({
  panel,
  site,
}) => {
  await panel.createAudit({ name: 'Signals', startUrl: site.url('/destinations.html') });
  await panel.addPersona({ name: 'Eva' });
  const tab = await panel.startWalk({ persona: 'Eva' });
  await waitForRecorder(tab);
  // The region filter's handler throws (planted client-side error).
  await tab.locator('#filter').click();
  // The page's world forwards the error as a window message: let that task run before leaving.
  await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  // Flash offers are fetched from an address the site no longer serves (404).
  await tab.goto(site.url('/offers.html'));
  await waitForRecorder(tab);
  await expect(tab.locator('#live-offers')).toHaveAttribute('data-state', 'failed');
  // Advisor availability answers after 1.5 s.
  await tab.goto(site.url('/support.html'));
  await waitForRecorder(tab);
  await expect(tab.locator('#availability')).toHaveAttribute('data-state', 'loaded', { timeout: 10_000 });
  await tab.waitForTimeout(300);
  await panel.endWalk();

  const { stores } = await readStoredData(panel.page);
  const signals = (stores.signals ?? []) as { kind: string; url: string; detail: string; durationMs: number | null }[];
  const of = (kind: string) => signals.filter((s) => s.kind === kind);

  const error = of('js-error');
  expect(error).toHaveLength(1);
  expect(error[0]?.url).toBe(site.url('/destinations.html'));
  expect(error[0]?.detail).toMatch(/apply|undefined/);

  const failed = of('request-failed');
  expect(failed.map((s) => [s.url, s.detail])).toEqual([
    [site.url('/offers.html'), `404 ${site.url('/api/flash-offers.json')}`],
  ]);
  // The request's query (a session token here) is never stored.
  expect(JSON.stringify(signals)).not.toContain('abc123');

  const slow = of('slow-response').filter((s) => s.url === site.url('/support.html'));
  expect(slow).toHaveLength(1);
  expect(slow[0]?.detail).toBe(site.url('/slow/availability.json'));
  expect(slow[0]?.durationMs).toBeGreaterThanOrEqual(1400);
  // Fast pages signal nothing.
  expect(signals.filter((s) => s.url.endsWith('/offers.html') && s.kind !== 'request-failed')).toEqual([]);
});
