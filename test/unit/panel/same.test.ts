import { effect, signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { assignIfChanged, sameData, stableComputed } from '@/components/panel/model/same';

describe('writing signals only when the data changed', () => {
  it('compares records as data', () => {
    expect(sameData({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toBe(true);
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameData(null, null)).toBe(true);
    expect(sameData([], null)).toBe(false);
  });

  it('leaves a signal (and whoever reads it) alone for equal data, and writes a change', () => {
    const s = signal({ id: 'w', count: 1 });
    const first = s.value;
    let runs = 0;
    const stop = effect(() => {
      void s.value;
      runs++;
    });
    assignIfChanged(s, { id: 'w', count: 1 });
    expect(s.value).toBe(first);
    expect(runs).toBe(1);
    assignIfChanged(s, { id: 'w', count: 2 });
    expect(s.value.count).toBe(2);
    expect(runs).toBe(2);
    stop();
  });

  it('keeps a computed value while its data is the same', () => {
    const walks = signal([
      { id: 'a', ended: true, count: 1 },
      { id: 'b', ended: false, count: 1 },
    ]);
    const past = stableComputed(() => walks.value.filter((w) => w.ended));
    const first = past.value;
    let runs = 0;
    const stop = effect(() => {
      void past.value;
      runs++;
    });
    walks.value = [
      { id: 'a', ended: true, count: 1 },
      { id: 'b', ended: false, count: 2 },
    ];
    expect(past.value).toBe(first);
    expect(runs).toBe(1);
    walks.value = [
      { id: 'a', ended: true, count: 1 },
      { id: 'b', ended: true, count: 2 },
    ];
    expect(past.value).toHaveLength(2);
    expect(runs).toBe(2);
    stop();
  });
});
