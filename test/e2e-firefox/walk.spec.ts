import { openExtensionPage } from '@/scripts/drive-firefox/firefox';
import { byRole, clickRole } from '@/scripts/drive-firefox/find';
import { FIXTURE_WALK_PAGES } from '@/scripts/drive/site';
import { walkFixtureSite } from '@/scripts/drive-firefox/site';
import { recordedInputs, walkOfAudit } from '@/test/e2e-firefox/support/inputs';
import { expect, test } from '@/test/e2e-firefox/support/fixtures';

// Unusual strings: any occurrence in storage or the export is a leak.
const SECRETS = { name: 'Zebulon Quixfeather', password: 'hunter2-Plover-77xq!Vw' };

test('in Firefox, a walk across pages and a new tab is stored whole, typing masked, exported, and replayed', async ({
  ff,
  panel,
  site,
}) => {
  const audit = 'Ventura Viajes in Firefox';
  await panel.createAudit({ name: audit, company: 'Ventura Viajes', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Ana', segment: 'Young family' });
  const tab = await panel.startWalk({ persona: 'Ana', auditor: 'QA', startUrl: site.url('/index.html') });
  // The insurance tab closes right after its scroll: Firefox sends that last flush without a sender
  // tab, and the worker takes the recorder's own (FlushBatch.tabId); the scroll must be stored.
  await walkFixtureSite(ff, tab, SECRETS);
  await panel.endWalk();

  const stored = await panel.stored();
  const walk = walkOfAudit(stored, audit);
  expect(walk.walks).toHaveLength(1);
  expect(walk.walks[0]).toMatchObject({ status: 'ended', endReason: 'auditor' });
  const tabIds = walk.walks[0]?.tabIds as number[];
  expect(tabIds).toHaveLength(2);

  // Events from every page and both tabs, and the visits in order with their titles.
  const recorded = walk.recorders.map((r) => new URL(r.url as string).pathname);
  for (const p of FIXTURE_WALK_PAGES) expect(recorded, `recorded ${p}`).toContain(p);
  expect(new Set(walk.chunks.map((c) => c.tabId))).toEqual(new Set(tabIds));
  const steps = (walk.steps as { at: number; kind: string; url: string; title: string }[]).sort((a, b) => a.at - b.at);
  const visits = steps.filter((s) => s.kind === 'visit');
  expect(visits.map((s) => new URL(s.url).pathname)).toEqual(FIXTURE_WALK_PAGES);
  for (const s of visits) expect(s.title).toMatch(/Ventura Viajes/);
  const kinds = new Set(steps.map((s) => s.kind));
  for (const k of ['click', 'input', 'submit', 'scroll', 'tab-opened', 'tab-closed'])
    expect(kinds, `a ${k} step`).toContain(k);
  // The closed tab's last seconds: its scroll, sent as the tab closed.
  expect(steps.some((s) => s.kind === 'scroll' && s.url.endsWith('/insurance.html'))).toBe(true);

  // The overlay is never recorded.
  for (const c of walk.chunks) {
    expect(c.json).not.toContain('touchpoint-overlay');
    expect(c.json).not.toContain('Pause recording');
  }

  // Typing is recorded, as one `*` per character; a password as nothing, not even its length.
  const inputs = recordedInputs(walk.chunks);
  const last = (field: string) => inputs.filter((i) => i.field === field).at(-1)?.text;
  expect.soft(last('full-name'), 'the name as typed, masked').toBe('*'.repeat(SECRETS.name.length));
  expect.soft(last('email'), 'the e-mail as typed, masked').toBe('*'.repeat('ana@example.test'.length));
  const password = inputs.filter((i) => i.field === 'password');
  expect(password.length, 'input events of the password field').toBeGreaterThan(0);
  for (const p of password) expect(p.text, 'a password is stored as nothing').toBe('');
  for (const i of inputs) expect(i.text, `${i.field} holds only masks`).toMatch(/^\**$/);
  const all = stored.allText;
  for (const s of [SECRETS.name, SECRETS.password, 'Zebulon', 'Plover', '*'.repeat(SECRETS.password.length)]) {
    expect(all.includes(s), `${s} in IndexedDB`).toBe(false);
  }

  // The export holds the same walk, and no secret either.
  const { text, fileName } = await panel.exportAudit();
  expect(fileName).toMatch(/^touchpoint-ventura-viajes-in-firefox-\d{4}-\d{2}-\d{2}\.json$/);
  const exp = JSON.parse(text);
  expect(exp.personas[0].name).toBe('Ana');
  expect(exp.walks).toHaveLength(1);
  expect(exp.walks[0].chunks).toHaveLength(walk.chunks.length);
  expect(exp.walks[0].steps).toHaveLength(walk.steps.length);
  const exported = await panel.exportedText(text);
  // Booleans: a failure prints the export whole otherwise.
  expect.soft(exported.includes('*'.repeat(SECRETS.name.length)), 'the masked name in the export').toBe(true);
  for (const s of [SECRETS.name, SECRETS.password]) expect(exported.includes(s), `${s} in the export`).toBe(false);

  // The replay page lists the walk and plays it, page by page.
  const replay = await openExtensionPage(ff, 'replay.html', '#app table a[href]');
  await byRole(replay, 'link', 'Ana');
  const row = await replay.$$eval('tr', (rows) => rows.map((r) => r.textContent ?? '').find((t) => t.includes('Ana')));
  expect(row).toContain('QA');
  expect(row).toContain('Ended by the auditor');
  await clickRole(replay, 'link', 'Ana');
  const label = async () => {
    const nav = await byRole(replay, 'navigation', 'Pages of the walk');
    return (await nav?.$eval('p', (p) => p.textContent)) ?? '';
  };
  // The player's frame is same-origin (sandbox allow-same-origin) and has no address: BiDi lists
  // no browsing context for it, its document is read from the page.
  const heading = () =>
    replay.$eval(
      '.rp-player iframe',
      (f) => (f as HTMLIFrameElement).contentDocument?.querySelector('h1')?.textContent ?? '',
    );
  await expect.poll(label).toMatch(/^Page 1 of \d+ — Holidays made simple — Ventura Viajes \(tab 1\)$/);
  await expect.poll(heading).toBe('Holidays made simple');
  await clickRole(replay, 'button', 'Next page');
  await expect.poll(label).toMatch(/^Page 2 of \d+ — Destinations — Ventura Viajes \(tab 1\)$/);
  await expect.poll(heading).toBe('Destinations');
  // A step of the second tab plays the page that tab loaded.
  await clickRole(replay, 'button', 'Tab opened');
  await expect.poll(label).toMatch(/— Travel insurance — Ventura Viajes \(tab 2\)$/);
  await expect.poll(heading).toBe('Travel insurance');
  await replay.close();
});
