import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const biome = path.resolve('node_modules/.bin/biome');

/**
 * Lints probe files with the project's biome.json, in a scratch tree of the same shape (the
 * override is by path), so no probe ever lands in lib/ while other tests scan it.
 */
function lint(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-biome-'));
  try {
    const config = JSON.parse(readFileSync('biome.json', 'utf8'));
    delete config.$schema;
    config.vcs = { enabled: false };
    writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
    for (const [name, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), source);
    }
    const r = spawnSync(biome, ['lint', '--max-diagnostics=100', ...Object.keys(files)], {
      cwd: dir,
      encoding: 'utf8',
    });
    return `${r.stdout}\n${r.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files Biome reported `noRestrictedGlobals` in, with how often. */
function restricted(out: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of out.matchAll(/^(\S+):\d+:\d+ lint\/style\/noRestrictedGlobals/gm)) {
    const file = m[1] as string;
    counts[file] = (counts[file] ?? 0) + 1;
  }
  return counts;
}

const usesGlobals = [
  'export function width(): number {',
  '  return document.body.clientWidth + window.innerWidth;',
  '}',
  'export const lang = (): string => navigator.language + chrome.runtime.id + browser.runtime.id;',
].join('\n');
const takesParameters = [
  'export function width(root: Document, view: Window): number {',
  '  return root.body.clientWidth + view.innerWidth;',
  '}',
].join('\n');

describe('the pure modules touch no global document, window or browser (Biome)', () => {
  it('reports each global in every pure folder, present and future', () => {
    const pure = [
      'lib/model',
      'lib/kpi',
      'lib/touchpoints',
      'lib/anchors',
      'lib/present',
      'lib/read',
      'lib/consistency',
      'lib/report',
      'lib/import',
    ];
    const out = restricted(lint(Object.fromEntries(pure.map((dir) => [`${dir}/probe.ts`, usesGlobals]))));
    expect(out).toEqual(Object.fromEntries(pure.map((dir) => [`${dir}/probe.ts`, 5])));
  });

  it('accepts the same reads through parameters, and globals outside the pure modules', () => {
    const out = lint({
      'lib/anchors/probe.ts': takesParameters,
      'lib/capture/probe.ts': usesGlobals,
      'lib/read/open-read-db.ts': usesGlobals,
      'lib/read/listen.ts': usesGlobals,
    });
    expect(out).not.toMatch(/noRestrictedGlobals/);
    // Not an empty run: Biome linted all four files.
    expect(out).toMatch(/Checked 4 files/);
  });
});
