import path from 'node:path';
import { checkRules } from './deps/check';
import { buildGraph } from './deps/graph';
import { NOT_SCANNED, PROJECT_DIRS } from './deps/rules';

// `npm run lint:deps`: the house import rules (scripts/deps/rules.ts) over the project, or over the
// tree given as the first argument (the unit test's planted violations). Exits 1 on any violation.

const root = path.resolve(process.argv[2] ?? '.');
const graph = buildGraph(root, PROJECT_DIRS, NOT_SCANNED);
const violations = checkRules(graph);
const byRule = new Map<string, typeof violations>();
for (const v of violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
for (const [rule, list] of byRule) {
  console.error(`\n✖ ${rule} (${list.length}): ${list[0]?.message}`);
  for (const v of list) console.error(`    ${v.from} → ${v.to}`);
}
const summary = `${graph.files.length} files, ${graph.edges.length} imports`;
if (violations.length > 0) {
  console.error(`\n${violations.length} dependency rule violations (${summary}).`);
  process.exit(1);
}
console.log(`✔ dependency rules hold (${summary}).`);
