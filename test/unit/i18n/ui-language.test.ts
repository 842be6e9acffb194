import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** lib/i18n as a page loads it, with Chrome answering `messages` for `uiLocale` and `browserLanguage`. */
async function load(messages: string, browserLanguage: string) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) =>
    key === 'uiLocale' ? messages : '') as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(browserLanguage);
  return import('@/lib/i18n');
}

describe('uiLanguage', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.restoreAllMocks();
  });

  it('is the language of the messages Chrome picked, even when getUILanguage says otherwise', async () => {
    // Headless Chromium run with --lang=es: Spanish messages, and getUILanguage() still en-US.
    const { uiLanguage, present } = await load('es', 'en-US');
    expect(uiLanguage()).toBe('es');
    expect(present.bytes(24_400)).toBe('24,4 kB');
  });

  it('takes the browser’s region when it agrees with the messages', async () => {
    expect((await load('es', 'es-ES')).uiLanguage()).toBe('es-ES');
    vi.resetModules();
    expect((await load('en', 'en-GB')).uiLanguage()).toBe('en-GB');
  });

  it('falls back to the browser’s language when the messages do not name theirs', async () => {
    expect((await load('', 'fr-FR')).uiLanguage()).toBe('fr-FR');
  });
});
