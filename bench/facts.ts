/**
 * Part F of `npm run bench` alone (bench/extraction.ts): facts read in the side panel from recorded
 * page loads (the generated page, then the fixture walk), and the walked tab's main thread
 * meanwhile. `npm run build:loopback && npx tsx bench/facts.ts`. BENCH_REPS (default 5),
 * BENCH_ELEMENTS (default 5000), BENCH_EXTENSION (default .output/chrome-mv3-loopback), BENCH_DEBUG=1
 * (prints every round's reads).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSIONS, launchChromium } from '../scripts/drive/browser';
import { startFixtureServer } from '../scripts/drive/fixture-server';
import { PanelPage } from '../scripts/drive/panel';
import { cpuAvailable } from './cpu';
import { runExtraction } from './extraction';
import { extractionRows } from './extraction-rows';
import { formatTable } from './report';
import { loadRrweb } from './rrweb';
import { profileConfig } from './scenarios';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPS = Number(process.env.BENCH_REPS ?? 5);
const ELEMENTS = Number(process.env.BENCH_ELEMENTS ?? 5000);
const EXTENSION = process.env.BENCH_EXTENSION ? path.resolve(process.env.BENCH_EXTENSION) : EXTENSIONS.loopback;

async function main(): Promise<void> {
  const site = await startFixtureServer();
  const profileDir = await mkdtemp(path.join(tmpdir(), 'touchpoint-bench-facts-'));
  const browser = await launchChromium(EXTENSION, { profile: profileDir });
  try {
    const c = { ...profileConfig(site, await loadRrweb(ROOT)), elements: ELEMENTS };
    const panel = await PanelPage.open(browser.context, browser.extensionId);
    const f = await runExtraction(panel, { ...c, profileDir: cpuAvailable ? profileDir : null }, REPS);
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(f, null, 1));
    console.log(formatTable(extractionRows(f, ELEMENTS)));
  } finally {
    await browser.close();
    await site.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error('bench failed:', e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
