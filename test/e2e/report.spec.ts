import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clickToolbarButton, EXTENSIONS, type Launched, launchChromium } from '../../scripts/drive/browser';
import { PanelPage } from '../../scripts/drive/panel';
import { scoreHere, tagElement } from '../../scripts/drive/tagging';
import { expect, test, waitForRecorder } from './support/fixtures';

// The HTML report as an auditor hands it over: exported from the panel's Report view, opened from
// disk with the network off. One short walk (the fixture site's home, then the hostile page, each
// tagged; a score) is shared by both tests: CI's budget is tight.
test.describe.configure({ mode: 'serial' });

const locale = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
const en = locale('en');
/** The report's sections by id, and the message key of each heading. */
const SECTION_KEYS: Record<string, string> = {
  summary: 'reportSummary',
  journey: 'reportJourney',
  touchpoints: 'reportTouchpoints',
  consistency: 'consistencyHeading',
  frictions: 'reportFrictions',
  personas: 'reportPersonas',
  agreement: 'reportAgreement',
};
const SECTIONS = Object.fromEntries(Object.entries(SECTION_KEYS).map(([id, key]) => [id, en[key].message as string]));

let ext: Launched;
let reportPath = '';
let reportName = '';
let jsonPath = '';

test.beforeAll(async ({ site }) => {
  test.setTimeout(90_000);
  ext = await launchChromium(EXTENSIONS.e2e);
  const panel = await PanelPage.open(ext.context, ext.extensionId);
  await panel.createAudit({ name: 'Report walk', startUrl: site.url('/index.html') });
  await panel.addPersona({ name: 'Rosa', jobToBeDone: 'Book a weekend in Lisbon' });
  const tab = await panel.startWalk({ persona: 'Rosa', auditor: 'Ines' });
  await waitForRecorder(tab);
  // Element screenshots need the toolbar button clicked once on the tab (activeTab).
  await clickToolbarButton(ext, tab);
  await tab.bringToFront();
  await tagElement(tab, '#offers-link', { note: 'Offers hide the prices', severity: '3' });
  await scoreHere(tab, '3', '2');
  // The hostile page: payloads in its title, text, alt text, attributes and a javascript: link.
  await tab.goto(site.url('/hostile.html'));
  await waitForRecorder(tab);
  await tab.waitForFunction(() => document.documentElement.dataset.hostile === 'done', null, { timeout: 20_000 });
  // Its cover and full-screen popover would take the pick: out of the way, the payloads stay.
  await tab.evaluate(() => {
    document.getElementById('cover')?.remove();
    document.getElementById('sale')?.hidePopover();
  });
  await tagElement(tab, '#pwn-link', { note: '<img src=x onerror=window.__pwned=1> in the note', severity: '4' });
  await panel.endWalk();

  // The Report view shows the report, then builds the HTML and says its size before saving it.
  const p = panel.page;
  await panel.view('Report');
  await expect(p.getByRole('heading', { name: SECTIONS.frictions })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Watch this moment' })).toHaveCount(2);
  const view = p.getByRole('tabpanel', { name: 'Report' });
  await expect(view.getByRole('progressbar')).toHaveCount(0);
  const [html] = await panel.exportReport('html');
  const [json] = await panel.exportReport('json');
  if (!html || !json) throw new Error('no download');
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-report-'));
  reportName = html.fileName;
  reportPath = path.join(dir, reportName);
  await copyFile(html.path, reportPath);
  jsonPath = path.join(dir, json.fileName);
  await copyFile(json.path, jsonPath);
});

test.afterAll(async () => {
  await ext?.close();
});

/** Opens the saved report from disk in a fresh page of a context with the network off; counts what it asks for. */
async function openOffline(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  await ext.context.setOffline(true);
  const requests: string[] = [];
  const errors: string[] = [];
  const url = pathToFileURL(reportPath).href;
  // Every request but the document's own is counted and refused (Playwright routes file: too).
  await ext.context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await ext.context.newPage();
  page.on('request', (r) => {
    // The document itself, and the screenshots inlined as data: URLs, are not fetched from anywhere.
    if (r.url() !== url && !r.url().startsWith('data:')) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, requests, errors };
}

test('the HTML report opens from disk offline: every section, no error, no request, its CSP', async () => {
  expect(reportName).toMatch(/^touchpoint-report-walk-\d{4}-\d\d-\d\d-report\.html$/);
  const { page, requests, errors } = await openOffline();
  for (const [id, heading] of Object.entries(SECTIONS)) {
    await expect(page.locator(`#${id} > h2`), id).toHaveText(heading);
    await expect(page.locator(`#${id}`)).toBeVisible();
  }
  // What the walk recorded is there: the persona, the auditor, the tag's note, its screenshot.
  await expect(page.locator('#summary')).toContainText('Rosa');
  await expect(page.locator('#frictions')).toContainText('Offers hide the prices');
  expect(await page.locator('#frictions img[src^="data:image/"]').count()).toBeGreaterThan(0);
  await expect(page.locator('#journey svg.chart').first()).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'none'");
  // Let anything late (an image, a font) try its luck before counting.
  await page.waitForTimeout(300);
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  await page.close();
});

test('the hostile page’s payloads reach the report as text: nothing runs, no javascript: link', async () => {
  const { page, errors } = await openOffline();
  // The payloads are in the report, as words: the page's title, the element's name, the tag's note.
  const frictions = page.locator('#frictions');
  await expect(frictions).toContainText(
    'Flash sale — Ventura Viajes <img src=x onerror=window.__pwned=1></script><script>window.__pwned=1</script>',
  );
  await expect(frictions).toContainText('link “</script><script>window.__pwned=1</script>”');
  await expect(frictions).toContainText('<img src=x onerror=window.__pwned=1> in the note');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  // No markup of theirs: no element with an event handler, no script but the inert data block.
  expect(await page.locator('[onerror], [onload], [onclick], [onmouseover]').count()).toBe(0);
  expect(await page.locator('script:not([type="application/json"])').count()).toBe(0);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^(#|https?:)/);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

/**
 * The export as a second audit of the same site, created later: every id (UUIDs) new, so the
 * import adds it beside the first; the hostile page's tag left out.
 */
function reauditOf(text: string): string {
  const ids = new Map<string, string>();
  const fresh = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    const next = ids.get(id) ?? crypto.randomUUID();
    ids.set(id, next);
    return next;
  });
  const file = JSON.parse(fresh);
  file.audit.name = 'Report walk (2)';
  file.audit.createdAt += 1_000;
  for (const walk of file.walks) walk.tags = walk.tags.filter((t: { url: string }) => !t.url.includes('hostile'));
  return JSON.stringify(file);
}

test('in a Spanish browser the report is in Spanish: the walk’s export imported, its HTML report exported', async () => {
  const es = locale('es');
  const w = (key: string): string => es[key].message;
  const browser = await launchChromium(EXTENSIONS.e2e, { lang: 'es' });
  try {
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await p.locator('#view-tab-audit').click();
    await p.locator('#view-audit input[type="file"]').setInputFiles(jsonPath);
    await expect(p.locator('#view-audit')).toContainText('«Report walk»');
    await p.locator('#view-tab-report').click();
    const view = p.locator('#view-report');
    await expect(view.getByRole('heading', { name: w('reportFrictions') })).toBeVisible();
    await view.getByRole('button', { name: w('reportExportHtml') }).click();
    await expect(view.getByText(/^Informe HTML listo: [\d.,]+\s?(B|kB|MB)\.$/)).toBeVisible();
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      view.getByRole('button', { name: w('reportSave') }).click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toMatch(/<html lang="es/);
    for (const [id, key] of Object.entries(SECTION_KEYS)) expect(text).toContain(`<h2 id="${id}-h">${w(key)}</h2>`);

    // A re-audit (issue 13, point 8): the same walk as a second audit, made later, where the hostile
    // page's friction is gone; compared with the first, that friction is fixed, the other is still there.
    const reaudit = path.join(path.dirname(jsonPath), 're-audit.json');
    await writeFile(reaudit, reauditOf(await readFile(jsonPath, 'utf8')));
    await p.locator('#view-tab-audit').click();
    await p.locator('#view-audit input[type="file"]').setInputFiles(reaudit);
    await expect(p.locator('#view-audit')).toContainText('«Report walk (2)»');
    await p.locator('#view-tab-report').click();
    await view.getByText(w('reauditHeading')).click();
    const first = JSON.parse(await readFile(jsonPath, 'utf8')).audit.id as string;
    await view.getByRole('combobox', { name: w('reauditChoose') }).selectOption(first);
    await view.getByRole('button', { name: w('reauditCompare') }).click();
    const listOf = (key: string) =>
      view
        .getByRole('heading', { name: w(key) })
        .locator('xpath=..')
        .getByRole('listitem');
    await expect(listOf('reauditFixed')).toHaveCount(1);
    await expect(listOf('reauditStillFrictions')).toHaveCount(1);
  } finally {
    await browser.close();
  }
});
