import { EventType, IncrementalSource, MouseInteractions } from '@/lib/record/rrweb-codes';
import type { ElementTarget, PageStep, Target } from '@/lib/model';

export type DerivedStep = Omit<PageStep, 'seq'>;

export const MAX_URL = 4096;
export const MAX_TITLE = 500;

export function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** The custom rrweb event the recorder adds when a form is submitted (rrweb has none). */
export const SUBMIT_TAG = 'touchpoint:submit';

export interface StepContext {
  url: string;
  title: string;
  /** Describes the node rrweb calls `id`, or null when it is gone. */
  describe: (id: number) => ElementTarget | null;
  /**
   * The URL as it may be stored (lib/privacy/url-policy.ts). Visits are told apart on the URL
   * itself: two searches are two visits even when both are stored as `?q=*`.
   */
  redact?: (url: string) => string;
}

/** The form a submit event names: structured since targets are, a sentence in older recordings. */
function submitTarget(v: unknown): Target {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'kind' in v && 'name' in v) return v as ElementTarget;
  return null;
}

interface LooseEvent {
  type: number;
  timestamp: number;
  data?: unknown;
}

/**
 * Turns rrweb events into the persona's steps. Stateful to fold runs (keystrokes into one field
 * make one input step, a scroll gesture one scroll step) and to see visits: the first page view,
 * and client-side route changes (the URL changes under a running recorder), but not the fresh
 * full snapshot rrweb takes after a pause.
 */
export class StepDeriver {
  private lastKind: string | null = null;
  private lastInputId: number | null = null;
  private visitedUrl: string | null = null;

  next(e: LooseEvent, ctx: StepContext): DerivedStep | null {
    const step = this.derive(e, ctx);
    if (step) this.lastKind = step.kind;
    return step;
  }

  private derive(e: LooseEvent, ctx: StepContext): DerivedStep | null {
    // Steps are bounded (lib/model/walk.ts): a page with a huge title must not make a batch invalid.
    const redact = ctx.redact ?? ((u: string) => u);
    // Built only for an event that makes a step: most events (mutations, moves) make none.
    const base = () => ({ at: e.timestamp, url: clip(redact(ctx.url), MAX_URL), title: clip(ctx.title, MAX_TITLE) });
    const data = (e.data ?? {}) as Record<string, unknown>;
    const url = e.type === EventType.Meta && typeof data.href === 'string' ? data.href : ctx.url;
    if ((e.type === EventType.Meta || this.visitedUrl !== null) && url !== this.visitedUrl) {
      this.visitedUrl = url;
      this.lastInputId = null;
      return { ...base(), kind: 'visit', url: clip(redact(url), MAX_URL), target: null };
    }
    if (e.type === EventType.Custom && data.tag === SUBMIT_TAG) {
      this.lastInputId = null;
      const payload = (data.payload ?? {}) as Record<string, unknown>;
      return { ...base(), kind: 'submit', target: submitTarget(payload.target) };
    }
    if (e.type !== EventType.IncrementalSnapshot) return null;
    const id = typeof data.id === 'number' ? data.id : -1;
    switch (data.source) {
      case IncrementalSource.MouseInteraction:
        if (data.type !== MouseInteractions.Click) return null;
        this.lastInputId = null;
        return { ...base(), kind: 'click', target: ctx.describe(id) };
      case IncrementalSource.Input:
        if (id === this.lastInputId && this.lastKind === 'input') return null;
        this.lastInputId = id;
        return { ...base(), kind: 'input', target: ctx.describe(id) };
      case IncrementalSource.Scroll:
        if (this.lastKind === 'scroll') return null;
        return { ...base(), kind: 'scroll', target: null };
      default:
        return null;
    }
  }
}
