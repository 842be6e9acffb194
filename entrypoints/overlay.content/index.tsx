import { render } from 'preact';
import { keepInView } from '@/components/overlay/host/keep-in-view';
import { createLayer } from '@/components/overlay/host/mount';
import { ISOLATED_EVENTS } from '@/components/overlay/host/isolated-events';
import { Overlay } from '@/components/overlay/Overlay';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { createOverlayModel } from '@/components/overlay/overlay-model';
import { readOverlayPort } from '@/components/overlay/port';
import { OVERLAY_TAG } from '@/lib/overlay-tag';

export default defineContentScript({
  // Injected by the worker with the recorder, after it, in one executeScript (lib/walk/browser-env.ts):
  // the recorder's bundle stays small, and its UI (Preact, this overlay, its CSS) runs next.
  registration: 'runtime',
  // WXT's "script started" note to the page's window: nothing of ours listens to it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const port = readOverlayPort();
    // No recorder in this document, or it already stopped for good: no overlay.
    if (!port || port.signal.aborted || port.state.removed || ctx.isInvalid) return;
    const win = window;
    const { actions } = port;
    const model = createOverlayModel({
      personaName: port.state.personaName,
      startedAt: port.state.startedAt,
      paused: port.state.status === 'paused',
      showTags: port.state.showTags,
    });
    const viewport = () => ({ width: win.innerWidth, height: win.innerHeight });
    // A closed shadow root (never recorded) that the page can neither restyle, bury nor remove;
    // it goes with the recorder, or with this script.
    const life = AbortSignal.any([ctx.signal, port.signal]);
    const ui = createLayer({
      win,
      name: OVERLAY_TAG,
      css: overlayCss,
      isolateEvents: ISOLATED_EVENTS,
      signal: life,
      onMount: (container) => {
        render(
          <Overlay
            model={model}
            viewport={viewport}
            onPause={actions.pause}
            onEnd={actions.end}
            onTag={actions.tag}
            onScore={actions.score}
            onShowTags={actions.showTags}
          />,
          container,
        );
        // Wholly in view when the window shrinks or the panel grows.
        keepInView({
          win,
          signal: life,
          panel: () => container.firstElementChild,
          move: (dx, dy) => model.moveBy(dx, dy, viewport()),
        });
        return container;
      },
      onRemove: (container) => render(null, container),
    });
    ui.mount();
    port.attach({
      update(state) {
        model.sync(state);
        if (state.removed) ui.remove();
      },
      refocus(button) {
        model.refocus.value = button;
      },
      tick: model.tick,
    });
  },
});
