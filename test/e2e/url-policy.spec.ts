import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';

// Distinct strings: any occurrence in storage or in the export is a leak.
const TYPED = 'Qv8-Zanzibar-Typed';
const QUERY_TOKEN = 'TPQRY-7kW2-secret-token'; // in destinations.html's magic link
const FRAGMENT_TOKEN = 'TPFRG-9mX4-secret-token'; // in its sign-in link, after #access_token=
const SECRETS = [TYPED, QUERY_TOKEN, FRAGMENT_TOKEN, 'af0ifjsldkj'];

function count(text: string, s: string): number {
  return text.split(s).length - 1;
}

test('what a GET search typed and sign-in tokens carry never reach IndexedDB or the export; the keys do', async ({
  ext,
  panel,
  site,
}) => {
  // `q` is kept by the audit's list; typed into, its value is redacted all the same. `page` is kept.
  await panel.createAudit({ name: 'URL policy', startUrl: site.url('/destinations.html'), keepParams: ['q', 'page'] });
  await panel.addPersona({ name: 'Dara' });
  const tab = await panel.startWalk({ persona: 'Dara' });
  await waitForRecorder(tab);

  // A sign-in link that opens a tab with a token in its fragment: the tab joins the walk.
  const [signedIn] = await Promise.all([ext.context.waitForEvent('page'), tab.locator('#token-link').click()]);
  await signedIn.waitForLoadState('load');
  await waitForRecorder(signedIn);
  await signedIn.close();

  // The site search: a GET form puts the typed text in the next page's URL.
  await tab.bringToFront();
  await tab.getByRole('searchbox', { name: 'Search destinations' }).fill(TYPED);
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.waitForURL(/destinations\.html\?q=/);
  expect(tab.url()).toContain(TYPED); // the browser's URL holds it: the recording must not
  await waitForRecorder(tab);
  // A magic link with a token in its query.
  await tab.locator('#magic-link').click();
  await tab.waitForURL(/about\.html\?token=/);
  await waitForRecorder(tab);
  await panel.endWalk();

  const stored = await readStoredData(panel.page);
  expect(stored.chunks.length).toBeGreaterThan(0);
  for (const s of SECRETS) expect(count(stored.allText, s), s).toBe(0);
  const urls = stored.steps.map((s) => String(s.url));
  expect(urls).toContain(site.url('/index.html#access_token=*&token_type=*&state=*')); // the tab's step
  expect(urls).toContain(site.url('/destinations.html?q=*&page=1')); // the search's visit: keys kept
  expect(urls).toContain(site.url('/about.html?token=*'));
  // rrweb's own record of the page's URL (its Meta event) says the same.
  expect(stored.allText).toContain(`"href":"${site.url('/destinations.html?q=*&page=1')}"`);
  // Names only, for the rest of the walk.
  expect(stored.walks[0]?.typedParams).toEqual(['q']);

  const decoded = await panel.exportedText();
  for (const s of SECRETS) expect(count(decoded, s), s).toBe(0);
  expect(decoded).toContain('destinations.html?q=*&page=1');
  expect(decoded).toContain('#access_token=*&token_type=*&state=*');
});
