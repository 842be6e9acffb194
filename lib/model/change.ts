import { z } from 'zod';
import { Audit, Persona } from '@/lib/model/audit';
import { Id } from '@/lib/model/common';
import { Decision, PageFacts } from '@/lib/model/fact';
import { OffsiteEvent } from '@/lib/model/offsite';
import { PageSignal } from '@/lib/model/page-signal';
import { Score } from '@/lib/model/score';
import { Tag } from '@/lib/model/tag';
import { Touchpoint } from '@/lib/model/touchpoint';
import { Step, Walk } from '@/lib/model/walk';

/**
 * What the worker changed in IndexedDB, as the worker tells every open view after the commit.
 * A `put` carries the record as stored, so a view applies it without reading the database again;
 * binary data (recorded chunks, screenshots) is named by id only and read when shown.
 */
const put = <N extends string, T extends z.ZodType>(store: N, value: T) =>
  z.object({ store: z.literal(store), op: z.literal('put'), value });
const del = <N extends string>(store: N, id: z.ZodString = Id) =>
  z.object({ store: z.literal(store), op: z.literal('delete'), id });

export const Change = z.discriminatedUnion('store', [
  z.discriminatedUnion('op', [put('audits', Audit), del('audits')]),
  z.discriminatedUnion('op', [put('personas', Persona), del('personas')]),
  z.discriminatedUnion('op', [put('walks', Walk), del('walks')]),
  z.discriminatedUnion('op', [put('touchpoints', Touchpoint), del('touchpoints')]),
  z.discriminatedUnion('op', [put('tags', Tag), del('tags')]),
  z.discriminatedUnion('op', [put('scores', Score), del('scores')]),
  z.discriminatedUnion('op', [put('offsite', OffsiteEvent), del('offsite')]),
  // Keyed by page load (`walk:recorder`) and by divergence (`audit:key`), not by a random id.
  z.discriminatedUnion('op', [put('facts', PageFacts), del('facts', PageFacts.shape.id)]),
  z.discriminatedUnion('op', [put('decisions', Decision), del('decisions', Decision.shape.id)]),
  put('signals', PageSignal),
  put('steps', Step),
  /** New recorded events of a walk (a flush): the replay of that walk reads them when shown. */
  z.object({ store: z.literal('chunks'), op: z.literal('put'), walkId: Id, ids: z.array(Id).max(10_000) }),
]);
export type Change = z.infer<typeof Change>;

/** One notification: the changes of one command or one flush, all in one audit, in commit order. */
export const DataChanged = z.object({
  auditId: Id,
  changes: z.array(Change).max(20_000),
});
export type DataChanged = z.infer<typeof DataChanged>;
