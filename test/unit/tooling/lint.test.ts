import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const biome = path.resolve('node_modules/.bin/biome');

/**
 * Lints a probe file placed at the project's root, so imports resolve as in real code (and no
 * probe lands in lib/ while the dependency rules scan it); returns Biome's report.
 */
function lint(source: string): string {
  const probe = path.resolve(`lint-probe-${process.pid}.ts`);
  writeFileSync(probe, source);
  try {
    const r = spawnSync(biome, ['lint', '--max-diagnostics=50', probe], { encoding: 'utf8' });
    return `${r.stdout}\n${r.stderr}`;
  } finally {
    rmSync(probe, { force: true });
  }
}

describe('the lint configuration', () => {
  it('rejects a floating promise, even one returned by a function imported through `@/`', () => {
    const out = lint(
      [
        "import { send } from '@/lib/messaging/client';",
        'export async function save(): Promise<number> { return 1; }',
        'export function run(): void {',
        '  save();',
        "  send('walk/end', { walkId: 'x' });",
        '}',
      ].join('\n'),
    );
    expect(out.match(/noFloatingPromises/g)?.length).toBe(2);
  });

  it('accepts promises that are awaited or explicitly voided', () => {
    const out = lint(
      [
        'export async function save(): Promise<number> { return 1; }',
        'export async function run() {',
        '  await save();',
        '  void save();',
        '}',
      ].join('\n'),
    );
    expect(out).not.toMatch(/noFloatingPromises/);
  });
});
