import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let cached: Promise<string> | undefined;

/**
 * lib/consistency's extractors as one IIFE script (scripts/facts/page-entry.ts) that defines
 * `globalThis.__touchpointFacts.extract(country)`: built in memory once per process, so the CLI
 * always runs the extractors of the checkout it is in.
 */
export function factsBundle(): Promise<string> {
  cached ??= build({
    input: path.join(root, 'scripts/facts/page-entry.ts'),
    cwd: root,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    resolve: { alias: { '@': root } },
    output: { format: 'iife', minify: true, charset: 'ascii' },
  }).then((out) => {
    const chunk = out.output.find((o) => o.type === 'chunk');
    if (!chunk) throw new Error('rolldown produced no script for the facts bundle');
    return chunk.code;
  });
  return cached;
}
