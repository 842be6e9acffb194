import en from '../../../public/_locales/en/messages.json';
import es from '../../../public/_locales/es/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const keys = (m: object) => Object.keys(m);
const placeholders = (e: Entry | undefined) => Object.keys(e?.placeholders ?? {}).sort();

describe('UI messages', () => {
  it('exist in Spanish for every English key and no other, with the same placeholders', () => {
    const esMessages = es as Record<string, Entry>;
    expect(keys(es).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) {
      const entry = (en as Record<string, Entry>)[key];
      expect(placeholders(esMessages[key]), key).toEqual(placeholders(entry));
      for (const name of placeholders(entry)) {
        expect(esMessages[key]?.message.toLowerCase(), `${key} uses $${name}$`).toContain(`$${name}$`);
      }
    }
  });
});

describe('message texts', () => {
  it('are never empty in either language', () => {
    for (const [lang, m] of [
      ['en', en],
      ['es', es],
    ] as const) {
      for (const [key, e] of Object.entries(m as Record<string, Entry>))
        expect(e.message.trim(), `${lang}.${key}`).not.toBe('');
    }
  });
});
