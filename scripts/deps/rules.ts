// The house rules about who may import what: run by `npm run lint:deps` (part of `npm test`),
// explained in docs/architecture.md. test/unit/tooling/dependency-rules.test.ts plants a violation
// of each one in test/fixtures/deps/ and checks that it is reported.

/** The pure modules: data in, data out. They run in the worker, a page, the report and a unit test alike. */
export const PURE = /^lib\/(model|kpi|touchpoints|anchors|present|read|privacy|consistency|report|import)\//;
/**
 * The read side's two edges, the files of lib/read that talk to the worker: the opener (`db/ready`)
 * and the listener (`data/changed`). The rest of lib/read takes the open Db as a parameter.
 */
export const PURE_EXCEPT = /^lib\/read\/(open-read-db|listen)\.ts$/;

/** A forbidden import: from a file matching `from` (and not `fromNot`) to a target matching `to` (and not `toNot`). */
export interface PathRule {
  name: string;
  message: string;
  from: RegExp;
  fromNot?: RegExp;
  /** A project file (`lib/db/tags.ts`), a package as imported (`wxt/browser`), or `node:fs`. */
  to: RegExp;
  toNot?: RegExp;
  /**
   * A run-time rule: type-only imports (erased by the build) are allowed, and reaching the target
   * through other project files is forbidden too.
   */
  reachable?: boolean;
}

export const PATH_RULES: PathRule[] = [
  {
    name: 'lib-not-to-ui',
    message:
      'lib/ never imports components/ or entrypoints/: lib is the shared core and the UI depends on it, not the ' +
      'reverse. Move the shared part into lib/, or pass it in as a parameter.',
    from: /^lib\//,
    to: /^(components|entrypoints)\//,
  },
  {
    name: 'components-not-to-entrypoints',
    message:
      'components/ never imports entrypoints/: an entrypoint only wires components and lib together. Move the ' +
      'shared part into components/ or lib/.',
    from: /^components\//,
    to: /^entrypoints\//,
  },
  {
    name: 'only-worker-writes-db',
    message:
      'lib/db/** are the database writers: only the service worker (entrypoints/background.ts, lib/worker/**, ' +
      'lib/walk/**) imports them. A page sends a command of the protocol (lib/messaging/protocol.ts) and reads ' +
      'through lib/read/**; anyone may import lib/db/open-db.ts and lib/db/schema.ts (the Db type and names). ' +
      'Tests may seed a database with the writers.',
    from: /^(?!entrypoints\/background\.ts$|lib\/(worker|walk|db)\/|test\/)/,
    to: /^lib\/db\//,
    toNot: /^lib\/db\/(open-db|schema)\.ts$/,
  },
  {
    name: 'pure-no-runtime-or-ui',
    message:
      'A pure module (lib/model, kpi, touchpoints, anchors, present, read, consistency, report, import) reaches no browser ' +
      'API (wxt/browser, webextension-polyfill, lib/i18n which calls browser.i18n) and no UI (components/, ' +
      'entrypoints/, preact), not even through another module: it must run in the worker, a page, the report and ' +
      'a unit test alike. Take what it needs (a translate function, a root element) as a parameter.',
    from: PURE,
    fromNot: PURE_EXCEPT,
    to: /^(wxt|@wxt-dev\/browser|webextension-polyfill|preact|@preact\/[^/]+|rrweb-player)(\/|$)|^lib\/i18n\.ts$|^(components|entrypoints)\//,
    reachable: true,
  },
  {
    name: 'shipped-not-to-tooling',
    message:
      'The extension (lib/, components/, entrypoints/) never imports test/, bench/ or scripts/: they are not built ' +
      'into it. Move what both need into lib/.',
    from: /^(lib|components|entrypoints)\//,
    to: /^(test|bench|scripts)\//,
  },
  {
    name: 'bench-scripts-not-to-test',
    message:
      'bench/ and scripts/ do not import test/: test/ serves the tests alone. What they share with the e2e tests ' +
      '(the browser drivers, the demo site server) lives in scripts/drive/.',
    from: /^(bench|scripts)\//,
    to: /^test\//,
  },
];

/** The rules that are not a from/to pair: checked by check.ts, described here for the report. */
export const GRAPH_RULES = {
  'no-circular':
    'Import cycle. The module that needs one across the cycle should take it as a parameter, or the shared part ' +
    'should move to a module both import (often lib/model).',
  'one-import-style':
    'Import project files as `@/…` (e.g. `@/lib/model/tag`), never with a relative path, in lib/, components/ and ' +
    'entrypoints/: one spelling per import keeps moves and searches reliable.',
  'not-to-unresolvable':
    'This import resolves to nothing: a typo, a moved file, or a package missing from package.json.',
  'no-unused-module':
    'Nothing imports this file of lib/ or components/ (not even a test): dead code, or a file that lost its caller.',
} as const;

/** The folders checked by `npm run lint:deps`. */
export const PROJECT_DIRS = ['lib', 'components', 'entrypoints', 'bench', 'scripts', 'test'];
/** Never scanned: the demo site is not project code; the planted violations are checked by their own test. */
export const NOT_SCANNED = [/^test\/fixtures\/(site|deps)(\/|$)/];

/** The folders whose imports must be written `@/…`. */
export const ALIAS_ONLY = /^(lib|components|entrypoints)\//;
/** The folders whose files must be imported by someone. */
export const MUST_BE_USED = /^(lib|components)\//;
