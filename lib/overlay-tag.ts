/**
 * The tag of the overlay's shadow host: the one element of Touchpoint's that lives in the page's
 * DOM. The recorder leaves it out of the recording, pick mode out of what can be tagged.
 */
export const OVERLAY_TAG = 'touchpoint-overlay';
