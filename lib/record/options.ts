import type { RecorderContext } from '@/lib/model';
import { OVERLAY_TAG } from '@/lib/overlay-tag';

/** Stands in for every password: not even its length is kept. */
export const PASSWORD_MASK = '';

/**
 * A password now or earlier: a show-password toggle turns the field into a text field, which rrweb
 * marks `data-rr-is-password` when it sees the type change; a field the browser fills with a
 * password says so in `autocomplete`.
 */
function isPassword(el: HTMLElement | null | undefined): boolean {
  if (!el?.getAttribute) return false;
  return (
    el.getAttribute('type')?.toLowerCase() === 'password' ||
    el.hasAttribute('data-rr-is-password') ||
    /password/i.test(el.getAttribute('autocomplete') ?? '')
  );
}

/**
 * rrweb's `maskAllInputs` list plus `hidden`: a hidden input's value (a token, an id the page keeps)
 * is kept whole by `maskAllInputs`. Every key is a field type or a tag rrweb looks up.
 */
const MASKED_INPUTS = Object.fromEntries(
  [
    'color',
    'date',
    'datetime-local',
    'email',
    'month',
    'number',
    'range',
    'search',
    'tel',
    'text',
    'time',
    'url',
    'week',
    'textarea',
    'select',
    'password',
    'hidden',
  ].map((k) => [k, true]),
);

const TYPED_TEXT = [
  '[contenteditable]:not([contenteditable="false"])',
  '[role~="textbox"]',
  '[role~="searchbox"]',
  '[role~="combobox"]',
].join(',');

/**
 * rrweb options for a walk, private by default: every input masked (passwords to nothing), the
 * overlay blocked, the audit's extra selectors blocked, and optionally every text node masked.
 */
export function recordOptions(ctx: Pick<RecorderContext, 'maskAllText' | 'blockSelectors'>) {
  return {
    // Not `maskAllInputs: true`, which would replace this list with one that leaves hidden inputs out.
    maskAllInputs: false,
    maskInputOptions: MASKED_INPUTS,
    maskInputFn: (text: string, el: HTMLElement | null) => (isPassword(el) ? PASSWORD_MASK : '*'.repeat(text.length)),
    // Text typed into an editable region is input too, and so is the text a textbox, searchbox or
    // combobox widget draws (a custom field shows what was typed as text): masked like a field.
    maskTextSelector: ctx.maskAllText ? '*' : TYPED_TEXT,
    blockSelector: [OVERLAY_TAG, ...ctx.blockSelectors].join(','),
    inlineStylesheet: true,
    recordCanvas: false,
    collectFonts: false,
    // Every keystroke is recorded (masked): with input 'last', rrweb waits for `change`, and from
    // a content script it cannot see values that page scripts set.
    sampling: { mousemove: 100, scroll: 150 },
    // The favicon is kept (`headFavicon: false`): it is a brand fact read from the recording
    // (lib/consistency/extractors/favicon.ts), and a frame never fetches a favicon in the replay.
    slimDOMOptions: { script: true, comment: true, headFavicon: false, headMetaVerification: true },
  };
}
