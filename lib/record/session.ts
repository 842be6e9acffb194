import type { record as rrwebRecord } from '@rrweb/record';
import type { ElementTarget, FlushBatch, FlushResult, RecorderContext } from '@/lib/model';
import { actionTarget, describeElement } from '@/lib/record/describe';
import { Flusher, type StopReason } from '@/lib/record/flusher';
import { recordOptions } from '@/lib/record/options';
import { SIGNAL_TAG, signalOfEvent, watchSignals } from '@/lib/record/page-signals';
import { clip, MAX_URL, StepDeriver, SUBMIT_TAG } from '@/lib/record/steps';
import { stripOverlay } from '@/lib/record/strip-overlay';

export interface SessionDeps {
  win: Window;
  ctx: RecorderContext;
  record: typeof rrwebRecord;
  send: (batch: FlushBatch) => Promise<FlushResult>;
  onStop: (reason: StopReason) => void;
  signal: AbortSignal;
  /** Test builds count every event the recorder emits, to compare with what was stored. */
  onEmit?: (recorderId: string, count: number) => void;
}

function validSelectors(doc: Document, selectors: string[]): string[] {
  return selectors.filter((s) => {
    try {
      doc.createDocumentFragment().querySelector(s);
      return true;
    } catch {
      return false; // a bad selector in the audit's settings must not break recording
    }
  });
}

/**
 * Records one page load of one walk tab: rrweb with the walk's privacy options, steps derived as
 * events pass, everything delivered through a Flusher. Torn down by `signal`.
 */
export function startSession(deps: SessionDeps) {
  const { win, ctx, record, signal } = deps;
  const doc = win.document;
  const hidden = new Set<number>();
  const deriver = new StepDeriver();
  const recorderId = crypto.randomUUID();
  const flusher = new Flusher({
    walkId: ctx.walkId,
    recorderId,
    url: () => clip(win.location.href, MAX_URL),
    send: deps.send,
    onStop: (reason) => {
      stopRecording();
      deps.onStop(reason);
    },
  });
  const describeNode = (node: Node | null): ElementTarget | null => {
    const el = actionTarget(node);
    return el ? describeElement(el) : null;
  };
  const options = recordOptions({ ...ctx, blockSelectors: validSelectors(doc, ctx.blockSelectors) });
  // A content script's world has no customElements; rrweb asks it about every element it
  // serialises and throws and catches a TypeError each time (about 60 µs an element, 300 ms on a
  // 5,000-element page). An empty registry answers the same question for nothing.
  const g = globalThis as { customElements?: unknown };
  if (g.customElements == null) {
    Object.defineProperty(g, 'customElements', { value: { get: () => undefined }, configurable: true });
  }
  let stop: (() => void) | undefined;

  function startRecording(): void {
    if (stop) return;
    stop = record({
      ...options,
      emit(event) {
        stripOverlay(event, hidden);
        const step = deriver.next(event, {
          url: win.location.href,
          title: doc.title,
          describe: (id) => describeNode(record.mirror.getNode(id)),
        });
        flusher.push(JSON.stringify(event), step ?? undefined, signalOfEvent(event) ?? undefined);
        deps.onEmit?.(recorderId, flusher.emitted);
      },
    });
  }

  function stopRecording(): void {
    stop?.();
    stop = undefined;
  }

  doc.addEventListener(
    'submit',
    (e) => {
      if (stop) record.addCustomEvent(SUBMIT_TAG, { target: describeNode(e.target as Node) });
    },
    { capture: true, signal },
  );
  // Errors and slow or failed requests go into the recording as custom events (the replay shows
  // them) and reach storage with their event, like steps.
  watchSignals(
    win,
    (s) => {
      if (stop) record.addCustomEvent(SIGNAL_TAG, s);
    },
    signal,
  );
  win.addEventListener('pagehide', () => flusher.flushOnExit(), { signal });
  signal.addEventListener('abort', () => {
    stopRecording();
    flusher.flushOnExit();
  });
  if (!ctx.paused) startRecording();

  return {
    recorderId,
    get recording() {
      return stop !== undefined;
    },
    /** Writes a custom event (a tag) into this page's recording; nothing while paused. */
    addCustomEvent(tag: string, payload: unknown): void {
      if (stop) record.addCustomEvent(tag, payload);
    },
    pause(): void {
      stopRecording();
      flusher.flush();
    },
    resume(): void {
      startRecording(); // a fresh full snapshot: the page may have changed while paused
    },
    /** Delivers everything held; resolves when the worker has acknowledged it all. */
    async drain(): Promise<void> {
      for (let i = 0; i < 100 && !flusher.idle; i++) {
        flusher.flush();
        await new Promise((r) => setTimeout(r, 30));
      }
    },
  };
}

export type Session = ReturnType<typeof startSession>;
