// The anchor's constants without zod: the tagging tools (a content script) build and find anchors,
// and zod, which the worker uses to parse them on arrival, is not bundled into content scripts.

/** Bumped when what an anchor records, or how it is read, changes meaning. */
export const ANCHOR_VERSION = 1;

/** Visible text is clipped here: enough to tell elements apart, short enough to store per tag. */
export const ANCHOR_TEXT_MAX = 120;

/** The features that say which element it is; see lib/anchors/score.ts for their weights. */
export const IDENTITY_FEATURES = [
  'name',
  'text',
  'context',
  'testId',
  'id',
  'nameAttr',
  'href',
  'src',
  'type',
  'placeholder',
] as const;
