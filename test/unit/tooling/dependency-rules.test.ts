import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkRules } from '../../../scripts/deps/check';
import { buildGraph } from '../../../scripts/deps/graph';
import { GRAPH_RULES, NOT_SCANNED, PATH_RULES, PROJECT_DIRS } from '../../../scripts/deps/rules';

const fixture = path.resolve('test/fixtures/deps');

function report(root: string): string[] {
  return checkRules(buildGraph(root, PROJECT_DIRS, NOT_SCANNED))
    .map((v) => `${v.rule}: ${v.from} → ${v.to}`)
    .sort();
}

describe('the dependency rules (npm run lint:deps)', () => {
  it('report each planted violation, and nothing else, in test/fixtures/deps', () => {
    expect(report(fixture)).toEqual(
      [
        'no-circular: lib/cycle-a.ts → lib/cycle-b.ts → lib/cycle-a.ts',
        'lib-not-to-ui: lib/to-ui.ts → components/widget.ts',
        'components-not-to-entrypoints: components/widget.ts → entrypoints/page.ts',
        // A page's model calls a writer; its type-only import of open-db and the worker's calls are allowed.
        'only-worker-writes-db: components/page-model.ts → lib/db/tags.ts',
        // Directly, and through a helper; lib/model/fine.ts's type-only import of wxt/browser is allowed.
        'pure-no-runtime-or-ui: lib/model/uses-browser.ts → wxt/browser',
        'pure-no-runtime-or-ui: lib/kpi/indirect.ts → lib/helpers/talks.ts → lib/i18n.ts',
        'one-import-style: lib/relative.ts → ./cycle-a',
        'bench-scripts-not-to-test: bench/run.ts → test/driver.ts',
        'shipped-not-to-tooling: lib/uses-test.ts → test/driver.ts',
        'not-to-unresolvable: lib/unresolved.ts → @/lib/missing',
        'no-unused-module: lib/unused.ts → (nothing imports it)',
      ].sort(),
    );
  });

  it('have a planted violation for every rule', () => {
    const reported = new Set(report(fixture).map((line) => line.split(':')[0]));
    const rules = [...PATH_RULES.map((r) => r.name), ...Object.keys(GRAPH_RULES)];
    expect(rules.filter((name) => !reported.has(name))).toEqual([]);
  });

  it('fail the command line with the rule, the import and the reason', () => {
    const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/check-deps.ts', fixture], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('✖ lib-not-to-ui (1): lib/ never imports components/ or entrypoints/');
    expect(r.stderr).toContain('    lib/to-ui.ts → components/widget.ts');
    expect(r.stderr).toMatch(/11 dependency rule violations \(21 files/);
  });

  it('hold on the project', () => {
    expect(report(path.resolve('.'))).toEqual([]);
  });
});
