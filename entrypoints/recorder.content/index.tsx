import { record } from '@rrweb/record';
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '@/components/overlay/Overlay';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { registerHandlers } from '@/lib/messaging/register';
import { withRetry } from '@/lib/record/retry';
import { startSession } from '@/lib/record/session';
import { OVERLAY_TAG } from '@/lib/record/strip-overlay';
import { createOverlayModel } from '@/lib/state/overlay-model';

export default defineContentScript({
  // Injected by the background into the walk's tabs only; never declared for any site.
  registration: 'runtime',
  async main(ctx) {
    // The background injects once per document (lib/walk/browser-env.ts claims it first): a second
    // instance would stop this one, as WXT stops older instances of a content script.
    const win = window;
    if (!/^https?:$/.test(win.location.protocol)) return;

    // The worker may be starting up (it sleeps when idle): ask again rather than miss the page.
    const walk = await withRetry(() => send('recorder/hello', {}));
    if (!walk || ctx.isInvalid) return;

    const model = createOverlayModel({ personaName: walk.personaName, startedAt: walk.startedAt, paused: walk.paused });
    const session = startSession({
      win,
      ctx: walk,
      record,
      send: (batch) => send('recorder/flush', batch),
      signal: ctx.signal,
      onStop: (reason) => {
        model.status.value = 'stopped';
        model.notice.value = reason === 'storage-full' ? t('noticeStorageFull') : t('noticeWalkEnded');
      },
      onEmit: import.meta.env.TOUCHPOINT_TEST_HOOKS
        ? (id, n) => sessionStorage.setItem(`touchpoint-test-emitted:${id}`, String(n))
        : undefined,
    });

    const ui = await createShadowRootUi(ctx, {
      name: OVERLAY_TAG,
      mode: 'closed', // rrweb cannot see into a closed root: the overlay is never recorded
      position: 'inline',
      anchor: 'html',
      css: overlayCss,
      isolateEvents: true,
      onMount: (container) => {
        render(
          <Overlay
            model={model}
            viewport={() => ({ width: win.innerWidth, height: win.innerHeight })}
            onPause={(paused) => void send('walk/pause', { walkId: walk.walkId, paused })}
            onEnd={() => void send('walk/end', { walkId: walk.walkId })}
          />,
          container,
        );
        return container;
      },
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
    ctx.setInterval(() => model.tick(), 1000);

    registerHandlers(
      {
        'walk/changed': async ({ walk: w }) => {
          if (w.status === 'ended') {
            model.status.value = 'stopped';
            session.pause();
            ui.remove();
          } else if ((w.status === 'paused') !== (model.status.value === 'paused')) {
            model.status.value = w.status;
            if (w.status === 'paused') session.pause();
            else session.resume();
          }
          return null;
        },
        'recorder/drain': async () => {
          await session.drain();
          return null;
        },
      },
      // Only Touchpoint's worker can message a content script: no page input to parse here.
      { signal: ctx.signal },
    );
  },
});
