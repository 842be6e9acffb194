import type { Anchor, TagFields } from '@/lib/model';

/** An anchor as lib/anchors builds one, for tests that store tags rather than find elements. */
export const SAMPLE_ANCHOR: Anchor = {
  v: 1,
  selector: '#send',
  tag: 'button',
  role: 'button',
  name: 'Send',
  text: { text: 'Send', hash: '0a1b2c3d' },
  context: { text: 'Quote', hash: '0a1b2c3e' },
  attributes: {},
  classes: [],
  ancestors: [],
  siblingIndex: 0,
  shared: {},
  position: null,
};

/** What an auditor fills in the tag form. */
export const SAMPLE_FIELDS: TagFields = {
  categoryId: 'error',
  severity: 3,
  effort: 2,
  emotion: -1,
  momentOfTruth: 'unexpected',
  aspect: 'interaction',
  resolution: { status: 'unresolved', minutes: null },
  note: 'Nothing happens',
};
