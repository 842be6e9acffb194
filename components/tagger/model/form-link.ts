import { batch, effect } from '@preact/signals';
import type { Category } from '@/lib/model';
import type { FromFrame, ModelValue, ToFrame } from '@/components/tagger/frame/messages';
import { FORM_PAGE, PALETTE } from '@/components/tagger/frame/page';
import { draftOf, scoreDraftOf, type TaggerModel } from '@/components/tagger/model/tagger-model';

/** What the frame's buttons ask the tagger to do. */
export interface FrameActions {
  saveTag(): Promise<boolean>;
  deleteTag(): Promise<boolean>;
  saveScore(): Promise<boolean>;
  close(): void;
}

/** The model's signals the frame mirrors. */
const SYNCED = ['view', 'editing', 'errors', 'scoreErrors', 'scoreDraft', 'touchpointName', 'busy', 'problem'] as const;

export interface FormLink {
  /** The frame's address: the extension page with a fresh nonce in its fragment. */
  readonly src: string;
  /**
   * The frame loaded. The first load gets the port, sent to the extension's origin only; a later
   * load means the page navigated our frame (it can reach it through `window.frames`): refused,
   * and the caller replaces the frame.
   */
  loaded(frame: HTMLIFrameElement): boolean;
  /** Asks the frame to focus its form's first field. */
  focus(): void;
  close(): void;
}

const sameKeys = (value: unknown, shape: object): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(shape).every((k) => typeof (value as Record<string, unknown>)[k] === 'string');

/**
 * The content script's end of the form frame. Typing happens in the frame, an extension page the
 * walked site cannot observe; this end keeps the tagger's model (the frame mirrors its signals)
 * and turns the frame's buttons into the tagger's actions. The port is the only way in: it is
 * handed to the frame together with the nonce the frame's own URL carries, which the page cannot
 * read (a cross-origin frame in a closed shadow root). Drafts the frame sends are not sent back,
 * so a keystroke is never overwritten by its own echo.
 */
export function linkFormFrame(opts: {
  model: TaggerModel;
  actions: FrameActions;
  categories: readonly Category[];
  /** The palette as computed where the frame is shown, so it looks like the overlay. */
  style: () => CSSStyleDeclaration;
  getURL: (path: '/tag-form.html') => string;
  /** The origin the frame's document has (the port is sent there, and nowhere else). */
  originOf: (src: string) => string;
  onHeight: (height: number) => void;
}): FormLink {
  const { model, actions } = opts;
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const page = opts.getURL(FORM_PAGE);
  const channel = new MessageChannel();
  const port = channel.port1;
  const stops: (() => void)[] = [];
  let loads = 0;
  let fromFrame = false;
  const post = (m: ToFrame) => port.postMessage(m);
  const applyFromFrame = (run: () => void) => {
    fromFrame = true;
    try {
      batch(run);
    } finally {
      fromFrame = false;
    }
  };

  function receive(m: FromFrame): void {
    const view = model.view.peek();
    if (m.type === 'tag-draft') {
      const editing = model.editing.peek();
      if (!editing || view !== 'tag' || !sameKeys(m.draft, draftOf([]))) return;
      applyFromFrame(() => {
        model.editing.value = { ...editing, draft: { ...editing.draft, ...m.draft } };
        model.errors.value = {};
      });
    } else if (m.type === 'score-draft') {
      if (view !== 'score' || !sameKeys(m.draft, scoreDraftOf())) return;
      applyFromFrame(() => {
        model.scoreDraft.value = { ...m.draft };
        model.scoreErrors.value = {};
      });
    } else if (m.type === 'save') {
      if (view === 'tag') void actions.saveTag();
      else if (view === 'score') void actions.saveScore();
    } else if (m.type === 'delete' && view === 'tag') void actions.deleteTag();
    else if (m.type === 'cancel') actions.close();
    else if (m.type === 'size' && typeof m.height === 'number' && Number.isFinite(m.height)) {
      opts.onHeight(Math.min(Math.max(Math.ceil(m.height), 0), 4000));
    }
  }
  port.onmessage = (e: MessageEvent) => {
    if (typeof e.data === 'object' && e.data !== null) receive(e.data as FromFrame);
  };

  return {
    src: `${page}#${nonce}`,
    loaded(frame) {
      loads += 1;
      if (loads > 1 || !frame.contentWindow) return false;
      frame.contentWindow.postMessage({ touchpointForm: nonce }, opts.originOf(page), [channel.port2]);
      const style = opts.style();
      const palette = Object.fromEntries(PALETTE.map((p) => [p, style.getPropertyValue(p).trim()])) as Record<
        (typeof PALETTE)[number],
        string
      >;
      post({ type: 'init', categories: [...opts.categories], palette });
      for (const key of SYNCED) {
        stops.push(
          effect(() => {
            const value = model[key].value;
            if (!fromFrame) post({ type: 'set', set: { key, value } as ModelValue });
          }),
        );
      }
      return true;
    },
    focus: () => post({ type: 'focus' }),
    close() {
      for (const stop of stops) stop();
      port.close();
    },
  };
}
