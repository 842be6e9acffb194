import { defineConfig } from '@playwright/test';

/**
 * Specs that run with nothing beside them, after the rest, one at a time: a page flooding its
 * recorder takes a whole core; killing the service worker or restarting the browser is timed
 * against the recorder's flushes; and keys typed into the tag form's frame (hostile, tagging,
 * keys, delete) hang Playwright's key press for the whole test timeout when the CPU is starved
 * (another browser beside them, or two busy loops: reproduced). Each time it was a key that closes
 * the framed form (Enter on Save, Escape): likely the key-up sent to a frame the key-down removed,
 * which CDP then waits on. Run a project alone with `--no-deps`.
 */
const ALONE = [
  '**/flood.spec.ts',
  '**/fault.spec.ts',
  '**/restart.spec.ts',
  '**/hostile.spec.ts',
  '**/tagging.spec.ts',
  '**/keys.spec.ts',
  '**/delete.spec.ts',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Two cores, two browsers at a time: most of a spec is waiting for the extension (flush delays,
  // polls), so two run in about 60% of the time one after the other did. Each test has its own
  // profile, fixture server (port 0) and temp files, so they never share state.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: { trace: 'off', screenshot: 'off' },
  projects: [
    { name: 'chromium', testIgnore: ALONE },
    { name: 'chromium-alone', testMatch: ALONE, workers: 1, dependencies: ['chromium'] },
    // Playwright Test only runs these: puppeteer-core drives Debian's firefox-esr over WebDriver BiDi
    // (Playwright cannot drive a stock Firefox). Same reporter, so .ci/summary.mjs counts them.
    { name: 'firefox', testDir: 'test/e2e-firefox', workers: 1, dependencies: ['chromium-alone'] },
  ],
});
