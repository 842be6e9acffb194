import type { Category } from '@/lib/model';
import type { PrivacyOptions } from '@/lib/record/privacy';

/**
 * How the two content scripts of a walk tab meet. The recorder (always injected) owns the
 * overlay and the recording; the tagger (injected on demand: pick mode, forms, markers) is a
 * second script in the same isolated world. The recorder publishes a RecorderBridge on the
 * isolated world's global before asking for the tagger, and the tagger publishes its Tagger.
 * Neither is visible to the page (isolated worlds share no globals with it).
 */
export const BRIDGE_KEY = '__touchpointRecorder';
export const TAGGER_KEY = '__touchpointTagger';

export type TaggerMode = 'idle' | 'picking' | 'tagging' | 'scoring';

export interface RecorderBridge {
  walkId: string;
  /** The page load whose recording receives the tag's custom event. */
  recorderId: string;
  categories: Category[];
  /** The audit's privacy options: tags' anchors, targets, titles and screenshot masks follow them. */
  privacy: PrivacyOptions;
  /**
   * An element's shadow root, closed ones included (only a content script's browser API reaches
   * those): the screenshot masks cover fields inside them too.
   */
  shadowRootOf(el: Element): ShadowRoot | null;
  /**
   * This page's URL as the URL policy stores it (lib/privacy/url-policy.ts): the recorder also
   * redacts what was typed on this page, which only it holds. Tags and scores send this one.
   */
  pageUrl?(): string;
  /** Hides the overlay's controls (a screenshot is about to be taken) or shows them again. */
  hideOverlay(hidden: boolean): void;
  /** Writes an rrweb custom event into this page's recording (a no-op while paused). */
  addCustomEvent(tag: string, payload: unknown): void;
  /** What the tagger is doing, for the overlay's buttons. */
  setMode(mode: TaggerMode): void;
  /** A short message in the overlay (null clears it). */
  notice(text: string | null): void;
  /** Focus goes back to the overlay's button that opened the tools. */
  focusOverlay(button: 'tag' | 'score'): void;
}

export interface Tagger {
  /** Enters pick mode (Tag friction). */
  pick(): void;
  /** Opens the score form for this page's touchpoint. */
  score(): void;
  /** Shows or hides the markers of this page's tags. */
  markers(on: boolean): void;
  /** Leaves any mode (the walk ended or paused). */
  cancel(): void;
}

type Slots = { [BRIDGE_KEY]?: RecorderBridge; [TAGGER_KEY]?: Tagger };

export function publishBridge(bridge: RecorderBridge): void {
  (globalThis as Slots)[BRIDGE_KEY] = bridge;
}

export function readBridge(): RecorderBridge | undefined {
  return (globalThis as Slots)[BRIDGE_KEY];
}

export function publishTagger(tagger: Tagger): void {
  (globalThis as Slots)[TAGGER_KEY] = tagger;
}

export function readTagger(): Tagger | undefined {
  return (globalThis as Slots)[TAGGER_KEY];
}
