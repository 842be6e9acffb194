import { computed, type ReadonlySignal, type Signal } from '@preact/signals';

/**
 * A record applied from a notice, or read again (the slow poll), is a new object even when nothing
 * in it changed. Writing it into a signal redraws everything that reads it (the whole panel, for
 * the signals the root reads), on two cores beside the walked page. So a value is written only
 * when it differs as data; records are plain data.
 */
export function sameData(a: unknown, b: unknown): boolean {
  return a === b || jsonOf(a) === jsonOf(b);
}

// The value a signal holds is compared on every re-read: its text is kept, not made again each
// time. Safe because signal values are replaced, never changed in place.
const texts = new WeakMap<object, string>();
function jsonOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  let text = texts.get(v);
  if (text === undefined) {
    text = JSON.stringify(v);
    texts.set(v, text);
  }
  return text;
}

/** Writes `next` into `s` unless it holds the same data already. */
export function assignIfChanged<T>(s: Signal<T>, next: T): void {
  if (!sameData(s.peek(), next)) s.value = next;
}

/** A computed signal that keeps its previous value (and so notifies no one) while the data is the same. */
export function stableComputed<T>(fn: () => T): ReadonlySignal<T> {
  let last: { value: T } | null = null;
  return computed(() => {
    const next = fn();
    if (last && sameData(last.value, next)) return last.value;
    last = { value: next };
    return next;
  });
}

/** A computed list that keeps its previous array while it holds the same items in the same order. */
export function sameItems<T>(fn: () => T[]): ReadonlySignal<T[]> {
  let last: T[] | null = null;
  return computed(() => {
    const next = fn();
    if (last && last.length === next.length && last.every((x, i) => x === next[i])) return last;
    last = next;
    return next;
  });
}
