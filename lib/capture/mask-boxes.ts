// Where a tag's screenshot must be painted over, read in the walk tab just before the capture: every
// kind of typing field, in the page, its same-origin frames and its shadow roots (open and, through
// the browser's content-script door passed in, closed), cross-origin frames whole (nothing inside
// them can be read), blocked elements, and every text under "Mask all page text". The worker paints
// these boxes on the captured pixels (lib/capture/browser-capture.ts). No globals: the window, and
// the way into closed shadow roots, come in as parameters.
import type { AnchorRect } from '@/lib/model/anchor';
import { OVERLAY_TAG } from '@/lib/overlay-tag';
import type { TextPolicy } from '@/lib/record/privacy';

/** More boxes than this (a page of text under "Mask all page text") and the whole picture is covered. */
export const MAX_MASKS = 1000;

/** Inputs that show no typed text: their boxes stay visible. (Hidden ones are never drawn.) */
const UNTYPED_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'image', 'hidden']);
const TEXT_WIDGETS = new Set(['textbox', 'searchbox', 'combobox']);

/**
 * Where people type or choose, and widgets that draw what was typed as text: inputs of every
 * text-like type (an unknown type is a text field to the browser too), textarea, select,
 * contenteditable regions, and textbox, searchbox and combobox widgets.
 */
export function isTypingField(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') return !UNTYPED_INPUTS.has((el.getAttribute('type') ?? '').trim().toLowerCase());
  if (tag === 'textarea' || tag === 'select') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return (el.getAttribute('role') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .some((r) => TEXT_WIDGETS.has(r));
}

const SILENT = new Set(['script', 'style', 'noscript', 'template', 'title', 'head']);
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without the global

export interface MaskOptions {
  policy: TextPolicy;
  /**
   * The shadow root of an element, closed ones included: in a Chrome content script
   * `chrome.dom.openOrClosedShadowRoot`, in Firefox `element.openOrClosedShadowRoot()`. Without
   * it only open roots are entered.
   */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  max?: number;
}

type Box = AnchorRect;

interface Scope {
  /** Where the scope's viewport starts, in the top window's viewport. */
  dx: number;
  dy: number;
  /** What of the scope is visible, in the top window's viewport (a frame's content box). */
  clip: { left: number; top: number; right: number; bottom: number };
}

class TooMany extends Error {}

/** The boxes to paint over, in the top window's viewport pixels (one box for all when too many). */
export function maskBoxes(win: Window, opts: MaskOptions): Box[] {
  const max = opts.max ?? MAX_MASKS;
  const out: Box[] = [];
  const top = { left: 0, top: 0, right: win.innerWidth, bottom: win.innerHeight };

  const push = (r: { left: number; top: number; right: number; bottom: number }, s: Scope): void => {
    const left = Math.max(r.left + s.dx, s.clip.left);
    const topY = Math.max(r.top + s.dy, s.clip.top);
    const right = Math.min(r.right + s.dx, s.clip.right);
    const bottom = Math.min(r.bottom + s.dy, s.clip.bottom);
    if (right <= left || bottom <= topY) return;
    if (out.length >= max) throw new TooMany();
    out.push({ x: left, y: topY, width: right - left, height: bottom - topY });
  };

  const textBoxes = (root: Document | ShadowRoot, s: Scope): void => {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    const range = doc.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!n.nodeValue?.trim() || !parent || SILENT.has(parent.localName)) continue;
      range.selectNodeContents(n);
      push(range.getBoundingClientRect(), s);
    }
  };

  const frameScope = (frame: Element, r: DOMRect, s: Scope): Scope => {
    const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    const dx = s.dx + r.left + frame.clientLeft + (Number.parseFloat(style?.paddingLeft ?? '') || 0);
    const dy = s.dy + r.top + frame.clientTop + (Number.parseFloat(style?.paddingTop ?? '') || 0);
    const clip = {
      left: Math.max(s.clip.left, dx),
      top: Math.max(s.clip.top, dy),
      right: Math.min(s.clip.right, dx + frame.clientWidth),
      bottom: Math.min(s.clip.bottom, dy + frame.clientHeight),
    };
    return { dx, dy, clip };
  };

  const visit = (root: Document | ShadowRoot, s: Scope): void => {
    if (opts.policy.maskAll) textBoxes(root, s);
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === OVERLAY_TAG) continue;
      const blocked = opts.policy.blocked !== null && el.matches(opts.policy.blocked);
      if (blocked || isTypingField(el)) push(el.getBoundingClientRect(), s);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        const r = el.getBoundingClientRect();
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        // A cross-origin frame cannot be read (a payment form, a chat): all of it is covered.
        if (!inner?.documentElement) push(r, s);
        else visit(inner, frameScope(el, r, s));
      }
      const shadow = opts.shadowRootOf?.(el) ?? el.shadowRoot;
      if (shadow) visit(shadow, s);
    }
  };

  try {
    visit(win.document, { dx: 0, dy: 0, clip: top });
  } catch (e) {
    if (!(e instanceof TooMany)) throw e;
    return [{ x: 0, y: 0, width: win.innerWidth, height: win.innerHeight }];
  }
  return out;
}
