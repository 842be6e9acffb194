import { MAX_SIDE, masksInOutput, planCrop } from '@/lib/capture/crop';

const viewport = { width: 1000, height: 800 };

describe('planCrop', () => {
  it('keeps the element and its surroundings, at device pixel ratio 1', () => {
    const plan = planCrop({ x: 400, y: 300, width: 100, height: 40 }, viewport, viewport, 50);
    expect(plan).toEqual({
      source: { x: 350, y: 250, width: 200, height: 140 },
      output: { width: 200, height: 140 },
      focus: { x: 50, y: 50, width: 100, height: 40 },
      scale: { x: 1, y: 1 },
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

describe('masksInOutput', () => {
  it('maps viewport boxes into the stored image, rounded outwards, dropping what the crop left out', () => {
    // Device pixel ratio 2: the capture is twice the viewport; the crop starts at (700, 500).
    const image = { width: 2000, height: 1600 };
    const plan = planCrop({ x: 400, y: 300, width: 100, height: 40 }, viewport, image, 50);
    if (!plan) throw new Error('no plan');
    const masks = masksInOutput(plan, [
      { x: 360.3, y: 260.6, width: 20, height: 10 }, // inside the crop
      { x: 300, y: 200, width: 400, height: 400 }, // larger than the crop: clipped to it
      { x: 0, y: 0, width: 100, height: 100 }, // outside: dropped
    ]);
    expect(masks).toEqual([
      { x: 20, y: 21, width: 41, height: 21 },
      { x: 0, y: 0, width: 400, height: 280 },
    ]);
  });

  it('follows the scaling down of a large crop', () => {
    const image = { width: 4000, height: 3200 };
    const plan = planCrop({ x: 0, y: 0, width: 1000, height: 800 }, viewport, image, 0);
    if (!plan) throw new Error('no plan');
    expect(plan.output.width).toBe(MAX_SIDE);
    expect(masksInOutput(plan, [{ x: 500, y: 400, width: 100, height: 50 }])).toEqual([
      { x: 800, y: 640, width: 160, height: 80 },
    ]);
  });
});

describe('planCrop with the page’s pixel ratio', () => {
  it('takes an emulated viewport larger than the window as its top-left part, unscaled', () => {
    // The page says 1280 × 860 at ratio 1; the window the capture shows is 894 × 600.
    const shown = { width: 1280, height: 860 };
    const image = { width: 894, height: 600 };
    const plan = planCrop({ x: 24, y: 90, width: 300, height: 24 }, shown, image, 50, MAX_SIDE, 1);
    expect(plan?.scale).toEqual({ x: 1, y: 1 });
    expect(plan?.focus).toEqual({ x: 24, y: 50, width: 300, height: 24 });
    expect(plan && masksInOutput(plan, [{ x: 24, y: 90, width: 300, height: 24 }])).toEqual([
      { x: 24, y: 50, width: 300, height: 24 },
    ]);
    // Without the ratio the picture would be taken as the whole viewport squeezed: the box lands elsewhere.
    expect(planCrop({ x: 24, y: 90, width: 300, height: 24 }, shown, image, 50)?.focus.y).not.toBe(50);
  });

  it('is the same as the size ratio on a real window', () => {
    const image = { width: 2000, height: 1600 };
    const rect = { x: 400, y: 300, width: 100, height: 40 };
    expect(planCrop(rect, viewport, image, 50, MAX_SIDE, 2)).toEqual(planCrop(rect, viewport, image, 50));
  });
});
