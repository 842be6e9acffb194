import messages from '../../../public/_locales/en/messages.json';
import { createPresent, type MessageKey } from '@/lib/present';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** `browser.i18n.getMessage` as Chrome does it, over the English file: names as the tests see them. */
export function english(key: MessageKey, subs?: string | string[]): string {
  const entry = (messages as Record<string, Entry>)[key];
  if (!entry) return key;
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content ? content.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') : whole;
  });
}

/** What `vi.mock('@/lib/i18n', …)` returns: lib/i18n in English, without a browser. */
export function englishI18n() {
  return { t: english, uiLanguage: () => 'en', present: createPresent({ locale: () => 'en', t: english }) };
}
