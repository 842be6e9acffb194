/**
 * The comparison computed away from the side panel's main thread (issue 15: a panel that stays
 * flat). `compare` goes over every page of the audit, and the Consistency view asked for it again
 * on every page the facts runner read: tens of milliseconds per page on a 300-page walk, growing
 * with the walk. The panel sends a dedicated worker only what changed since its last request
 * (`createCompareSender`: the pages' order by id, the page records new or changed, the ids gone);
 * the worker keeps its copy of the pages and compares (`createCompareReceiver`). What crosses is a
 * page's facts once, not the audit's on every page. Pure: the transport is the caller's.
 */
import { type CompareInput, compare } from '@/lib/consistency/compare';
import type { Comparison } from '@/lib/consistency/divergence';
import type { PageFacts } from '@/lib/model/fact';

/** One request: the change to the worker's copy of the pages, and the small inputs whole. */
export interface CompareDelta {
  seq: number;
  /** Every page's id, in the order `compare` is given them. */
  order: string[];
  put: PageFacts[];
  drop: string[];
  offsite: CompareInput['offsite'];
  touchpoints: CompareInput['touchpoints'];
  country: string;
}

export interface CompareAnswer {
  seq: number;
  comparison: Comparison;
}

/** The panel's side: remembers what the worker holds, and says what changed since. */
export function createCompareSender() {
  let held = new Map<string, PageFacts>();
  let seq = 0;
  return {
    delta(input: Omit<CompareInput, 'readers'>): CompareDelta {
      const next = new Map<string, PageFacts>();
      const put: PageFacts[] = [];
      for (const p of input.pages) {
        next.set(p.id, p);
        // Records are replaced, never changed in place: the same object is the same page.
        if (held.get(p.id) !== p) put.push(p);
      }
      const drop = [...held.keys()].filter((id) => !next.has(id));
      held = next;
      return {
        seq: ++seq,
        order: input.pages.map((p) => p.id),
        put,
        drop,
        offsite: input.offsite,
        touchpoints: input.touchpoints,
        country: input.country,
      };
    },
    /** The worker was lost: the next delta sends every page again. */
    reset(): void {
      held = new Map();
    },
  };
}

/** The worker's side: its copy of the pages, brought current by each delta. */
export function createCompareReceiver(run: typeof compare = compare) {
  const pages = new Map<string, PageFacts>();
  return {
    apply(delta: CompareDelta): void {
      for (const id of delta.drop) pages.delete(id);
      for (const p of delta.put) pages.set(p.id, p);
    },
    compare(delta: CompareDelta): Comparison {
      return run({
        pages: delta.order.flatMap((id) => {
          const p = pages.get(id);
          return p ? [p] : [];
        }),
        offsite: delta.offsite,
        touchpoints: delta.touchpoints,
        country: delta.country,
      });
    },
  };
}
