export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How far to move a box so that it lies inside the viewport. When it cannot fit, its top left
 * corner wins: that is where the overlay's handle is, so it can still be grabbed.
 */
export function shiftIntoView(r: Rect, viewport: { width: number; height: number }): { dx: number; dy: number } {
  const axis = (start: number, end: number, size: number) => {
    if (start < 0 || end - start > size) return -start;
    if (end > size) return size - end;
    return 0;
  };
  return { dx: axis(r.left, r.right, viewport.width), dy: axis(r.top, r.bottom, viewport.height) };
}
