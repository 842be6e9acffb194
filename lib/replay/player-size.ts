/** The smallest frame worth drawing: below this the recorded page is unreadable anyway. */
const MIN_WIDTH = 320;
const MIN_HEIGHT = 200;

/**
 * rrweb-player's frame size for the space available: the full width, and the height the
 * recorded viewport's shape asks for, capped by the space (the player scales the page down to
 * fit, so a tall page never pushes the controls off screen). 16:10 when the viewport is unknown.
 */
export function playerSize(
  available: { width: number; height: number },
  viewport: { width: number; height: number } | null,
): { width: number; height: number } {
  const width = Math.max(MIN_WIDTH, Math.floor(available.width));
  const ratio = viewport ? viewport.height / viewport.width : 10 / 16;
  const height = Math.max(MIN_HEIGHT, Math.floor(Math.min(available.height, width * ratio)));
  return { width, height };
}
