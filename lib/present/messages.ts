import type messages from '@/public/_locales/en/messages.json';

/** A key of the UI messages (the English file is the reference; a test keeps Spanish in step). */
export type MessageKey = keyof typeof messages;

/** `browser.i18n.getMessage`'s shape: the UI passes `t`, a test passes a lookup in one locale. */
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * `browser.i18n.getMessage` over one locale's messages.json, placeholders filled as Chrome fills
 * them: for the tests and the command line, which have no browser. A key the file lacks gives
 * `missing(key)` (Chrome gives '').
 */
export function translatorOf(messages: object, missing: (key: string) => string = () => ''): Translate {
  return (key, subs) => {
    const entry = (messages as Record<string, Entry | undefined>)[key];
    if (!entry) return missing(key);
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content ? content.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') : whole;
    });
  };
}
