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

/** Passwords to nothing, every other field to as many asterisks as it has characters. */
const maskInput = (text: string, el: HTMLElement | null) => (isPassword(el) ? PASSWORD_MASK : '*'.repeat(text.length));

/**
 * The privacy every recording of a walk has, and nothing else: every input masked (passwords to
 * nothing), the overlay blocked, the audit's extra selectors blocked, and optionally every text
 * node masked. With rrweb's defaults for the rest, it is also what the bench compares Touchpoint
 * with (rrweb as a site would run it, with the masking an audit needs).
 */
export function privacyOptions(ctx: Pick<RecorderContext, 'maskAllText' | 'blockSelectors'>) {
  return {
    // Not `maskAllInputs: true`, which would replace this list with one that leaves hidden inputs out.
    maskAllInputs: false,
    maskInputOptions: MASKED_INPUTS,
    maskInputFn: maskInput,
    // Text typed into an editable region is input too, and so is the text a textbox, searchbox or
    // combobox widget draws (a custom field shows what was typed as text): masked like a field.
    maskTextSelector: ctx.maskAllText ? '*' : TYPED_TEXT,
    blockSelector: [OVERLAY_TAG, ...ctx.blockSelectors].join(','),
  };
}

/** rrweb's defaults plus the walk's privacy: the bench's baseline and the e2e replay test's reference. */
export const siteOptions = privacyOptions;

/**
 * rrweb's mouse interactions an auditor replays: the click (a step), double and right clicks, focus
 * and blur (the replay focuses what the persona focused: focus styles, menus that open on focus).
 * Not the press and release around every click, which replay only as a cursor move to where the
 * click lands anyway (with pointer events, rrweb hears touches through these two, and the tap's
 * click still records where it landed).
 */
const MOUSE_INTERACTIONS = { MouseDown: false, MouseUp: false };

/**
 * rrweb options for a walk: the walk's privacy, and the audit profile (issue 15): what an auditor
 * replays is kept, what none looks at is not. Each choice was measured on the bench's pages with
 * bench/record-options.ts; the replay is checked against rrweb at its defaults by
 * test/e2e/replay-profile.spec.ts.
 */
export function recordOptions(ctx: Pick<RecorderContext, 'maskAllText' | 'blockSelectors'>) {
  return {
    ...privacyOptions(ctx),
    // The page's styles are its visual state: the replay (offline, sandboxed) has no other copy.
    inlineStylesheet: true,
    // Neither images as data (`inlineImages`), nor canvas frames, nor fonts: costly, and the replay
    // shows the page's layout and text, which is what an audit reads.
    inlineImages: false,
    recordCanvas: false,
    collectFonts: false,
    sampling: {
      // Every keystroke is recorded (masked): with input 'last', rrweb waits for `change`, and from
      // a content script it cannot see values that page scripts set.
      // The pointer's path, 10 positions a second (hover menus open in the replay), delivered once a
      // second rather than twice: the same positions, half the events.
      mousemove: 100,
      mousemoveCallback: 1000,
      mouseInteraction: MOUSE_INTERACTIONS,
      // Scroll positions 3 times a second: the replay scrolls smoothly between them, and rrweb
      // always records where a scroll ends. Scroll steps fold a gesture into one step anyway.
      scroll: 300,
    },
    // No periodic full snapshot (`checkoutEveryNms`/`Nth`): each page load is replayed from its
    // own snapshot, and a checkout would serialise the whole page again.
    // The favicon is kept (`headFavicon: false`): it is a brand fact read from the recording
    // (lib/consistency/extractors/favicon.ts), and a frame never fetches a favicon in the replay.
    // Social and description metas are kept too (consistency reads og:site_name and the like).
    slimDOMOptions: { script: true, comment: true, headFavicon: false, headMetaVerification: true },
  };
}
