import type { record as rrwebRecord } from '@rrweb/record';
import type { ElementTarget, FlushBatch, FlushResult, RecorderContext } from '@/lib/model';
import { actionTarget, describeElement } from '@/lib/record/describe';
import { Flusher, type StopReason } from '@/lib/record/flusher';
import { recordOptions } from '@/lib/record/options';
import { textPolicy, validSelectors } from '@/lib/record/privacy';
import { maskTextAttributes } from '@/lib/record/mask-attributes';
import { SIGNAL_TAG, signalOfEvent, watchSignals } from '@/lib/record/page-signals';
import { clip, MAX_URL, StepDeriver, SUBMIT_TAG } from '@/lib/record/steps';
import { stripOverlay } from '@/lib/record/strip-overlay';
import { TYPED_PARAMS_TAG } from '@/lib/privacy/event-urls';
import { createUrlGuard } from '@/lib/record/url-guard';
import { whenIdle } from '@/lib/record/idle-start';

export interface SessionDeps {
  win: Window;
  ctx: RecorderContext;
  record: typeof rrwebRecord;
  send: (batch: FlushBatch) => Promise<FlushResult>;
  /** `url`: the page's, as the URL policy stores it. */
  onStop: (reason: StopReason, recorderId: string, url: string) => void;
  signal: AbortSignal;
  /** Test builds count every event the recorder emits, to compare with what was stored. */
  onEmit?: (recorderId: string, count: number) => void;
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
    tabId: ctx.tabId,
    url: () => clip(urls.redact(win.location.href), MAX_URL),
    send: deps.send,
    onStop: (reason) => {
      stopRecording();
      deps.onStop(reason, recorderId, clip(urls.redact(win.location.href), MAX_URL));
    },
  });
  // The audit's privacy options reach what the recorder derives, not only rrweb: targets lose their
  // names and steps their page titles where the page's text is hidden (lib/record/privacy.ts).
  const policy = textPolicy(ctx, doc);
  const describeNode = (node: Node | null): ElementTarget | null => {
    const el = actionTarget(node);
    return el ? describeElement(el, policy) : null;
  };
  const describe = (id: number) => describeNode(record.mirror.getNode(id));
  const options = recordOptions({ ...ctx, blockSelectors: validSelectors(doc, ctx.blockSelectors) });
  // A content script's world has no customElements; rrweb asks it about every element it
  // serialises and throws and catches a TypeError each time (about 60 µs an element, 300 ms on a
  // 5,000-element page). An empty registry answers the same question for nothing.
  const g = globalThis as { customElements?: unknown };
  if (g.customElements == null) {
    Object.defineProperty(g, 'customElements', { value: { get: () => undefined }, configurable: true });
  }
  let stop: (() => void) | undefined;
  // Every URL this recorder stores goes through the URL policy here, before it is serialised; the
  // parameter names it learns carry typed text, and are recorded (names only) for the worker.
  const urls = createUrlGuard(doc, ctx, signal, (names) =>
    queueMicrotask(() => {
      if (stop) record.addCustomEvent(TYPED_PARAMS_TAG, { names });
    }),
  );
  const tagOf = (id: number) => (record.mirror.getNode(id) as Element | null)?.tagName?.toLowerCase();

  // Set in capture on the window, before rrweb (on the document) records the same click, and
  // until the page's script returns: the submit a scripted click on a submit button makes comes
  // (trusted, from the browser) while that script still runs.
  let scriptedClick = false;
  win.addEventListener(
    'click',
    (e) => {
      scriptedClick = !e.isTrusted;
      if (scriptedClick) queueMicrotask(() => (scriptedClick = false));
    },
    { capture: true, signal },
  );

  // Signals the page raised while the snapshot waited for idle: written once recording starts.
  const early: unknown[] = [];
  let waiting: { cancel(): void } | null = null;
  const cancelWait = () => {
    waiting?.cancel();
    waiting = null;
  };

  // One context for every event; the title is read only for an event that makes a step.
  const stepContext = { url: '', title: '', redact: urls.redact, describe };
  Object.defineProperty(stepContext, 'title', { get: () => (policy.maskAll ? '' : doc.title) });

  function startRecording(): void {
    cancelWait();
    if (stop || flusher.stopped) return;
    stop = record({
      ...options,
      emit(event) {
        stripOverlay(event, hidden);
        if (policy.maskAll) maskTextAttributes(event);
        stepContext.url = win.location.href;
        const step = deriver.next(event, stepContext);
        if (step?.kind === 'visit') urls.visited(stepContext.url);
        urls.redactEvent(event, tagOf);
        // A click the page's own script made (el.click(), a dispatched event, in a loop) stays in
        // the recording, but is no step of the persona's.
        const mine = step?.kind === 'click' && scriptedClick ? undefined : step;
        flusher.push(JSON.stringify(event), mine ?? undefined, signalOfEvent(event) ?? undefined);
        deps.onEmit?.(recorderId, flusher.emitted);
      },
    });
    // The first snapshot alone can stop the flusher (too large), before `stop` was set.
    if (flusher.stopped) stopRecording();
    for (const s of early.splice(0)) if (stop) record.addCustomEvent(SIGNAL_TAG, s);
  }

  function stopRecording(): void {
    cancelWait();
    stop?.();
    stop = undefined;
  }

  doc.addEventListener(
    'submit',
    (e) => {
      // A submit the page dispatched itself, or made by clicking in script, is no step of the persona's.
      if (stop && e.isTrusted && !scriptedClick) {
        record.addCustomEvent(SUBMIT_TAG, { target: describeNode(e.target as Node) });
      }
      if (e.isTrusted) urls.submitted(e.target, (e as SubmitEvent).submitter ?? null);
    },
    { capture: true, signal },
  );
  // Errors and slow or failed requests go into the recording as custom events (the replay shows
  // them) and reach storage with their event, like steps.
  watchSignals(
    win,
    (s) => {
      if (stop) record.addCustomEvent(SIGNAL_TAG, urls.signal(s));
      else if (waiting) early.push(urls.signal(s));
    },
    signal,
  );
  // Only the browser's own pagehide: a page dispatching its own would make the recorder resend.
  // A page left before it was ever idle is still a visit: its snapshot is taken on the way out.
  win.addEventListener(
    'pagehide',
    (e) => {
      if (!e.isTrusted) return;
      if (waiting) startRecording();
      flusher.flushOnExit();
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    stopRecording();
    flusher.flushOnExit();
  });
  // The first snapshot waits for the page to be idle, or for the persona (lib/record/idle-start.ts).
  if (!ctx.paused) waiting = whenIdle(win, signal, startRecording);

  return {
    recorderId,
    get recording() {
      return stop !== undefined;
    },
    /** The page's URL as the URL policy stores it, typed values of this page redacted. */
    pageUrl(): string {
      return urls.redact(win.location.href);
    },
    /** Writes a custom event (a tag) into this page's recording; nothing while paused. */
    addCustomEvent(tag: string, payload: unknown): void {
      if (waiting) startRecording();
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
      if (waiting) startRecording();
      for (let i = 0; i < 100 && !flusher.idle; i++) {
        flusher.flush();
        await new Promise((r) => setTimeout(r, 30));
      }
    },
  };
}

export type Session = ReturnType<typeof startSession>;
