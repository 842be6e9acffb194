import type { EventType as E, IncrementalSource as S, MouseInteractions as M } from '@rrweb/types';

/**
 * The few numbers of rrweb's enums that the recorder compares, typed as the enums' members.
 * Importing the enums themselves from @rrweb/types puts every one of its enum objects into the
 * recorder's content script beside the copy rrweb's own build already carries (0.5 kB gzipped on
 * every page). test/unit/record/rrweb-codes.test.ts checks each against @rrweb/types.
 */
export const EventType = {
  FullSnapshot: 2 as E.FullSnapshot,
  IncrementalSnapshot: 3 as E.IncrementalSnapshot,
  Meta: 4 as E.Meta,
  Custom: 5 as E.Custom,
} as const;

export const IncrementalSource = {
  Mutation: 0 as S.Mutation,
  MouseInteraction: 2 as S.MouseInteraction,
  Scroll: 3 as S.Scroll,
  Input: 5 as S.Input,
} as const;

export const MouseInteractions = {
  Click: 2 as M.Click,
} as const;
