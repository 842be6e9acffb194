import type { RecorderContext } from '@/lib/model';
import { OVERLAY_TAG } from '@/lib/overlay-tag';

/** Stands in for every password: not even its length is kept. */
export const PASSWORD_MASK = '';

function isPassword(el: HTMLElement | null | undefined): boolean {
  return el?.getAttribute?.('type')?.toLowerCase() === 'password';
}

/**
 * rrweb options for a walk, private by default: every input masked (passwords to nothing), the
 * overlay blocked, the audit's extra selectors blocked, and optionally every text node masked.
 */
export function recordOptions(ctx: Pick<RecorderContext, 'maskAllText' | 'blockSelectors'>) {
  return {
    maskAllInputs: true,
    maskInputFn: (text: string, el: HTMLElement | null) => (isPassword(el) ? PASSWORD_MASK : '*'.repeat(text.length)),
    // Text typed into an editable region is input too: masked like a field.
    maskTextSelector: ctx.maskAllText ? '*' : '[contenteditable]:not([contenteditable="false"])',
    blockSelector: [OVERLAY_TAG, ...ctx.blockSelectors].join(','),
    inlineStylesheet: true,
    recordCanvas: false,
    collectFonts: false,
    // Every keystroke is recorded (masked): with input 'last', rrweb waits for `change`, and from
    // a content script it cannot see values that page scripts set.
    sampling: { mousemove: 100, scroll: 150 },
    slimDOMOptions: { script: true, comment: true, headFavicon: true, headMetaVerification: true },
  };
}
