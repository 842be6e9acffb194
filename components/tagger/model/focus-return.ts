import type { RecorderBridge } from '@/components/tagger/bridge';
import { isOurs } from '@/components/tagger/model/pick';

/** Where focus goes back to when the tagging tools close: the control that opened them, or the page. */
export type FocusReturn =
  | { to: 'overlay'; button: 'tag' | 'score' }
  | { to: 'marker'; id: string }
  | { to: 'page'; el: Element };

/**
 * Where focus is now, seen from the page: inside Touchpoint's closed roots only the host shows,
 * so focus there means the overlay's `button` opened the tools (a click or Enter on it).
 */
export function focusNow(doc: Document, button: 'tag' | 'score'): FocusReturn | null {
  const el = doc.activeElement;
  if (!el || el === doc.body) return null;
  return isOurs(el) ? { to: 'overlay', button } : { to: 'page', el };
}

/** Gives focus back; a page element that left the document is skipped. */
export function returnFocus(
  back: FocusReturn | null,
  to: { overlay: RecorderBridge['focusOverlay']; marker: (id: string) => void },
): void {
  if (back?.to === 'overlay') to.overlay(back.button);
  else if (back?.to === 'marker') to.marker(back.id);
  else if (back?.to === 'page' && back.el.isConnected) (back.el as HTMLElement).focus?.({ preventScroll: true });
}
