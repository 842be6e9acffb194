/**
 * The form frame's address and look, shared by both ends without zod (the content script imports
 * this, not messages.ts, so its bundle stays free of the schemas).
 */

/** The frame's page; the content script adds `#<nonce>` and hands the port over only with it. */
export const FORM_PAGE = '/tag-form.html';

/** The palette's custom properties (components/overlay/host/host.css), as computed in the walk tab. */
export const PALETTE = [
  '--tp-bg',
  '--tp-fg',
  '--tp-muted',
  '--tp-surface',
  '--tp-border',
  '--tp-accent',
  '--tp-accent-fg',
  '--tp-focus',
  '--tp-strong',
  '--tp-strong-fg',
  '--tp-alert-bg',
  '--tp-alert-fg',
  '--tp-shadow',
] as const;
