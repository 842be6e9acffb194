import { render } from 'preact';
import { createLayer } from '@/components/overlay/host/mount';
import { TaggerApp } from '@/components/tagger/TaggerApp';
import taggerCss from '@/components/tagger/tagger.css?inline';
import { send } from '@/lib/messaging/client';
import { ISOLATED_EVENTS } from '@/components/overlay/host/isolated-events';
import { OVERLAY_TAG } from '@/lib/overlay-tag';
import { createTaggerModel } from '@/components/tagger/model/tagger-model';
import { publishTagger, readBridge } from '@/components/tagger/bridge';
import { createTagger } from '@/components/tagger/model/tagger';

export default defineContentScript({
  // Injected by the background on the recorder's request only (lib/tagging/bridge.ts).
  registration: 'runtime',
  async main(ctx) {
    const bridge = readBridge();
    if (!bridge) return; // no recorder in this document: nothing to tag
    const win = window;
    const model = createTaggerModel();
    const ctl = createTagger({ win, model, bridge, send });

    // Hardened like the overlay's (components/overlay/mount.ts). The same tag as the overlay's
    // host: the recording drops it the same way.
    const ui = createLayer({
      win,
      name: OVERLAY_TAG,
      css: taggerCss,
      signal: ctx.signal,
      // Clicks and keys inside stay inside: the page never sees the picking click.
      isolateEvents: ISOLATED_EVENTS,
      onMount: (container) => {
        render(<TaggerApp model={model} ctl={ctl} categories={bridge.categories} />, container);
        return container;
      },
      onRemove: (container) => render(null, container),
    });
    ui.mount();

    // Markers follow their elements: scrolling, resizing and the page's own changes move them.
    let queued = false;
    const relayout = () => {
      if (queued) return;
      queued = true;
      win.requestAnimationFrame(() => {
        queued = false;
        ctl.relayout();
      });
    };
    ctx.addEventListener(win, 'scroll', relayout, { capture: true, passive: true });
    ctx.addEventListener(win, 'resize', relayout);
    // Layout that shifts without a scroll (an image loads, a banner opens): boxes are read again,
    // at most once a frame; with no markers on the page a relayout returns at once.
    const resized = new ResizeObserver(relayout);
    resized.observe(win.document.documentElement);
    const mutated = new MutationObserver(relayout);
    mutated.observe(win.document.documentElement, { subtree: true, childList: true, attributes: true });
    ctx.onInvalidated(() => {
      resized.disconnect();
      mutated.disconnect();
    });
    ctx.onInvalidated(() => bridge.setMode('idle'));
    publishTagger(ctl.tagger);
  },
});
