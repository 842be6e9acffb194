import { coalesce } from '@/components/panel/model/schedule';
import { ManualClock } from '../support/clock';

describe('coalesce', () => {
  function setup() {
    const clock = new ManualClock();
    const runs: number[] = [];
    const fire = coalesce(() => runs.push(clock.now), 300, 1_000, { now: () => clock.now, setTimer: clock.setTimer });
    return { clock, runs, fire };
  }

  it('runs once, when a burst of calls has been quiet for the quiet time', () => {
    const { clock, runs, fire } = setup();
    fire();
    clock.advance(100);
    fire();
    clock.advance(100);
    fire();
    clock.advance(299);
    expect(runs).toEqual([]);
    clock.advance(1);
    expect(runs).toEqual([500]);
    clock.advance(5_000);
    expect(runs).toEqual([500]);
    expect(clock.pending).toBe(0);
  });

  it('runs by the longest wait when calls never pause, then starts a new burst', () => {
    const { clock, runs, fire } = setup();
    for (let t = 0; t < 25; t++) {
      fire();
      clock.advance(100);
    }
    // Calls every 100 ms from 0 to 2,400: runs at 1,000 and 2,000 (each burst's longest wait), then
    // 300 ms after the last call.
    clock.advance(1_000);
    expect(runs).toEqual([1_000, 2_000, 2_700]);
  });

  it('a call after a run starts a fresh burst', () => {
    const { clock, runs, fire } = setup();
    fire();
    clock.advance(300);
    fire();
    clock.advance(300);
    expect(runs).toEqual([300, 600]);
  });
});
