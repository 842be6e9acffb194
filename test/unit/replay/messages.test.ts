import en from '../../../public/_locales/en/messages.json';
import es from '../../../public/_locales/es/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const replayKeys = (m: object) => Object.keys(m).filter((k) => k.startsWith('replay'));
const placeholders = (e: Entry | undefined) => Object.keys(e?.placeholders ?? {}).sort();

describe('replay messages', () => {
  it('exist in Spanish for every English key, with the same placeholders', () => {
    const esMessages = es as Record<string, Entry>;
    expect(replayKeys(es).sort()).toEqual(replayKeys(en).sort());
    for (const key of replayKeys(en)) {
      const entry = (en as Record<string, Entry>)[key];
      expect(placeholders(esMessages[key]), key).toEqual(placeholders(entry));
      for (const name of placeholders(entry)) {
        expect(esMessages[key]?.message.toLowerCase(), `${key} uses $${name}$`).toContain(`$${name}$`);
      }
    }
  });
});
