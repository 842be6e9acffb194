import { playerOffset, segmentIndexOfStep, segmentTitle, stepAtTime, tabNumber } from '@/lib/replay/timeline';
import { segment, step } from './helpers';

const segments = [segment('home', 1_000), segment('insurance', 5_000, [], 2), segment('quote', 9_000)];

describe('segmentIndexOfStep', () => {
  it('puts a page step in its recorder’s segment', () => {
    expect(segmentIndexOfStep(segments, step('a', 9_500, 'quote'))).toBe(2);
    expect(segmentIndexOfStep(segments, step('b', 1_200, 'home'))).toBe(0);
  });

  it('sends a tab event to the first page that starts at or after it', () => {
    expect(segmentIndexOfStep(segments, step('opened', 4_990, null, 'tab-opened'))).toBe(1);
    expect(segmentIndexOfStep(segments, step('closed', 5_000, null, 'tab-closed'))).toBe(1);
    expect(segmentIndexOfStep(segments, step('closed', 6_000, null, 'tab-closed'))).toBe(2);
  });

  it('sends a tab event after the last page began to the last page', () => {
    expect(segmentIndexOfStep(segments, step('closed', 20_000, null, 'tab-closed'))).toBe(2);
  });

  it('answers -1 when nothing holds the step', () => {
    expect(segmentIndexOfStep(segments, step('x', 1_000, 'no-such-recorder'))).toBe(-1);
    expect(segmentIndexOfStep([], step('opened', 1_000, null, 'tab-opened'))).toBe(-1);
  });
});

describe('playerOffset', () => {
  it('counts from the first event', () => {
    expect(playerOffset(1_250, 1_000, 3_000)).toBe(250);
  });

  it('clamps a time before or after the recording to its ends', () => {
    expect(playerOffset(900, 1_000, 3_000)).toBe(0);
    expect(playerOffset(9_000, 1_000, 3_000)).toBe(2_000);
  });
});

describe('stepAtTime', () => {
  const steps = [step('visit', 1_000, 'r', 'visit'), step('click', 2_000, 'r'), step('scroll', 3_000, 'r', 'scroll')];

  it('is the last step at or before the time', () => {
    expect(stepAtTime(steps, 1_000)?.id).toBe('visit');
    expect(stepAtTime(steps, 2_999)?.id).toBe('click');
    expect(stepAtTime(steps, 3_000)?.id).toBe('scroll');
  });

  it('is null before the first step', () => {
    expect(stepAtTime(steps, 999)).toBeNull();
    expect(stepAtTime([], 5_000)).toBeNull();
  });
});

describe('segmentTitle and tabNumber', () => {
  it('names a segment by the first title a step saw, else its URL', () => {
    const titled = segment('p', 0, [
      { ...step('a', 1, 'p'), title: '' },
      { ...step('b', 2, 'p'), title: ' Quote ' },
    ]);
    expect(segmentTitle(titled)).toBe('Quote');
    expect(segmentTitle(segment('p', 0))).toBe('https://ventura.example/p');
  });

  it('numbers tabs in the order the walk reached them', () => {
    expect(tabNumber([41, 17], segments, 41)).toBe(1);
    expect(tabNumber([41, 17], segments, 17)).toBe(2);
  });

  it('numbers a tab the walk does not list after the listed ones', () => {
    expect(tabNumber([1], segments, 2)).toBe(2);
  });
});
