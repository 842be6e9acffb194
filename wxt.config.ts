import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { rrwebCanvasStrip } from './scripts/rrweb-canvas-strip';
import { rrwebHookSetterFix } from './scripts/rrweb-hook-setter-fix';
import { rrwebUntaintedFix } from './scripts/rrweb-untainted-fix';

// The released build has no install-time host access. Two switches make the builds that automated
// runs load: TOUCHPOINT_LOOPBACK grants the loopback test server at install (an automated browser
// cannot answer Chromium's permission prompt), TOUCHPOINT_TEST_HOOKS adds the end-to-end tests'
// counter of emitted events. `npm run demo` and `npm run bench` use loopback only.
const loopback = process.env.TOUCHPOINT_LOOPBACK === '1';
const testHooks = process.env.TOUCHPOINT_TEST_HOOKS === '1';
const loopbackHosts = loopback ? ['http://127.0.0.1/*'] : [];

export default defineConfig({
  // MV3 for every browser: WXT's default for Firefox is MV2, which `wxt build -b firefox` would
  // then make without host permissions (`--mv2` on the command line still wins).
  manifestVersion: 3,
  // Store packages (`npm run zip`): AMO's review rebuilds from the sources archive, so it holds
  // what `npm ci && npm run build:firefox` needs and nothing else (README, "Store packages").
  zip: {
    includeSources: [
      'README.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'scripts/rrweb-*.ts',
    ],
    excludeSources: [
      '.output/**',
      'reports/**',
      'demo-output/**',
      'bench-output/**',
      'test/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.log',
    ],
  },
  // TOUCHPOINT_OUT suffixes the folder, so that parallel work builds without overwriting each other.
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}${testHooks ? '-e2e' : loopback ? '-loopback' : ''}{{modeSuffix}}${process.env.TOUCHPOINT_OUT ?? ''}`,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'webNavigation',
      'webRequest',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: loopbackHosts,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // Firefox puts a new add-on's button in its Extensions menu; pinned to the toolbar instead, as
    // README says, since an auditor clicks it in each walk tab (activeTab, for tag screenshots).
    action: { default_title: '__MSG_extName__', ...(browser === 'firefox' ? { default_area: 'navbar' as const } : {}) },
    // The tag and score forms' page, framed by the tagger in walk tabs, where typing in it stays out
    // of the page's reach (components/tagger/FormFrame.tsx). Chrome: only at a per-session address,
    // so a site cannot probe for the extension by loading it.
    web_accessible_resources: [
      {
        resources: ['tag-form.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'tag-friction': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandTagFriction__',
      },
      'score-touchpoint': {
        // Not Alt+Shift+S: in Firefox that opens the History menu (its menu bar's access key) and
        // the command never fires (test/e2e-firefox/toolbar.spec.ts).
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandScoreTouchpoint__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'touchpoint@touchpoint.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT adds a runtime content script's `matches` to host_permissions; ours has none, but make
    // sure the released manifest never grows install-time host access by accident.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.host_permissions = loopbackHosts;
      // WXT titles Firefox's sidebar with the page's <title>; the extension's name is localised.
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_extName__';
    },
  },
  vite: () => ({
    plugins: [preact(), rrwebUntaintedFix(), rrwebHookSetterFix(), rrwebCanvasStrip()],
    define: { 'import.meta.env.TOUCHPOINT_TEST_HOOKS': JSON.stringify(testHooks) },
    // rrweb bundles postcss, whose source holds U+FEFF; Chrome rejects a content script that is
    // not valid UTF-8 as written by Vite, so emit ASCII only.
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
