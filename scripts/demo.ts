/**
 * `npm run demo`: the main job on the bundled fixture site, headless. Creates an audit and a persona
 * through the panel, walks the site as the persona (pages, a form, a new tab), ends the walk and
 * writes the export and screenshots to demo-output/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startFixtureServer } from '../test/fixtures/server';
import { EXTENSIONS, launchChromium } from '../test/e2e/support/browser';
import { PanelPage } from '../test/e2e/support/panel';
import { walkFixtureSite } from '../test/e2e/support/site';

const OUT = path.resolve('demo-output');

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
    await walkFixtureSite(browser.context, tab);
    await tab.screenshot({ path: path.join(OUT, 'walk-tab.png') });
    await panel.page.bringToFront();
    await panel.page.screenshot({ path: path.join(OUT, 'panel-during-walk.png'), fullPage: true });
    await panel.endWalk();
    await panel.page.screenshot({ path: path.join(OUT, 'panel.png'), fullPage: true });

    const { text, fileName } = await panel.exportAudit();
    const file = path.join(OUT, fileName);
    await writeFile(file, text);
    const exp = JSON.parse(text) as {
      walks: { steps: unknown[]; chunks: unknown[]; eventCount: number; storedBytes: number; rawBytes: number }[];
    };
    const walk = exp.walks[0];
    console.log(`Export: ${file}`);
    if (walk) {
      console.log(
        `Walk: ${walk.steps.length} steps, ${walk.eventCount} rrweb events in ${walk.chunks.length} chunks, ` +
          `${(walk.storedBytes / 1024).toFixed(1)} kB stored (${((walk.storedBytes / walk.rawBytes) * 100).toFixed(1)}% of raw JSON)`,
      );
    }
    console.log(`Screenshots: ${path.join(OUT, 'panel.png')}, ${path.join(OUT, 'walk-tab.png')}`);
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
