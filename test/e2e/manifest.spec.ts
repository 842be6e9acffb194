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
