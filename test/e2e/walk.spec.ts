import { readStoredData } from '../../scripts/drive/db';
import { expect, test } from './support/fixtures';
import { FIXTURE_WALK_PAGES, walkFixtureSite } from '../../scripts/drive/site';

test('a walk across pages and tabs is stored whole, in order, without the overlay', async ({ ext, panel, site }) => {
  await panel.createAudit({ name: 'Ventura Viajes web', company: 'Ventura Viajes', startUrl: site.url('/index.html') });
  await panel.addPersona({
    name: 'Ana',
    segment: 'Young family',
    jobToBeDone: 'Book a summer trip',
    goal: 'Get a quote',
  });
  const tab = await panel.startWalk({ persona: 'Ana', auditor: 'QA' });
  await walkFixtureSite(ext.context, tab);

  await panel.endWalk();
  const stored = await readStoredData(panel.page);

  expect(stored.walks).toHaveLength(1);
  const walk = stored.walks[0] as { status: string; tabIds: number[]; endReason: string };
  expect(walk.status).toBe('ended');
  expect(walk.endReason).toBe('auditor');
  expect(walk.tabIds).toHaveLength(2);

  // Events from every page and both tabs.
  const pages = (stored.recorders as { url: string; tabId: number }[]).map((r) => new URL(r.url).pathname);
  for (const p of FIXTURE_WALK_PAGES) {
    expect(pages, `recorded ${p}`).toContain(p);
  }
  expect(new Set(stored.chunks.map((c) => c.tabId))).toEqual(new Set(walk.tabIds));
  for (const c of stored.chunks) expect(JSON.parse(c.json).length).toBeGreaterThan(0);

  // Steps in order, with URLs and titles.
  const steps = (stored.steps as { at: number; kind: string; url: string; title: string }[]).sort(
    (a, b) => a.at - b.at,
  );
  const visits = steps.filter((s) => s.kind === 'visit').map((s) => new URL(s.url).pathname);
  expect(visits).toEqual(FIXTURE_WALK_PAGES);
  for (const s of steps.filter((x) => x.kind === 'visit')) expect(s.title).toMatch(/Ventura Viajes/);
  const kinds = new Set(steps.map((s) => s.kind));
  for (const k of ['click', 'input', 'submit', 'scroll', 'tab-opened', 'tab-closed'])
    expect(kinds, `a ${k} step`).toContain(k);

  // The overlay is never recorded: not its host, not its text.
  for (const c of stored.chunks) {
    expect(c.json).not.toContain('touchpoint-overlay');
    expect(c.json).not.toContain('Pause recording');
  }

  // The export holds the same walk, validated.
  const { text, fileName } = await panel.exportAudit();
  expect(fileName).toMatch(/^touchpoint-ventura-viajes-web-\d{4}-\d{2}-\d{2}\.json$/);
  const exp = JSON.parse(text);
  expect(exp.schemaVersion).toBe(4);
  expect(exp.personas[0].name).toBe('Ana');
  expect(exp.walks[0].chunks).toHaveLength(stored.chunks.length);
  expect(exp.walks[0].steps).toHaveLength(stored.steps.length);
});
