import { describe, expect, it } from 'vitest';
import { createRepairBudget } from '@/components/overlay/host/budget';
import { shiftIntoView } from '@/components/overlay/host/fit';

describe('createRepairBudget', () => {
  it('allows max repairs per window, then waits until the oldest leaves the window', () => {
    let t = 1000;
    const budget = createRepairBudget({ max: 3, perMs: 100, now: () => t });
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, true]);
    expect(budget.take()).toBe(false);
    expect(budget.wait()).toBe(100);
    t += 60;
    expect(budget.take()).toBe(false);
    expect(budget.wait()).toBe(40);
    t += 40;
    // All three were taken at the same instant: all three have left the window.
    expect(budget.wait()).toBe(0);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
  });
});

describe('shiftIntoView', () => {
  const vp = { width: 400, height: 300 };
  const box = (left: number, top: number, w = 100, h = 50) => ({ left, top, right: left + w, bottom: top + h });

  it('leaves a box that is inside alone', () => {
    expect(shiftIntoView(box(10, 10), vp)).toEqual({ dx: 0, dy: 0 });
    expect(shiftIntoView(box(300, 250), vp)).toEqual({ dx: 0, dy: 0 });
  });

  it('pulls a box back from each side', () => {
    expect(shiftIntoView(box(-30, 10), vp)).toEqual({ dx: 30, dy: 0 });
    expect(shiftIntoView(box(10, -5), vp)).toEqual({ dx: 0, dy: 5 });
    expect(shiftIntoView(box(350, 10), vp)).toEqual({ dx: -50, dy: 0 });
    expect(shiftIntoView(box(10, 290), vp)).toEqual({ dx: 0, dy: -40 });
  });

  it('keeps the top left corner (the handle) in view when the box is larger than the viewport', () => {
    expect(shiftIntoView(box(-20, -10, 500, 400), vp)).toEqual({ dx: 20, dy: 10 });
    expect(shiftIntoView(box(50, 30, 500, 400), vp)).toEqual({ dx: -50, dy: -30 });
  });
});
