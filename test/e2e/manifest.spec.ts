import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSIONS, launchChromium } from '../../scripts/drive/browser';

const manifest = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));

test('the released build asks for no host access at install and injects nothing by itself', async () => {
  const m = await manifest(EXTENSIONS.release);
  expect(m.host_permissions ?? []).toEqual([]);
  expect(m.content_scripts).toBeUndefined();
  expect(m.permissions.sort()).toEqual([
    'activeTab',
    'scripting',
    'sidePanel',
    'storage',
    'webNavigation',
    'webRequest',
  ]);
  expect(Object.keys(m.commands ?? {}).sort()).toEqual(['score-touchpoint', 'tag-friction']);
  expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
});

test('the end-to-end build adds the loopback test server and nothing else', async () => {
  const released = await manifest(EXTENSIONS.release);
  const e2e = await manifest(EXTENSIONS.e2e);
  expect(e2e.host_permissions).toEqual(['http://127.0.0.1/*']);
  expect({ ...e2e, host_permissions: [] }).toEqual({ ...released, host_permissions: [] });
});

test('the released build loads in Chromium (its service worker starts)', async () => {
  const launched = await launchChromium(EXTENSIONS.release);
  try {
    expect(launched.extensionId).toMatch(/^[a-p]{32}$/);
  } finally {
    await launched.close();
  }
});

test('the Firefox build is Manifest V3 with its sidebar, shortcuts and no host access at install', async () => {
  // `npm run build:firefox` (run by `npm run lint`) is plain `wxt build -b firefox`: wxt.config.ts
  // makes it MV3, which WXT would otherwise build as MV2 into .output/firefox-mv2.
  const m = await manifest(path.join(path.dirname(EXTENSIONS.release), 'firefox-mv3'));
  expect(m.manifest_version).toBe(3);
  expect(m.host_permissions ?? []).toEqual([]);
  expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(m.permissions).toContain('activeTab');
  expect(m.permissions).not.toContain('sidePanel');
  expect(m.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: '__MSG_extName__' });
  expect(m.action).toBeDefined();
  expect(Object.keys(m.commands ?? {}).sort()).toEqual(['score-touchpoint', 'tag-friction']);
  expect(m.browser_specific_settings.gecko.id).toBe('touchpoint@touchpoint.dev');
});
