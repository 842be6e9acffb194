import type messages from '@/public/_locales/en/messages.json';

/** A key of the UI messages (the English file is the reference; a test keeps Spanish in step). */
export type MessageKey = keyof typeof messages;

/** `browser.i18n.getMessage`'s shape: the UI passes `t`, a test passes a lookup in one locale. */
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;
