import { FIXTURE_WALK_PAGES, walkFixtureSite } from '../../scripts/drive/site';
import { expect, test } from './support/fixtures';
import { openReplayer, readStoredPages, recordReference, replayedDom } from './support/replay-dom';

/**
 * Touchpoint records with an audit profile (lib/record/options.ts: less sampling, fewer mouse
 * events, no periodic snapshot, the first snapshot taken once the page is idle). Whatever it leaves
 * out, the replay must not miss: each page of a walk, replayed to its end in rrweb's Replayer,
 * gives the same DOM (elements, text, field values, style rules) as the same page recorded
 * alongside by rrweb as published at its defaults, with the same privacy.
 */
test('a walk recorded with the audit profile replays to the DOM rrweb at its defaults replays', async ({
  ext,
  site,
  panel,
}) => {
  const reference = await recordReference(ext.context);
  await panel.createAudit({ name: 'Replay profile', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Ana' });
  const tab = await panel.startWalk({ persona: 'Ana' });

  // The reference reads each tab's pages before the tab closes, and at the end.
  await walkFixtureSite(ext.context, tab, (page) => reference.pull(page));
  await panel.endWalk();

  const stored = await readStoredPages(panel.page);
  const path = (url: string) => new URL(url).pathname;
  const walked: string[] = [...FIXTURE_WALK_PAGES];
  expect(stored.map((p) => path(p.url))).toEqual(walked);
  // Tabs record side by side: the reference's pages are matched by path, not order.
  expect(reference.pages.map((p) => path(p.href)).sort()).toEqual([...walked].sort());

  const replayer = await openReplayer(ext.context);
  for (const page of stored) {
    const theirs = await replayedDom(
      replayer,
      reference.pages.find((p) => path(p.href) === path(page.url))?.events ?? [],
    );
    const ours = await replayedDom(replayer, page.events);
    // Not two empty replays: the page is there, with its text and its styles.
    expect(
      Object.values(theirs.elements).reduce((a, b) => a + b, 0),
      page.url,
    ).toBeGreaterThan(20);
    expect(theirs.text.length, page.url).toBeGreaterThan(50);
    expect(theirs.cssRules, page.url).toBeGreaterThan(10);
    expect(ours, `${page.url} replayed from Touchpoint's recording`).toEqual(theirs);
  }
  // The form's fields were replayed with what was typed in them, masked alike.
  const quote = stored.find((p) => path(p.url) === '/quote.html');
  const typed = (await replayedDom(replayer, quote?.events ?? [])).values;
  expect(typed).toContain('*'.repeat('Ana Example'.length));
  expect(typed).not.toContain('Ana Example');
});
