import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { ResolverFactory } from 'rolldown/experimental';
import { parseSync } from 'rolldown/utils';

// The import graph of the project, for the house rules (rules.ts). dependency-cruiser would be the
// usual tool, but its 17.x line (the last for Node 20) parses TypeScript only through the
// `typescript` package's JS API, which TypeScript 7 no longer ships, and its swc parser cannot read
// .tsx. Rolldown (a pinned dev dependency, and the bundler under Vite 8) carries oxc's parser and
// resolver, which read .ts and .tsx alike and resolve the tsconfig `@/` paths.

/** One import as written in a file, and where it leads. */
export interface Edge {
  from: string;
  /** A project file (root-relative, posix), a package specifier (`wxt/browser`), or `node:fs`. */
  to: string;
  specifier: string;
  kind: 'project' | 'package' | 'core' | 'unresolved';
  /** `import type` / `export type`: erased at build time. */
  typeOnly: boolean;
  dynamic: boolean;
}

export interface Graph {
  root: string;
  /** Every project file scanned (root-relative, posix). */
  files: string[];
  edges: Edge[];
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;

function walk(dir: string, exclude: RegExp[], root: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    if (exclude.some((re) => re.test(rel))) continue;
    if (statSync(full).isDirectory()) walk(full, exclude, root, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
}

/** Every import, re-export and literal dynamic import of one file, with whether it is type-only. */
function importsOf(file: string, source: string): { specifier: string; typeOnly: boolean; dynamic: boolean }[] {
  const { module, errors } = parseSync(file, source);
  if (errors.length > 0) throw new Error(`${file}: cannot parse: ${errors[0]?.message}`);
  const found: { specifier: string; typeOnly: boolean; dynamic: boolean }[] = [];
  for (const imp of module.staticImports) {
    const statement = source.slice(imp.start, imp.end);
    const typeOnly =
      /^import\s+type\b/.test(statement) || (imp.entries.length > 0 && imp.entries.every((e) => e.isType));
    found.push({ specifier: imp.moduleRequest.value, typeOnly, dynamic: false });
  }
  for (const exp of module.staticExports) {
    const fromModule = exp.entries.filter((e) => e.moduleRequest);
    const first = fromModule[0]?.moduleRequest;
    if (!first) continue;
    found.push({ specifier: first.value, typeOnly: fromModule.every((e) => e.isType), dynamic: false });
  }
  for (const dyn of module.dynamicImports) {
    const literal = /^\s*['"`]([^'"`$]+)['"`]\s*$/.exec(source.slice(dyn.moduleRequest.start, dyn.moduleRequest.end));
    if (literal?.[1]) found.push({ specifier: literal[1], typeOnly: false, dynamic: true });
  }
  return found;
}

/**
 * The graph of the project files under `dirs` (relative to `root`), resolved with `root`'s
 * tsconfig.json. `exclude` holds root-relative path patterns never scanned.
 */
export function buildGraph(root: string, dirs: string[], exclude: RegExp[] = []): Graph {
  const files: string[] = [];
  for (const dir of dirs) {
    const full = path.join(root, dir);
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) walk(full, exclude, root, files);
  }
  const resolver = new ResolverFactory({
    tsconfig: { configFile: path.join(root, 'tsconfig.json'), references: 'auto' },
    extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.json'],
    conditionNames: ['import', 'module', 'default'],
    mainFields: ['module', 'main'],
  });
  const edges: Edge[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    for (const imp of importsOf(full, readFileSync(full, 'utf8'))) {
      const bare = imp.specifier.replace(/\?.*$/, '');
      const base = { from: file, specifier: imp.specifier, typeOnly: imp.typeOnly, dynamic: imp.dynamic };
      if (isBuiltin(bare)) {
        edges.push({ ...base, to: bare.startsWith('node:') ? bare : `node:${bare}`, kind: 'core' });
        continue;
      }
      const resolved = resolver.sync(path.dirname(full), bare).path;
      if (!resolved) edges.push({ ...base, to: bare, kind: 'unresolved' });
      else if (resolved.split(path.sep).includes('node_modules')) edges.push({ ...base, to: bare, kind: 'package' });
      else edges.push({ ...base, to: path.relative(root, resolved).split(path.sep).join('/'), kind: 'project' });
    }
  }
  return { root, files, edges };
}
