/**
 * Esc cancels the form, wherever focus is in its frame: on the key's release, so that the whole
 * press stays in the frame (the frame goes when the form closes). An Esc that closed a select's
 * list never reached the document, so its release does nothing.
 */
export function cancelOnEscape(win: Window, cancel: () => void): void {
  let pressed = false;
  win.addEventListener('keydown', (e) => {
    pressed = e.key === 'Escape' && !e.defaultPrevented;
    if (pressed) e.preventDefault();
  });
  win.addEventListener('keyup', (e) => {
    if (e.key !== 'Escape' || !pressed) return;
    pressed = false;
    cancel();
  });
}
