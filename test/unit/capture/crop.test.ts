import { MAX_SIDE, planCrop } from '@/lib/capture/crop';

const viewport = { width: 1000, height: 800 };

describe('planCrop', () => {
  it('keeps the element and its surroundings, at device pixel ratio 1', () => {
    const plan = planCrop({ x: 400, y: 300, width: 100, height: 40 }, viewport, viewport, 50);
    expect(plan).toEqual({
      source: { x: 350, y: 250, width: 200, height: 140 },
      output: { width: 200, height: 140 },
      focus: { x: 50, y: 50, width: 100, height: 40 },
    });
  });

  it('scales CSS pixels to image pixels at device pixel ratio 2', () => {
    const plan = planCrop({ x: 400, y: 300, width: 100, height: 40 }, viewport, { width: 2000, height: 1600 }, 50);
    expect(plan?.source).toEqual({ x: 700, y: 500, width: 400, height: 280 });
    expect(plan?.focus).toEqual({ x: 100, y: 100, width: 200, height: 80 });
  });

  it('clamps the margin at the edges of the viewport', () => {
    const plan = planCrop({ x: 5, y: 0, width: 30, height: 20 }, viewport, viewport, 100);
    expect(plan?.source).toEqual({ x: 0, y: 0, width: 135, height: 120 });
    expect(plan?.focus).toEqual({ x: 5, y: 0, width: 30, height: 20 });
    const corner = planCrop({ x: 980, y: 790, width: 50, height: 50 }, viewport, viewport, 100);
    expect(corner?.source).toEqual({ x: 880, y: 690, width: 120, height: 110 });
  });

  it('clips an element taller than the viewport to what is visible', () => {
    const plan = planCrop({ x: 0, y: -500, width: 1000, height: 3000 }, viewport, viewport, 0);
    expect(plan?.source).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
  });

  it('scales big crops down to MAX_SIDE, focus included', () => {
    const plan = planCrop({ x: 0, y: 0, width: 1000, height: 800 }, viewport, { width: 4000, height: 3200 }, 0);
    expect(plan?.output).toEqual({ width: MAX_SIDE, height: 1280 });
    expect(plan?.focus).toEqual({ x: 0, y: 0, width: MAX_SIDE, height: 1280 });
  });

  it('gives nothing for an element off screen or a zero-size viewport, and one pixel at least otherwise', () => {
    expect(planCrop({ x: 0, y: 900, width: 10, height: 10 }, viewport, viewport)).toBeNull();
    expect(planCrop({ x: -50, y: 0, width: 10, height: 10 }, viewport, viewport)).toBeNull();
    expect(planCrop({ x: 0, y: 0, width: 10, height: 10 }, { width: 0, height: 0 }, viewport)).toBeNull();
    const dot = planCrop({ x: 10, y: 10, width: 0, height: 0 }, viewport, viewport, 0);
    expect(dot?.output).toEqual({ width: 1, height: 1 });
  });
});
