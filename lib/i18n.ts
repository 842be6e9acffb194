import { browser } from 'wxt/browser';
import { createPresent, type MessageKey } from '@/lib/present';

export type { MessageKey } from '@/lib/present';

/** Every UI string goes through the browser's i18n, so the UI follows the browser's language. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const get = browser.i18n.getMessage as (k: string, s?: string | string[]) => string;
  return get(key, substitutions) || key;
}

/**
 * The language the UI's messages are in (`es`, `en-GB`): dates and numbers follow it, and pages
 * say it in `lang`. The messages name their own language (`uiLocale`): Chrome may pick Spanish
 * messages while `getUILanguage()` and `@@ui_locale` still answer `en-US` (headless Chromium with
 * `--lang=es` does). The browser's language refines it when they agree (`es-ES`, `en-GB`).
 */
export function uiLanguage(): string {
  language ??= pickLanguage();
  return language;
}
/** A page's language does not change while it lives: asked once (figures are formatted often). */
let language: string | undefined;

function pickLanguage(): string {
  try {
    const messages = t('uiLocale');
    const browserLanguage = browser.i18n.getUILanguage() || messages;
    if (messages === 'uiLocale') return browserLanguage;
    return browserLanguage.toLowerCase().startsWith(`${messages.toLowerCase()}-`) ? browserLanguage : messages;
  } catch {
    // Unit tests' fake browser has no i18n: English, as the messages fall back to.
    return 'en';
  }
}

/**
 * lib/present bound to the browser: what every UI uses to word figures and enums. Pure-annotated so
 * a bundle that only needs `t` (the recorder's content script) leaves the vocabulary out.
 */
export const present = /* @__PURE__ */ createPresent({ locale: uiLanguage, t });
