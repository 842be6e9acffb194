import type { MessageKey } from '@/lib/i18n';
import type { send } from '@/lib/messaging/client';

/**
 * A UI message as data: a locale key and its substitutions. The models never translate, so they
 * unit-test without `browser.i18n`; components render it with `t()`.
 */
export interface Message {
  key: MessageKey;
  subs?: string[];
}

export const msg = (key: MessageKey, ...subs: string[]): Message => (subs.length ? { key, subs } : { key });

/** The text of whatever was thrown, for a message that wraps it. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : String(e);
}

export interface StorageEstimate {
  usage: number;
  quota: number;
}

/**
 * Everything the panel needs from the browser, passed in: the real one lives in panel-browser.ts,
 * tests pass fakes. Models never call `browser.*` themselves.
 */
export interface PanelEnv {
  send: typeof send;
  /**
   * Asks for host access. Must be called synchronously inside the click handler: Chrome only shows
   * the prompt during a user gesture.
   */
  requestOrigins: (patterns: string[]) => Promise<boolean>;
  /** The id of the active tab of the panel's window, for "Record the current tab". */
  activeTabId: () => Promise<number | undefined>;
  /**
   * Saves a file through the browser's downloads: text (JSON unless `type` names another kind), or
   * a Blob built beforehand in steps (lib/export/json-parts.ts), whose own type is kept.
   */
  download: (fileName: string, content: string | Blob, type?: string) => void;
  persistStorage: () => Promise<boolean>;
  estimateStorage: () => Promise<StorageEstimate | null>;
  /** A URL for a stored image (a tag's screenshot), and its release when no longer shown. */
  objectUrl: (blob: Blob) => string;
  revokeUrl: (url: string) => void;
  /** Opens one of Touchpoint's pages (the replay) in a new tab. */
  openTab: (path: string) => void;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}
