import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSIONS, launchChromium } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import type { FixtureServer } from '../../scripts/drive/fixture-server';
import { PanelPage } from '../../scripts/drive/panel';
import { tagElement } from '../../scripts/drive/tagging';
import { axeViolations } from './support/axe';
import { expect, test, waitForRecorder } from './support/fixtures';

const AUDIT = 'Ventura merged';
const PERSONA = 'Traveller';

/** One short walk (two pages of the fixture site) by `auditor`, tagging the destination's price. */
async function walkAndTag(panel: PanelPage, site: FixtureServer, auditor: string, note: string): Promise<void> {
  const tab = await panel.startWalk({ persona: PERSONA, auditor });
  await waitForRecorder(tab);
  await tab.goto(site.url('/destination.html?id=lisbon'));
  await waitForRecorder(tab);
  await tagElement(tab, '#dest-price', { note, severity: '3' });
  await panel.endWalk();
  await tab.close();
}

/** How many records each store holds: what an import that changes nothing leaves as it was. */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  const { stores } = await readStoredData(page);
  return Object.fromEntries(Object.entries(stores).map(([name, rows]) => [name, rows.length]));
}

test('two auditors merge their walks of one audit: provenance kept, a second import and a broken file change nothing', async ({
  panel,
  site,
}) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'touchpoint-merge-'));
  const file = (name: string) => path.join(dir, name);
  const audit = panel.page.locator('#view-audit');
  try {
    // Auditor A sets the audit up and hands it over.
    await panel.createAudit({ name: AUDIT, startUrl: site.url('/destinations.html') });
    await panel.addPersona({ name: PERSONA });
    await writeFile(file('a.json'), (await panel.exportAudit()).text);

    // Auditor B, in a browser profile of her own, imports it, walks as Bea and exports.
    const b = await launchChromium(EXTENSIONS.e2e);
    let bText = '';
    try {
      const bPanel = await PanelPage.open(b.context, b.extensionId);
      await bPanel.importAudit(file('a.json'));
      await expect(
        bPanel.page.locator('#view-audit').getByText(`New audit “${AUDIT}” imported: 0 walks and 0 tags.`),
      ).toBeVisible();
      await walkAndTag(bPanel, site, 'Bea', 'Bea: is the price per person?');
      // The name is typed once: a reloaded panel still knows who walks.
      await bPanel.page.reload();
      await bPanel.view('Walk');
      await expect(bPanel.page.getByRole('textbox', { name: 'Auditor name' })).toHaveValue('Bea');
      bText = (await bPanel.exportAudit()).text;
    } finally {
      await b.close();
    }
    await writeFile(file('b.json'), bText);
    const broken = JSON.parse(bText);
    broken.walks[0].tags[0].severity = 'high';
    await writeFile(file('b-broken.json'), JSON.stringify(broken));

    // A walks and tags the same element, then imports B's walk into the same audit.
    await walkAndTag(panel, site, 'Alex', 'Alex: taxes not included?');
    await panel.importAudit(file('b.json'));
    await expect(audit.getByText(`Added to the audit “${AUDIT}”: 1 walk and 1 tag.`)).toBeVisible();
    await expect(audit.getByText('Walked by Bea.')).toBeVisible();
    const walks = audit.getByRole('list', { name: 'Walks' }).getByRole('listitem');
    await expect(walks).toHaveCount(2);
    await expect(walks.filter({ hasText: `${PERSONA} · by Alex` })).toHaveCount(1);
    await expect(walks.filter({ hasText: `${PERSONA} · by Bea` })).toHaveCount(1);
    expect(await axeViolations(panel.page)).toEqual([]);

    // Each walk keeps its own tag: Bea's journey shows hers.
    await walks.filter({ hasText: 'by Bea' }).getByRole('button', { name: 'Journey', exact: true }).click();
    const journey = panel.page.getByRole('region', { name: 'Journey' });
    await expect(journey.getByText('Bea: is the price per person?')).toBeVisible();
    await expect(journey.getByText('Alex: taxes not included?')).toHaveCount(0);
    const stored = await readStoredData(panel.page);
    const auditorOf = new Map(stored.walks.map((w) => [w.id, w.auditorName]));
    expect(
      (stored.stores.tags ?? []).map((t) => `${auditorOf.get(t.walkId as string)}: ${String(t.note).split(': ')[1]}`),
    ).toEqual(expect.arrayContaining(['Alex: taxes not included?', 'Bea: is the price per person?']));

    // The merged report: both auditors, and the price they both tagged found by several.
    await panel.view('Report');
    await panel.unfold('Agreement between auditors');
    const agreement = panel.page.locator('#view-report details').filter({ hasText: 'Agreement between auditors' });
    await expect(agreement).toContainText('Auditors: Alex and Bea');
    await expect(agreement).toContainText('Frictions found by one auditor: 0; by several: 1.');
    await panel.view('Audit');

    // The same file again: nothing changes.
    const before = await storeCounts(panel.page);
    expect(before).toMatchObject({ walks: 2, tags: 2, audits: 1 });
    await panel.importAudit(file('b.json'));
    await expect(
      audit.getByText(`The audit “${AUDIT}” already holds everything in this file: nothing was added.`),
    ).toBeVisible();
    expect(await storeCounts(panel.page)).toEqual(before);

    // A broken file is refused, naming the field, and changes nothing.
    await panel.importAudit(file('b-broken.json'));
    const refusal = audit.getByRole('alert');
    await expect(refusal).toContainText('b-broken.json');
    await expect(refusal).toContainText('walks[0].tags[0].severity');
    expect(await storeCounts(panel.page)).toEqual(before);
    expect(await axeViolations(panel.page)).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
