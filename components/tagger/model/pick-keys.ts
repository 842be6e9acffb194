/** What pick mode's keys do. */
export interface PickKeyActions {
  cancel(): void;
  pick(): void;
  step(dir: 1 | -1): void;
}

/**
 * Pick mode's keys, caught on the window before anything else: they work wherever focus is (a
 * keyboard shortcut starts pick mode while the page has it), and the page never sees them.
 * Arrows and Tab move among the page's elements, Enter or Space picks, Esc cancels.
 */
export function createPickKeys(win: Window, act: PickKeyActions) {
  let listener: ((e: KeyboardEvent) => void) | null = null;
  const off = () => {
    if (listener) win.removeEventListener('keydown', listener, true);
    listener = null;
  };
  return {
    on(): void {
      off();
      listener = (e) => {
        const run = {
          Escape: act.cancel,
          Enter: act.pick,
          ' ': act.pick,
          ArrowDown: () => act.step(1),
          ArrowRight: () => act.step(1),
          ArrowUp: () => act.step(-1),
          ArrowLeft: () => act.step(-1),
          Tab: () => act.step(e.shiftKey ? -1 : 1),
        }[e.key];
        if (!run) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        run();
      };
      win.addEventListener('keydown', listener, true);
    },
    off,
  };
}
