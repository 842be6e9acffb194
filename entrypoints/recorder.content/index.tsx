import { record } from '@rrweb/record';
import { t } from '@/lib/i18n';
import { STOP_KIND } from '@/lib/present/labels';
import { send } from '@/lib/messaging/client';
import { registerHandlers } from '@/lib/messaging/register';
import { fromWorkerOnly } from '@/lib/messaging/sender';
import { startSession } from '@/lib/record/session';
import { createOverlayPort, publishOverlayPort } from '@/components/overlay/port';
import { publishBridge, readTagger, type Tagger } from '@/components/tagger/bridge';
import { takeRecorderContext } from '@/lib/walk/recorder-context';

type ClosedRootDoor = { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null };

/**
 * Any shadow root of `el`, closed ones too, through the door only content scripts have: Chrome's
 * `chrome.dom.openOrClosedShadowRoot`, Firefox's `element.openOrClosedShadowRoot()`.
 */
function shadowRootOf(el: Element): ShadowRoot | null {
  const chromeDom = (globalThis as { chrome?: { dom?: ClosedRootDoor } }).chrome?.dom;
  try {
    if (chromeDom?.openOrClosedShadowRoot) return chromeDom.openOrClosedShadowRoot(el as HTMLElement) ?? null;
    const own = (el as { openOrClosedShadowRoot?: () => ShadowRoot | null }).openOrClosedShadowRoot;
    return own ? (own.call(el) ?? null) : el.shadowRoot;
  } catch {
    return el.shadowRoot; // not an element that can host a root (an SVG element)
  }
}

export default defineContentScript({
  // Injected by the background into the walk's tabs only; never declared for any site.
  registration: 'runtime',
  // WXT's "script started" note to the page's window (its message listeners would run for it on
  // every page): nothing of ours listens to it; a newer instance is still told through the DOM.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The background injects once per document (lib/walk/browser-env.ts claims it first): a second
    // instance would stop this one, as WXT stops older instances of a content script.
    const win = window;
    if (!/^https?:$/.test(win.location.protocol)) return;

    // Left by the worker as it injected this script (lib/walk/browser-env.ts).
    const walk = takeRecorderContext(globalThis);
    if (!walk || ctx.isInvalid) return;

    // The overlay's state; its UI loads next (entrypoints/overlay.content), not on the page start's path.
    const overlay = createOverlayPort(
      {
        personaName: walk.personaName,
        startedAt: walk.startedAt,
        status: walk.paused ? 'paused' : 'recording',
        notice: null,
        noticeKind: 'info',
        mode: 'idle',
        showTags: walk.showTags,
        hidden: false,
        removed: false,
      },
      {
        pause: (paused) => void send('walk/pause', { walkId: walk.walkId, paused }),
        end: () => void send('walk/end', { walkId: walk.walkId }),
        tag: () => tag(),
        score: () => score(),
        showTags: (on) => {
          overlay.set({ showTags: on });
          void send('overlay/show-tags', { on }).catch(() => undefined);
          // Loading the tools shows the markers (see withTagger); once loaded, they are told.
          if (tagger !== null) withTagger((x) => x.markers(on));
          else if (on) withTagger(() => undefined);
        },
      },
      ctx.signal,
    );
    const session = startSession({
      win,
      ctx: walk,
      record,
      send: (batch) => send('recorder/flush', batch),
      signal: ctx.signal,
      onStop: (reason, recorderId, url) => {
        overlay.set({ status: 'stopped' });
        if (reason === 'storage-full') overlay.say(t('noticeStorageFull'), 'alert');
        else if (reason === 'walk-ended' || reason === 'not-a-walk-tab') overlay.say(t('noticeWalkEnded'));
        else {
          // One of the recorder's own bounds: the walk goes on, and its panel hears why this page stopped.
          overlay.say(t('recordingStopped', t(STOP_KIND[reason])), 'alert');
          void send('recorder/stopped', { walkId: walk.walkId, recorderId, url, reason }).catch(() => undefined);
        }
      },
      onEmit: import.meta.env.TOUCHPOINT_TEST_HOOKS
        ? (id, n) => sessionStorage.setItem(`touchpoint-test-emitted:${id}`, String(n))
        : undefined,
    });

    // The tagging tools load on first use (or on a page that has tags to mark): most pages never
    // pay for them. See lib/tagging/bridge.ts.
    publishBridge({
      walkId: walk.walkId,
      recorderId: session.recorderId,
      categories: walk.categories,
      privacy: { maskAllText: walk.maskAllText, blockSelectors: walk.blockSelectors },
      shadowRootOf,
      hideOverlay: (hidden) => overlay.set({ hidden }),
      addCustomEvent: (tag, payload) => session.addCustomEvent(tag, payload),
      pageUrl: () => session.pageUrl(),
      setMode: (mode) => overlay.set({ mode }),
      notice: (text) => {
        overlay.say(text);
      },
      focusOverlay: (button) => overlay.refocus(button),
    });
    let tagger: Promise<Tagger> | null = null;
    const withTagger = (use: (t: Tagger) => void) => {
      tagger ??= send('tagger/inject', {}).then(() => {
        const loaded = readTagger();
        if (!loaded) throw new Error('the tagging tools did not start');
        // Markers follow the auditor's toggle from the start: a first tag on a page shows at once.
        if (overlay.state.showTags) loaded.markers(true);
        return loaded;
      });
      tagger.then(use, (e: unknown) => {
        tagger = null;
        overlay.say(t('taggerLoadFailed', e instanceof Error ? e.message : String(e)), 'alert');
      });
    };
    const tag = () => withTagger((x) => x.pick());
    const score = () => withTagger((x) => x.score());

    publishOverlayPort(overlay.port);
    // The overlay's clock; each tick also checks that the extension is still there (WXT's ctx).
    ctx.setInterval(() => overlay.tick(), 1000);
    if (walk.showTags && walk.tagsHere > 0) withTagger(() => undefined);

    registerHandlers(
      {
        'walk/changed': async ({ walk: w }) => {
          if (w.status !== 'recording') readTagger()?.cancel();
          if (w.status === 'ended') {
            overlay.set({ status: 'stopped', removed: true });
            session.pause();
          } else if ((w.status === 'paused') !== (overlay.state.status === 'paused')) {
            overlay.set({ status: w.status });
            if (w.status === 'paused') session.pause();
            else session.resume();
          }
          return null;
        },
        'overlay/command': async ({ command }) => {
          if (overlay.state.status === 'recording' && overlay.state.mode === 'idle') {
            if (command === 'tag-friction') tag();
            else score();
          }
          return null;
        },
        'recorder/drain': async () => {
          await session.drain();
          return null;
        },
      },
      // Only Touchpoint's worker may message this content script (checked by sender), so there is
      // no page input to parse here, and no zod in the page's bundle.
      { senders: fromWorkerOnly, signal: ctx.signal },
    );
  },
});
