import en from '../../../public/_locales/en/messages.json';
import es from '../../../public/_locales/es/messages.json';
import { createPresent, type MessageKey, type Translate } from '@/lib/present';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * `browser.i18n.getMessage` over one locale file, as Chrome fills placeholders. A key the file
 * lacks throws: in a test it is a bug (Chrome would show an empty string).
 */
export function translator(messages: object): Translate {
  return (key: MessageKey, subs?: string | string[]) => {
    const entry = (messages as Record<string, Entry>)[key];
    if (!entry) throw new Error(`No message ${key}`);
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content ? content.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') : whole;
    });
  };
}

/** The English words: names as the tests see them. */
export const english: Translate = translator(en);

/** The UI's words in English or Spanish, as the panel passes them (`t` and the presentation module). */
export function words(lang: 'en' | 'es') {
  const t = translator(lang === 'en' ? en : es);
  return { t, present: createPresent({ locale: () => lang, t }) };
}

/** What `vi.mock('@/lib/i18n', …)` returns: lib/i18n in English, without a browser. */
export function englishI18n() {
  return { t: english, uiLanguage: () => 'en', present: createPresent({ locale: () => 'en', t: english }) };
}
