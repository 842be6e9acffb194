/**
 * Events stopped at the edge of Touchpoint's shadow roots: the page never sees the auditor's
 * clicks and keys on the overlay or the tagging tools (a page's "click outside closes the menu"
 * must not react to them, and the picking click must never reach the page).
 */
export const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'input',
  'change',
];
