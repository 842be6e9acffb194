/**
 * `npm run demo`: the main job on the bundled fixture site, headless. Creates an audit and a persona
 * through the panel, walks the site as the persona (pages, a form, a new tab), tags frictions by
 * picking elements, scores touchpoints, adds a phone call to the journey, ends the walk, answers
 * the outcome questions and writes the export, the report (HTML, Markdown, two CSV tables, from the
 * panel's Report view) and screenshots to demo-output/.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { startFixtureServer } from './drive/fixture-server';
import { clickToolbarButton, EXTENSIONS, launchChromium } from './drive/browser';
import { addOffsiteEvent, saveOutcome } from './drive/journey';
import { PanelPage } from './drive/panel';
import { waitForRecorder, walkFixtureSite } from './drive/site';
import { scoreHere, tagElement } from './drive/tagging';

const OUT = path.resolve('demo-output');

/** The walked page and the panel side by side, as one picture (README's screenshot). */
async function writeOverview(context: BrowserContext, files: string[], out: string): Promise<void> {
  const images = await Promise.all(files.map(async (f) => (await readFile(path.join(OUT, f))).toString('base64')));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1700, height: 860 });
  await page.setContent(
    `<body style="margin:0;display:flex;gap:0;background:#d7dbe3;align-items:flex-start">${images
      .map(
        (b64) =>
          `<div style="height:860px;overflow:hidden"><img src="data:image/png;base64,${b64}" style="display:block"></div>`,
      )
      .join('')}</body>`,
  );
  await page.screenshot({ path: path.join(OUT, out) });
  await page.close();
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const site = await startFixtureServer();
  const browser = await launchChromium(EXTENSIONS.loopback);
  try {
    const panel = await PanelPage.open(browser.context, browser.extensionId);
    await panel.page.setViewportSize({ width: 420, height: 900 });
    console.log(`Fixture site: ${site.origin}`);
    await panel.createAudit({
      name: 'Ventura Viajes web audit',
      company: 'Ventura Viajes',
      startUrl: site.url('/index.html'),
    });
    await panel.addPersona({
      name: 'Ana, first family holiday',
      segment: 'Young families, price-sensitive',
      jobToBeDone: 'Plan a summer trip for two adults and a child',
      goal: 'Get a written quote for Lisbon',
    });
    const tab = await panel.startWalk({ persona: 'Ana, first family holiday', auditor: 'Demo' });
    // The auditor clicks Touchpoint's toolbar button once in the walk tab: tags get screenshots.
    await clickToolbarButton(browser, tab);
    await walkFixtureSite(browser.context, tab);
    await tab.screenshot({ path: path.join(OUT, 'walk-tab.png') });

    // Back on a destination page, the auditor tags two frictions and scores the page.
    await tab.goto(site.url('/destination.html?id=lisbon'));
    await waitForRecorder(tab);
    await tab.screenshot({ path: path.join(OUT, 'overlay.png') });
    await tagElement(
      tab,
      '#dest-price',
      { category: 'information', severity: '2', effort: '3', note: 'Per person? Taxes?' },
      () => tab.screenshot({ path: path.join(OUT, 'tag-form.png') }),
    );
    await tagElement(tab, '#fav', { category: 'error', severity: '3', effort: '2', note: 'Saving leaves no trace' });
    await scoreHere(tab, '3', '3');
    await tab.goto(site.url('/quote.html'));
    await waitForRecorder(tab);
    await tagElement(tab, '#travellers', {
      category: 'form-effort',
      severity: '2',
      effort: '3',
      note: 'Travellers before dates',
    });
    await scoreHere(tab, '2', '2');
    await tab.screenshot({ path: path.join(OUT, 'markers.png') });

    // The quote was promised by email and never came: the persona called.
    await addOffsiteEvent(panel, {
      channel: 'phone',
      name: 'Support line',
      summary: 'Called to ask where the quote was',
      requestedAt: '2026-11-20T10:00',
      answeredAt: '2026-11-20T10:14',
      reschedules: 1,
      transfers: 2,
      repeated: ['travel dates', 'email address'],
      ces: '2',
      csat: '2',
      formality: 'formal',
      warmth: 'cold',
      facts: [{ kind: 'price', subject: 'Lisbon, 4 nights', value: '519 € per person' }],
    });
    await panel.page.bringToFront();
    // The journey while the walk is under way: the picture beside the walked page.
    await panel.view('Journey');
    await panel.page.evaluate(() => window.scrollTo(0, 0));
    // The viewport, as the auditor sees it: a full-page picture would draw the sticky walk bar mid-page.
    await panel.page.screenshot({ path: path.join(OUT, 'panel-during-walk.png') });
    await panel.endWalk();
    await saveOutcome(panel, { goal: 'Partly', minutes: '25', nps: '4' });
    await panel.view('Journey');
    await panel.page.evaluate(() => window.scrollTo(0, 0));
    await panel.page.screenshot({ path: path.join(OUT, 'panel.png') });

    await writeOverview(browser.context, ['walk-tab.png', 'panel-during-walk.png'], 'overview.png');

    // What the walked pages contradict (the demo site has planted inconsistencies), read off the
    // page from the recording: the panel lists them once it has read every page load.
    await panel.view('Consistency');
    await panel.page.locator('#view-consistency .cons-item').first().waitFor({ timeout: 30_000 });
    await panel.page.evaluate(() => window.scrollTo(0, 0));
    await panel.page.screenshot({ path: path.join(OUT, 'consistency.png'), fullPage: true });

    const { text, fileName } = await panel.exportAudit();
    const file = path.join(OUT, fileName);
    await writeFile(file, text);
    const exp = JSON.parse(text) as {
      touchpoints: unknown[];
      divergences: unknown[];
      walks: {
        steps: unknown[];
        chunks: unknown[];
        tags: unknown[];
        scores: unknown[];
        offsite: unknown[];
        eventCount: number;
        storedBytes: number;
        rawBytes: number;
      }[];
    };
    // The report, from the panel's Report view: the HTML file, Markdown and the two CSV tables.
    const reports: string[] = [];
    const names: Record<string, string> = {
      html: 'report.html',
      md: 'report.md',
      'tags.csv': 'report-tags.csv',
      'touchpoints.csv': 'report-touchpoints.csv',
    };
    for (const format of ['html', 'markdown', 'csv'] as const) {
      for (const d of await panel.exportReport(format)) {
        const kind = Object.keys(names).find(
          (k) => d.fileName.endsWith(`-report.${k}`) || d.fileName.endsWith(`-${k}`),
        );
        const out = path.join(OUT, names[kind ?? ''] ?? d.fileName);
        await copyFile(d.path, out);
        reports.push(out);
      }
    }
    // The HTML report as a reader opens it from disk: its first screen, for the README.
    const reader = await browser.context.newPage();
    await reader.setViewportSize({ width: 1100, height: 1400 });
    await reader.goto(pathToFileURL(path.join(OUT, 'report.html')).href);
    await reader.screenshot({ path: path.join(OUT, 'report.png') });
    await reader.close();

    const walk = exp.walks[0];
    console.log(`Export: ${file}`);
    console.log(`Report: ${reports.join(', ')}`);
    if (walk) {
      console.log(
        `Walk: ${walk.steps.length} steps, ${walk.eventCount} rrweb events in ${walk.chunks.length} chunks, ` +
          `${(walk.storedBytes / 1024).toFixed(1)} kB stored (${((walk.storedBytes / walk.rawBytes) * 100).toFixed(1)}% of raw JSON)`,
      );
      console.log(
        `Journey: ${exp.touchpoints.length} touchpoints, ${walk.tags.length} tags with screenshots, ` +
          `${walk.scores.length} scores, ${walk.offsite.length} off-site event`,
      );
      console.log(`Consistency: ${exp.divergences.length} divergences across the walked pages and the call`);
    }
    console.log(
      `Screenshots: ${[
        'overview.png',
        'panel.png',
        'consistency.png',
        'report.png',
        'walk-tab.png',
        'overlay.png',
        'tag-form.png',
        'markers.png',
      ]
        .map((f) => path.join(OUT, f))
        .join(', ')}`,
    );
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
