import en from '../../../public/_locales/en/messages.json';
import es from '../../../public/_locales/es/messages.json';
import { createPresent, type Translate, translatorOf } from '@/lib/present';

/** The English words: names as the tests see them. */
/**
 * A locale file's words; a key it lacks throws: in a test it is a bug (Chrome would show nothing).
 */
export const translator = (messages: object): Translate =>
  translatorOf(messages, (key) => {
    throw new Error(`No message ${key}`);
  });

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
