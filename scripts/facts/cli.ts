// `npm run facts -- <saved .html files or URLs> [--country ES]`: every page's facts as one JSON
// document on stdout (schema: docs/facts.schema.json), read by the extension's own extractors in
// headless Chromium. Exits 1 when an input could not be read (the others are still reported), so
// a content team can run it in CI.
import { parseArgs } from 'node:util';
import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import { type FactsOutput, FactsOutput as Schema } from '@/lib/model/facts-output';
import { extractPages } from '@/scripts/facts/extract';

const USAGE = 'Usage: npm run facts -- <page.html | https://…> [more…] [--country ES]';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const country = (values.country ?? 'ES').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    console.error(`--country takes a two-letter country code (ES, GB, US…), not "${values.country}".\n${USAGE}`);
    return 2;
  }
  // `npm run` starts scripts in the package's folder; INIT_CWD is where the command was typed.
  const pages = await extractPages(positionals, { country, cwd: process.env.INIT_CWD ?? process.cwd() });
  const doc: FactsOutput = Schema.parse({
    tool: 'touchpoint-facts',
    extractionVersion: EXTRACTION_VERSION,
    country,
    extractedAt: new Date().toISOString(),
    pages,
  });
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  const bad = pages.filter((p) => p.error);
  for (const p of bad) console.error(`✖ ${p.error}`);
  return bad.length > 0 ? 1 : 0;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { country: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`facts: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  },
);
