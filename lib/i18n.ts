import { browser } from 'wxt/browser';
import type messages from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** Every UI string goes through the browser's i18n, so the UI follows the browser's language. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const get = browser.i18n.getMessage as (k: string, s?: string | string[]) => string;
  return get(key, substitutions) || key;
}
