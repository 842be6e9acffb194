/**
 * Where the auditor's name outlives the panel: typed once in the start form, every later walk of
 * this browser profile carries it (a merged audit tells its auditors apart by it). The panel page's
 * localStorage in the extension, a memory store or nothing in tests.
 */
export interface TextStore {
  get(): string | null;
  set(value: string): void;
}

export const AUDITOR_NAME_KEY = 'touchpoint.panel.auditorName';

/** The auditor's name in the panel page's localStorage, or null where there is none. */
export function localTextStore(key = AUDITOR_NAME_KEY): TextStore | null {
  try {
    const ls = globalThis.localStorage;
    if (!ls) return null;
    return { get: () => ls.getItem(key), set: (v) => ls.setItem(key, v) };
  } catch {
    return null;
  }
}

/** The stored name, or '' (a store that throws or holds nothing). */
export function readName(store: TextStore | null | undefined): string {
  try {
    return (store?.get() ?? '').slice(0, 120);
  } catch {
    return '';
  }
}

/** Keeps the name; a full or refused storage only loses it across reloads. */
export function keepName(store: TextStore | null | undefined, name: string): void {
  try {
    store?.set(name.trim().slice(0, 120));
  } catch {
    // Nothing to do: the walk already carries the name.
  }
}
