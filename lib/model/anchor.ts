import { z } from 'zod';
// Its z.config (jitless, for MV3's CSP) must run before any schema here is used on its own.
import '@/lib/model/common';

import { ANCHOR_TEXT_MAX, ANCHOR_VERSION, IDENTITY_FEATURES } from '@/lib/model/anchor-constants';

export { ANCHOR_TEXT_MAX, ANCHOR_VERSION, IDENTITY_FEATURES };

/** A box in CSS pixels, relative to the document (a viewport rect plus the scroll offset). */
export const AnchorRect = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
});
export type AnchorRect = z.infer<typeof AnchorRect>;

export const AnchorSize = z.object({
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
});
export type AnchorSize = z.infer<typeof AnchorSize>;

/**
 * Normalised visible text, clipped, with a hash of the unclipped text: equal hashes mean the whole
 * text is unchanged, the clipped text lets a changed one be compared.
 */
export const TextFingerprint = z.object({
  text: z.string().max(ANCHOR_TEXT_MAX),
  hash: z
    .string()
    .length(8)
    .regex(/^[0-9a-f]{8}$/),
});
export type TextFingerprint = z.infer<typeof TextFingerprint>;

/** One ancestor: its tag and the parts of its id and classes that survive a rebuild of the site. */
export const AnchorAncestor = z.object({
  tag: z.string().min(1).max(60),
  id: z.string().max(200).nullable(),
  classes: z.array(z.string().max(80)).max(8),
});
export type AnchorAncestor = z.infer<typeof AnchorAncestor>;

/** Authored attributes only: never `value`, never a query string (it can carry session tokens). */
export const AnchorAttributes = z.object({
  /** Only an id that does not look generated (`:r1:`, `ember123`, long hex are left out). */
  id: z.string().max(200).optional(),
  /** data-testid, data-test, data-test-id, data-qa or data-cy, whichever the element has. */
  testId: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
  type: z.string().max(40).optional(),
  /** Scheme, host and path of an href, without query or fragment. */
  href: z.string().max(300).optional(),
  src: z.string().max(300).optional(),
  placeholder: z.string().max(200).optional(),
});
export type AnchorAttributes = z.infer<typeof AnchorAttributes>;

/** The features that say which element it is; see lib/anchors/score.ts for their weights. */
export const IdentityFeature = z.enum(IDENTITY_FEATURES);
export type IdentityFeature = z.infer<typeof IdentityFeature>;

/**
 * What Touchpoint stores to find an element again after a reload or a small change of the page.
 * Built by lib/anchors/build-anchor.ts, resolved by lib/anchors/find-anchor.ts. Holds nothing a
 * person typed: no input value, no text of a contenteditable region.
 */
export const Anchor = z.object({
  v: z.literal(ANCHOR_VERSION),
  /** Unique within the root when built; tried first, but only trusted if the element agrees. */
  selector: z.string().min(1).max(2000),
  tag: z.string().min(1).max(60),
  /** Explicit or implicit ARIA role; null for elements without one (div, span). */
  role: z.string().max(40).nullable(),
  /** Accessible name, normalised and clipped. */
  name: z.string().max(ANCHOR_TEXT_MAX),
  text: TextFingerprint,
  /**
   * The text around the element: its nearest ancestor's with any, the element's own left out (a
   * card's title and price around its "View deal" button). Tells repeated widgets apart.
   */
  context: TextFingerprint,
  attributes: AnchorAttributes,
  /** Class names with build hashes cut off (`Button_primary__x7f3a` → `Button_primary`). */
  classes: z.array(z.string().max(80)).max(8),
  /** Nearest first, html and body left out. */
  ancestors: z.array(AnchorAncestor).max(5),
  /** Index among the parent's children of the same tag (nth-of-type − 1). */
  siblingIndex: z.number().int().nonnegative(),
  /**
   * How many look-alikes on the page, itself included, shared each identity feature when the
   * anchor was built (2 or more; others left out). The header's "Help" link shares its name and
   * href with the footer's: only its context tells them apart, and a later find still knows that
   * when the header's link is gone and the footer's is the only "Help" left.
   */
  shared: z.partialRecord(IdentityFeature, z.number().int().min(2)),
  position: z
    .object({
      rect: AnchorRect,
      viewport: AnchorSize,
    })
    .nullable(),
});
export type Anchor = z.infer<typeof Anchor>;
