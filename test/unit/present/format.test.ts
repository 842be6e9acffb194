import {
  formatBytes,
  formatClock,
  formatCount,
  formatDateTime,
  formatDecimal,
  formatSpan,
  pluralCategory,
} from '@/lib/present';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
    [512, '512 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1530, '1.5 kB'],
    [20_345, '20.3 kB'],
    [125_000, '125 kB'],
    [999_499, '999 kB'],
    [999_960, '1 MB'],
    [99_960, '100 kB'],
    [1_250_000, '1.3 MB'],
    [123_456_789, '123 MB'],
    [5_400_000_000, '5.4 GB'],
  ])('%d bytes is "%s" in English', (bytes, text) => {
    expect(formatBytes(bytes, 'en')).toBe(text);
  });

  it('rounds before it picks the unit, so nothing reads "1000 kB"', () => {
    for (const n of [999_500, 999_960, 999_999]) expect(formatBytes(n, 'en')).toBe('1 MB');
  });

  it('writes the decimal mark of the locale', () => {
    expect(formatBytes(24_400, 'es')).toBe('24,4 kB');
    expect(formatBytes(1_200_000, 'es')).toBe('1,2 MB');
  });
});

describe('dates and numbers', () => {
  const at = new Date(2026, 11, 4, 19, 11).getTime();

  it('dates follow the locale', () => {
    expect(formatDateTime(at, 'en')).toBe('Dec 4, 2026, 7:11 PM');
    expect(formatDateTime(at, 'es')).toBe('4 dic 2026, 19:11');
  });

  it('counts and decimals follow the locale', () => {
    expect(formatCount(12_345, 'en')).toBe('12,345');
    expect(formatCount(12_345, 'es')).toBe('12.345');
    expect(formatDecimal(4.25, 'en')).toBe('4.3');
    expect(formatDecimal(4.25, 'es')).toBe('4,3');
    expect(formatDecimal(5, 'es')).toBe('5');
  });

  it('a malformed locale falls back instead of throwing', () => {
    expect(formatCount(1000, 'not a locale!')).toBe('1,000');
  });
});

describe('durations: a clock and a span', () => {
  it('the clock shows minutes and seconds, and hours when there are some; never negative', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(7_900)).toBe('0:07');
    expect(formatClock(750_000)).toBe('12:30');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5_000)).toBe('0:00');
  });

  it('the span gives the two largest units, in the words of the locale', () => {
    expect(formatSpan(45_000, 'en')).toBe('45 sec');
    expect(formatSpan(185_000, 'en')).toBe('3 min 5 sec');
    expect(formatSpan(180_000, 'en')).toBe('3 min');
    expect(formatSpan(3_720_000, 'en')).toBe('1 hr 2 min');
    expect(formatSpan(185_000, 'es')).toBe('3 min 5 s');
    expect(formatSpan(3_600_000, 'es')).toBe('1 h');
    expect(formatSpan(-1, 'es')).toBe('0 s');
  });
});

describe('pluralCategory', () => {
  it('follows the rules of the locale', () => {
    expect(pluralCategory(1, 'en')).toBe('one');
    expect(pluralCategory(2, 'en')).toBe('other');
    expect(pluralCategory(1, 'es')).toBe('one');
    expect(pluralCategory(0, 'es')).toBe('other');
  });
});
